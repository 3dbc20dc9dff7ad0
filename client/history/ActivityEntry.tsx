/**
 * One row of the Activity feed (ActivityFeed places it): who did what and when, the claim it
 * is about, and for a row of many cards the list of them on demand.
 *
 * Memoised on props that a board change leaves alone: the panel re-renders at every change of
 * the board, dozens a second while a colleague works fast, and re-rendering every row in view
 * at each one (their times formatted anew, their claims looked up) made the feed cost a lead's
 * page more than the board itself. A row gets the claim of its own card as it is now, not the
 * board, so it renders again only when that claim changes, when its place in the list moves,
 * or when new events come; the board's cards reach only a row whose list of cards is open.
 */
import { memo, useState } from 'react';
import type { BoardView } from '../../shared/board/view';
import { formatTime } from '../review/formatTime';
import { clip } from '../ui/clip';
import { type ActivityRow, cardsListLabel, describeCards } from './groupActivity';
import { claimOf, describeEvent, type HistoryEvent } from './historyEvent';

export interface ActivityEntryProps {
  readonly row: ActivityRow;
  /** Its place in the list, from 0. */
  readonly index: number;
  /** Its offset from the list's top, in px. */
  readonly start: number;
  /** The list's length for aria-setsize; -1 while it is not known. */
  readonly setSize: number;
  /** The virtualiser's measuring ref. */
  readonly measure: (element: HTMLElement | null) => void;
  /** An event row's card's claim as it is on the board now; undefined once the card is gone. */
  readonly liveClaim: string | undefined;
  /** The board's cards, for a cards row whose list is open; null otherwise. */
  readonly cards: BoardView['cards'] | null;
  readonly expanded: boolean;
  readonly toggle: (key: number) => void;
  readonly openCard: (cardId: string) => void;
  /** Puts a deleted card back; null for a member who may not. Rejects with why it failed. */
  readonly restore: ((cardId: string) => Promise<void>) | null;
  /** The deletions that offer Restore, by seq (restorableDeletions). */
  readonly restorable: ReadonlySet<number>;
  /** The claims the events recorded of their cards, for those gone (recordedClaims). */
  readonly recordedClaims: ReadonlyMap<string, string>;
}

export const ActivityEntry = memo(function ActivityEntry({
  row,
  index,
  start,
  setSize,
  measure,
  liveClaim,
  cards,
  expanded,
  toggle,
  openCard,
  restore,
  restorable,
  recordedClaims,
}: ActivityEntryProps) {
  const at = row.kind === 'event' ? row.event.at : row.at;
  const time = formatTime(at);
  return (
    <li
      ref={measure}
      data-index={index}
      data-seq={row.key}
      tabIndex={-1}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={{ transform: `translateY(${start}px)` }}
    >
      {row.kind === 'event' ? (
        <>
          <p>
            <strong>{row.event.actor.name}</strong> {describeEvent(row.event)}
          </p>
          <EventClaim
            event={row.event}
            time={time}
            liveClaim={liveClaim}
            recordedClaims={recordedClaims}
            openCard={openCard}
            restore={restorable.has(row.event.seq) ? restore : null}
          />
        </>
      ) : (
        <>
          <p>
            <strong>{row.actor.name}</strong> {describeCards(row)}
          </p>
          <button
            type="button"
            className="link-button"
            aria-expanded={expanded}
            aria-controls={`activity-cards-${row.key}`}
            onClick={() => toggle(row.key)}
          >
            {/* One name, open or closed: aria-expanded says which. */}
            <span className="disclosure-mark" aria-hidden="true">
              {expanded ? '▾' : '▸'}
            </span>
            {cardsListLabel(row)}
          </button>
          {expanded && cards && (
            <ul id={`activity-cards-${row.key}`} className="activity-cards">
              {/* In the order they were added: an import adds its best claims first. */}
              {[...row.cards].reverse().map((e) => (
                <li key={e.seq}>
                  <EventClaim
                    event={e}
                    time={formatTime(e.at)}
                    liveClaim={e.cardId ? cards[e.cardId]?.claim : undefined}
                    recordedClaims={recordedClaims}
                    openCard={openCard}
                    restore={restorable.has(e.seq) ? restore : null}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <time className="muted small" dateTime={new Date(at).toISOString()}>
        {time}
      </time>
    </li>
  );
});

/**
 * The claim an event is about: a link that opens its card, or plain text once it is gone,
 * with a Restore button on a deleted card's latest deletion for those who may restore it.
 */
function EventClaim({
  event,
  time,
  liveClaim,
  recordedClaims,
  openCard,
  restore,
}: {
  event: HistoryEvent;
  /** When it happened, as the entry shows it. */
  time: string;
  liveClaim: string | undefined;
  recordedClaims: ReadonlyMap<string, string>;
  openCard: (cardId: string) => void;
  restore: ((cardId: string) => Promise<void>) | null;
}) {
  const [busy, setBusy] = useState(false);
  const claim = claimOf(event, liveClaim, recordedClaims);
  const cardId = event.cardId;
  if (!claim) return null;
  if (liveClaim !== undefined && cardId) {
    // Named with what happened and when, not by the claim alone: five changes to one card
    // in a row would read the same.
    const what = clip(`${event.actor.name} ${describeEvent(event)}`, 100);
    return (
      <button
        type="button"
        className="link-button"
        aria-label={`${claim} — ${what}, ${time}`}
        onClick={() => openCard(cardId)}
      >
        {claim}
      </button>
    );
  }
  return (
    <>
      <p className="muted">{claim}</p>
      {restore && cardId && (
        <button
          type="button"
          className="button small activity-restore"
          aria-label={`${busy ? 'Restoring card' : 'Restore card'}: ${clip(claim, 80)}`}
          disabled={busy}
          onClick={(e) => {
            // The button goes once the card is back: its entry keeps the focus.
            const entry = e.currentTarget.closest<HTMLElement>('li[data-seq]');
            setBusy(true);
            restore(cardId)
              .then(() => entry?.focus())
              .catch(() => undefined) // the panel says why
              .finally(() => setBusy(false));
          }}
        >
          {busy ? 'Restoring…' : 'Restore'}
        </button>
      )}
    </>
  );
}
