/** The card's history in its detail dialog: who did what and when, oldest first, from the server. */
import type { BoardView } from '../../shared/board/view';
import { formatTime } from '../review/formatTime';
import { useBoardAccess } from '../review/useBoardAccess';
import { describeEvent } from './historyEvent';
import { useHistory } from './useHistory';

export function CardTimeline({ cardId, board }: { cardId: string; board: BoardView }) {
  const access = useBoardAccess();
  const { events, error } = useHistory(access, cardId, board);
  return (
    <section aria-labelledby="detail-history" className="review-section">
      <h3 id="detail-history">History</h3>
      {error && (
        <p className="error small" role="status">
          History could not be loaded: {error}
        </p>
      )}
      {events === null ? (
        !error && <p className="muted">Loading history…</p>
      ) : events.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="timeline" aria-label="Card history">
          {events.map((e) => (
            <li key={e.seq}>
              <strong>{e.actor.name}</strong> {describeEvent(e)}{' '}
              <time className="muted small" dateTime={new Date(e.at).toISOString()}>
                {formatTime(e.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
