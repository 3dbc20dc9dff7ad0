/**
 * The card's history in its detail dialog: who did what and when, oldest first, from the
 * server. The latest page comes first; "Load older activity" above the list fetches the rest.
 */
import { useCallback, useMemo, useRef } from 'react';
import type { BoardView } from '../../shared/board/view';
import { When } from '../review/When';
import { useBoardAccess } from '../review/useBoardAccess';
import { describeEvent } from './historyEvent';
import { HistoryReadStatus } from './HistoryReadStatus';
import { LoadOlderButton } from './LoadOlderButton';
import { useBoardRedactions } from './useBoardRedactions';
import { useHistory } from './useHistory';

export function CardTimeline({ cardId, board }: { cardId: string; board: BoardView }) {
  const access = useBoardAccess();
  const history = useHistory(access, cardId, board);
  const { error, awaitingConnection } = history;
  // The words of a comment a lead redacted go as soon as the board says so, not at the next read.
  const events = useBoardRedactions(history.events, board, cardId);
  const listRef = useRef<HTMLOListElement>(null);
  // Built again only when the events change, not at every change of the board, which
  // re-renders the dialog: formatting every entry's time anew each time is what made the
  // Activity feed costly while a colleague worked fast (ActivityEntry).
  const list = useMemo(
    () =>
      events && (
        <ol className="timeline" aria-label="Card history" ref={listRef}>
          {events.map((e) => (
            <li key={e.seq} data-seq={e.seq} tabIndex={-1}>
              <strong>
                <bdi>{e.actor.name}</bdi>
              </strong>{' '}
              {describeEvent(e)} <When at={e.at} className="muted small" />
            </li>
          ))}
        </ol>
      ),
    [events],
  );
  const focusEntry = useCallback(
    (seq: number) => listRef.current?.querySelector<HTMLElement>(`[data-seq="${seq}"]`)?.focus(),
    [],
  );
  return (
    <section aria-labelledby="detail-history" className="review-section">
      <h3 id="detail-history">History</h3>
      <HistoryReadStatus what="History" awaitingConnection={awaitingConnection} error={error} />
      <LoadOlderButton history={history} newestFirst={false} focusEntry={focusEntry} />
      {events === null ? (
        !error && !awaitingConnection && <p className="muted">Loading history…</p>
      ) : events.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        list
      )}
    </section>
  );
}
