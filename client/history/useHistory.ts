/**
 * A board's (or one card's) history from the server: the latest page, older pages on demand,
 * and, as the board changes or this page's changes are stored, only the events newer than
 * those held (createHistoryFeed).
 */
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { AllSavedContext } from './AllSavedContext';
import { errorMessage } from '../ui/errorMessage';
import { createHistoryFeed, type HistoryFeed, type HistoryFeedState } from './createHistoryFeed';
import { fetchHistory } from './fetchHistory';
import { createRefresher, type Refresher } from './refresher';

export interface HistoryState extends HistoryFeedState {
  loadOlder(): void;
}

const EMPTY: HistoryFeedState = {
  events: null,
  hasOlder: false,
  olderCount: null,
  loadingOlder: false,
  error: null,
};

export function useHistory(
  access: { readonly id: string; readonly token: string } | null,
  cardId: string | null,
  /** Anything that changes whenever the board does (e.g. the BoardView). */
  changeKey: unknown,
): HistoryState {
  const boardId = access?.id ?? null;
  const token = access?.token ?? null;
  const target = `${boardId}\n${token}\n${cardId}`;
  const [state, setState] = useState<HistoryFeedState & { target: string }>({ ...EMPTY, target });
  const feed = useRef<HistoryFeed | null>(null);
  const refresher = useRef<Refresher | null>(null);
  const lastKey = useRef(changeKey);

  useEffect(() => {
    if (!boardId || !token) return;
    const controller = new AbortController();
    const current = createHistoryFeed(
      (query) => fetchHistory(boardId, token, { cardId, ...query }, controller.signal),
      (next) => setState({ ...next, target }),
      errorMessage,
    );
    current.refresh();
    feed.current = current;
    refresher.current = createRefresher(() => current.refresh());
    return () => {
      refresher.current?.dispose();
      refresher.current = null;
      feed.current = null;
      current.dispose();
      controller.abort();
    };
  }, [boardId, token, cardId, target]);

  useEffect(() => {
    if (lastKey.current === changeKey) return;
    lastKey.current = changeKey;
    refresher.current?.changed();
  }, [changeKey]);

  const allSaved = useContext(AllSavedContext);
  const wasSaved = useRef(allSaved);
  useEffect(() => {
    if (allSaved && !wasSaved.current) refresher.current?.changed();
    wasSaved.current = allSaved;
  }, [allSaved]);

  const loadOlder = useCallback(() => feed.current?.loadOlder(), []);
  return { ...(state.target === target ? state : EMPTY), loadOlder };
}
