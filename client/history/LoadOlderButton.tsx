/**
 * "Load older activity" beside a history list that holds only its latest pages: a plain
 * button, so keyboard and screen-reader users reach it like any other. Once the older page is
 * in, the list is asked to focus the first newly loaded entry in reading order, so reading goes
 * on where the new entries begin instead of at the button. How is the list's business: a
 * virtualised one must first scroll the entry into being.
 *
 * While the board's connection is down the button stays in place but does nothing and says
 * why (aria-disabled rather than disabled, so it keeps its place in the tab order and its
 * explanation is read with it): the request could only fail.
 */
import { useEffect, useId, useRef } from 'react';
import type { HistoryState } from './useHistory';

export function LoadOlderButton({
  history,
  newestFirst,
  focusEntry,
}: {
  history: HistoryState;
  /** The list's order: the first new entry is then the newest of them, else the oldest. */
  newestFirst: boolean;
  focusEntry: (seq: number) => void;
}) {
  // The oldest seq held when the load began; null when no load is waiting to be focused.
  const boundary = useRef<number | null>(null);
  const { events, loadingOlder, hasOlder, connected } = history;
  const waitingId = useId();

  useEffect(() => {
    const before = boundary.current;
    if (before === null || loadingOlder || !events) return;
    boundary.current = null;
    const loaded = events.filter((e) => e.seq < before);
    const first = newestFirst ? loaded.at(-1) : loaded[0];
    if (first) focusEntry(first.seq);
  }, [events, loadingOlder, newestFirst, focusEntry]);

  if (!hasOlder) return null;
  return (
    <p className="row">
      <button
        type="button"
        className="button small"
        aria-busy={loadingOlder}
        aria-disabled={!connected}
        aria-describedby={connected ? undefined : waitingId}
        onClick={() => {
          if (loadingOlder || !connected) return;
          boundary.current = events?.[0]?.seq ?? null;
          history.loadOlder();
        }}
      >
        Load older activity
      </button>
      {!connected && (
        <span id={waitingId} className="muted small">
          Older activity loads when the connection is back.
        </span>
      )}
      {loadingOlder && connected && (
        <span className="muted small" role="status">
          Loading…
        </span>
      )}
    </p>
  );
}
