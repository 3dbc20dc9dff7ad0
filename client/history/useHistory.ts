/** A board's (or one card's) history from the server, refetched as the board changes. */
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../ui/errorMessage';
import { fetchHistory } from './fetchHistory';
import type { HistoryEvent } from './historyEvent';
import { createRefresher, type Refresher } from './refresher';

export interface HistoryState {
  /** Null until the first answer. */
  readonly events: readonly HistoryEvent[] | null;
  readonly error: string | null;
}

const EMPTY: HistoryState = { events: null, error: null };

export function useHistory(
  access: { readonly id: string; readonly token: string } | null,
  cardId: string | null,
  /** Anything that changes whenever the board does (e.g. the BoardView). */
  changeKey: unknown,
): HistoryState {
  const boardId = access?.id ?? null;
  const token = access?.token ?? null;
  const target = `${boardId}\n${token}\n${cardId}`;
  const [state, setState] = useState<HistoryState & { target: string }>({ ...EMPTY, target });
  const refresher = useRef<Refresher | null>(null);
  const lastKey = useRef(changeKey);

  useEffect(() => {
    if (!boardId || !token) return;
    const controller = new AbortController();
    let requested = 0;
    let applied = 0;
    const load = () => {
      const n = ++requested;
      fetchHistory(boardId, token, cardId, controller.signal).then(
        (events) => {
          // Answers may overtake each other; an older one never replaces a newer one.
          if (n < applied) return;
          applied = n;
          setState({ events, error: null, target });
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          const error = errorMessage(err);
          setState((s) => ({ ...(s.target === target ? s : EMPTY), error, target }));
        },
      );
    };
    load();
    refresher.current = createRefresher(load);
    return () => {
      refresher.current?.dispose();
      refresher.current = null;
      controller.abort();
    };
  }, [boardId, token, cardId, target]);

  useEffect(() => {
    if (lastKey.current === changeKey) return;
    lastKey.current = changeKey;
    refresher.current?.changed();
  }, [changeKey]);

  return state.target === target ? state : EMPTY;
}
