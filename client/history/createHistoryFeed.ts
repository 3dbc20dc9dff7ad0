/**
 * What the Activity panel and a card's timeline hold of a history, and how it grows, apart
 * from React: the latest page first; older pages on demand; after that, only what is newer
 * than the newest event held (following `next` until caught up), so a refresh on a board with
 * months of history costs one small request.
 */
import { unreachable } from '../app/api';
import type { HistoryEvent } from './historyEvent';
import type { HistoryPage } from './fetchHistory';
import { mergeEvents } from './mergeEvents';

export const HISTORY_PAGE_SIZE = 200;

export interface HistoryFeedState {
  /** Oldest first; null until the first page arrives. */
  readonly events: readonly HistoryEvent[] | null;
  /** Whether older events exist than the oldest held. */
  readonly hasOlder: boolean;
  /**
   * How many events are older than the oldest held (0 once the first is held); null until the
   * server has said. The history only grows at its new end, so this holds until older pages come.
   */
  readonly olderCount: number | null;
  readonly loadingOlder: boolean;
  /** The last failure, cleared by the next success; null when it was `unreachable`. */
  readonly error: string | null;
  /**
   * The last read could not reach the server (no network, the server down), cleared by the
   * next success: nothing is wrong with the history, it is to be read again once it can be.
   */
  readonly unreachable: boolean;
}

/** The state before anything has been read: where a feed starts, and what a view shows meanwhile. */
export const EMPTY_HISTORY_FEED: HistoryFeedState = {
  events: null,
  hasOlder: false,
  olderCount: null,
  loadingOlder: false,
  error: null,
  unreachable: false,
};

export interface HistoryFeed {
  /** Loads the latest page, or what is newer than the newest event held. */
  refresh(): void;
  /** Loads the page before the oldest event held, if there is one and none is loading. */
  loadOlder(): void;
  /** Answers that arrive afterwards are dropped. */
  dispose(): void;
}

export type FetchPage = (query: {
  readonly after?: number;
  readonly before?: number;
  readonly limit: number;
}) => Promise<HistoryPage>;

export function createHistoryFeed(
  fetchPage: FetchPage,
  onChange: (state: HistoryFeedState) => void,
  describeError: (error: unknown) => string,
  limit = HISTORY_PAGE_SIZE,
): HistoryFeed {
  let state = EMPTY_HISTORY_FEED;
  let disposed = false;
  let refreshing = false;
  let refreshAgain = false;

  const set = (change: Partial<HistoryFeedState>) => {
    if (disposed) return;
    state = { ...state, ...change };
    onChange(state);
  };
  /** What a read leaves of the last failure. */
  const succeeded = { error: null, unreachable: false } as const;
  const failed = (error: unknown): Partial<HistoryFeedState> =>
    unreachable(error)
      ? { error: null, unreachable: true }
      : { error: describeError(error), unreachable: false };
  const add = (events: readonly HistoryEvent[]) => mergeEvents(state.events ?? [], events);
  /** What a page walking back says of the events before it. */
  const older = (page: HistoryPage) => {
    const hasOlder = page.next !== null;
    return { hasOlder, olderCount: hasOlder ? page.older : 0 };
  };

  const catchUp = async () => {
    if (state.events === null) {
      const page = await fetchPage({ limit });
      set({ events: add(page.events), ...older(page), ...succeeded });
      return;
    }
    for (;;) {
      const after = state.events.at(-1)?.seq ?? 0;
      const page = await fetchPage({ after, limit });
      if (disposed) return;
      set({ events: add(page.events), ...succeeded });
      if (page.next === null || page.events.length === 0) return;
    }
  };

  const refresh = () => {
    // One refresh at a time; changes meanwhile ask for one more round once it is done.
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    void catchUp()
      .catch((error: unknown) => set(failed(error)))
      .finally(() => {
        refreshing = false;
        if (refreshAgain && !disposed) {
          refreshAgain = false;
          refresh();
        }
      });
  };

  return {
    refresh,
    loadOlder() {
      const oldest = state.events?.[0];
      if (!oldest || !state.hasOlder || state.loadingOlder) return;
      set({ loadingOlder: true });
      fetchPage({ before: oldest.seq, limit }).then(
        (page) =>
          set({
            events: add(page.events),
            ...older(page),
            loadingOlder: false,
            ...succeeded,
          }),
        (error: unknown) => set({ loadingOlder: false, ...failed(error) }),
      );
    },
    dispose() {
      disposed = true;
    },
  };
}
