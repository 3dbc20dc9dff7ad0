/**
 * The board's activity feed: every recorded change, newest first, each attributed by the
 * server to the person whose invite made it. It loads the latest page, older pages on demand
 * ("Load older activity"), and then only what is new as the board changes. A non-modal panel
 * beside the board (like the article view): focus moves to its heading when it opens, Escape
 * closes it, and a card's claim opens that card.
 */
import { useRef } from 'react';
import type { BoardView } from '../../shared/board/view';
import { useBoardActions } from '../board/boardActions';
import { formatTime } from '../review/formatTime';
import { SidePanel } from '../ui/SidePanel';
import { useBoardAccess } from '../review/useBoardAccess';
import { claimOf, describeEvent } from './historyEvent';
import { LoadOlderButton } from './LoadOlderButton';
import { useHistory } from './useHistory';
import '../review/review.css';

export function ActivityPanel({ board, onClose }: { board: BoardView; onClose: () => void }) {
  const actions = useBoardActions();
  const access = useBoardAccess();
  const history = useHistory(access, null, board);
  const { events, error } = history;
  const latest = events ? [...events].reverse() : null;
  const list = useRef<HTMLOListElement>(null);

  return (
    <SidePanel
      title="Activity"
      closeLabel="Close activity"
      className="activity-panel"
      onClose={onClose}
    >
      {error && (
        <p className="error small" role="status">
          Activity could not be loaded: {error}
        </p>
      )}
      {latest === null ? (
        !error && <p className="muted">Loading activity…</p>
      ) : latest.length === 0 ? (
        <p className="muted">Nothing has happened on this board yet.</p>
      ) : (
        <ol className="timeline activity-feed" aria-label="Board activity, newest first" ref={list}>
          {latest.map((e) => {
            const live = e.cardId ? board.cards[e.cardId] : undefined;
            const claim = claimOf(e, live?.claim);
            return (
              <li key={e.seq} data-seq={e.seq} tabIndex={-1}>
                <p>
                  <strong>{e.actor.name}</strong> {describeEvent(e)}
                </p>
                {claim &&
                  (live ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => actions.openCard(live.id)}
                    >
                      {claim}
                    </button>
                  ) : (
                    <p className="muted">{claim}</p>
                  ))}
                <time className="muted small" dateTime={new Date(e.at).toISOString()}>
                  {formatTime(e.at)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      <LoadOlderButton history={history} listRef={list} newestFirst />
    </SidePanel>
  );
}
