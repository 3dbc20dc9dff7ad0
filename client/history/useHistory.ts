/**
 * A board's (or one card's) history from the server: the latest page, older pages on demand,
 * and, as the board changes or this page's changes are stored, only the events newer than
 * those held (createHistoryFeed). While the board's connection is down nothing is read (each
 * read would fail, and the browser logs every failed request as an error); a read it held
 * back, or one that could not reach the server, is made once when the connection is back.
 */
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { AllSavedContext } from './AllSavedContext';
import { ConnectedContext } from './ConnectedContext';
import { errorMessage } from '../ui/errorMessage';
import {
  createHistoryFeed,
  EMPTY_HISTORY_FEED,
  type HistoryFeed,
  type HistoryFeedState,
} from './createHistoryFeed';
import { fetchHistory } from './fetchHistory';
import { createRefresher, type Refresher } from './refresher';

export interface HistoryState extends HistoryFeedState {
  /**
   * The history waits for the connection: it is down, or the last read could not reach the
   * server. It is read again once the connection is back.
   */
  readonly awaitingConnection: boolean;
  /** Whether the board's connection is up: older pages are asked for only then. */
  readonly connected: boolean;
  /** Loads the page before the oldest event held; nothing while the connection is down. */
  loadOlder(): void;
}

export function useHistory(
  access: { readonly id: string; readonly token: string } | null,
  cardId: string | null,
  /** Anything that changes whenever the board does (e.g. the BoardView). */
  changeKey: unknown,
): HistoryState {
  const boardId = access?.id ?? null;
  const token = access?.token ?? null;
  const target = `${boardId}\n${token}\n${cardId}`;
  const [state, setState] = useState<HistoryFeedState & { target: string }>({
    ...EMPTY_HISTORY_FEED,
    target,
  });
  const feed = useRef<HistoryFeed | null>(null);
  const refresher = useRef<Refresher | null>(null);
  const lastKey = useRef(changeKey);
  const connected = useContext(ConnectedContext);
  /** Read when a load is due, after this render. */
  const connectedNow = useRef(connected);
  connectedNow.current = connected;
  /** A read is owed for when the connection is back: one was held back, or did not get through. */
  const missed = useRef(false);

  useEffect(() => {
    if (!boardId || !token) return;
    const controller = new AbortController();
    const current = createHistoryFeed(
      (query) => fetchHistory(boardId, token, { cardId, ...query }, controller.signal),
      (next) => {
        if (next.unreachable) missed.current = true;
        setState({ ...next, target });
      },
      errorMessage,
    );
    const load = () => {
      if (connectedNow.current) current.refresh();
      else missed.current = true;
    };
    missed.current = false;
    load();
    feed.current = current;
    refresher.current = createRefresher(load);
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

  useEffect(() => {
    if (!connected || !missed.current) return;
    missed.current = false;
    feed.current?.refresh();
  }, [connected]);

  const allSaved = useContext(AllSavedContext);
  const wasSaved = useRef(allSaved);
  useEffect(() => {
    if (allSaved && !wasSaved.current) refresher.current?.changed();
    wasSaved.current = allSaved;
  }, [allSaved]);

  const loadOlder = useCallback(() => {
    if (connectedNow.current) feed.current?.loadOlder();
  }, []);
  const shown = state.target === target ? state : EMPTY_HISTORY_FEED;
  return { ...shown, awaitingConnection: !connected || shown.unreachable, connected, loadOlder };
}
