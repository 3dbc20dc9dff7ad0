/**
 * One row of the Activity feed (ActivityFeed places it). A row about one card names it once,
 * as a heading (its claim, which opens it), above the list of who did what to it and when; a
 * row of many cards says what was done and lists them on demand; an event about the board
 * alone is its sentence.
 *
 * Memoised on props that a board change leaves alone: the panel re-renders at every change of
 * the board, dozens a second while a colleague works fast, and re-rendering every row in view
 * at each one (their times formatted anew, their claims looked up) made the feed cost a lead's
 * page more than the board itself. A row gets the claim of its own card as it is now, not the
 * board, so it renders again only when that claim changes, when its place in the list moves,
 * or when new events come; the board's cards reach only a row whose list of cards is open.
 */
import { memo } from 'react';
import type { BoardView } from '../../shared/board/view';
import { ActivityLine } from './ActivityLine';
import { CardClaim } from './CardClaim';
import { type ActivityRow, type CardRow, cardsListLabel, describeCards } from './groupActivity';
import { claimOf, describeEvent } from './historyEvent';
import { RestoreCardButton } from './RestoreCardButton';
import './activity.css';

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
  /** A card row's claim as it is on the board now; undefined once the card is gone. */
  readonly liveClaim: string | undefined;
  /** The article a card row's card quotes, while it is on the board (its claim's language). */
  readonly liveArticleId: string | undefined;
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
  liveArticleId,
  cards,
  expanded,
  toggle,
  openCard,
  restore,
  restorable,
  recordedClaims,
}: ActivityEntryProps) {
  let body;
  if (row.kind === 'card') {
    body = (
      <CardEntries
        row={row}
        liveClaim={liveClaim}
        liveArticleId={liveArticleId}
        openCard={openCard}
        restore={restore}
        restorable={restorable}
        recordedClaims={recordedClaims}
      />
    );
  } else if (row.kind === 'event') {
    body = (
      <ActivityLine name={row.event.actor.name} what={describeEvent(row.event)} at={row.event.at} />
    );
  } else {
    const listId = `activity-cards-${row.key}`;
    body = (
      <>
        <ActivityLine name={row.actor.name} what={describeCards(row)} at={row.at} />
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => toggle(row.key)}
        >
          {/* One name, open or closed: aria-expanded says which. */}
          <span className="disclosure-mark" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          {cardsListLabel(row)}
        </button>
        {expanded && cards && (
          <ul id={listId} className="activity-cards">
            {/* In the order they were added: an import adds its best claims first. */}
            {[...row.cards].reverse().map((e) => {
              const cardId = e.cardId as string; // card events name their card
              const claim = claimOf(e, cards[cardId]?.claim, recordedClaims);
              return (
                <li key={e.seq} tabIndex={-1}>
                  <CardClaim
                    cardId={cardId}
                    claim={claim}
                    articleId={cards[cardId]?.source?.articleId}
                    onBoard={cards[cardId] !== undefined}
                    openCard={openCard}
                  />
                  {restore && claim !== null && !cards[cardId] && restorable.has(e.seq) && (
                    <RestoreCardButton cardId={cardId} claim={claim} restore={restore} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </>
    );
  }
  return (
    <li
      ref={measure}
      data-index={index}
      data-seq={row.key}
      // A change, and an item of the list's roving tab stop (useFeedKeyboard); a card's row
      // is its heading and its entries, each an item of its own.
      data-entry={row.kind === 'card' ? undefined : ''}
      tabIndex={-1}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={{ transform: `translateY(${start}px)` }}
    >
      {body}
    </li>
  );
});

/**
 * A card row: the card's claim as the row's heading, then its events, newest first, each
 * saying only who did what and when. Each event is an entry of its own (`data-event-seq`), an
 * item the arrow keys reach, so focus can land on the one that matters: the first of an older
 * page, or a deletion whose card was just restored.
 */
function CardEntries({
  row,
  liveClaim,
  liveArticleId,
  openCard,
  restore,
  restorable,
  recordedClaims,
}: {
  row: CardRow;
  liveClaim: string | undefined;
  liveArticleId: string | undefined;
  openCard: (cardId: string) => void;
  restore: ((cardId: string) => Promise<void>) | null;
  restorable: ReadonlySet<number>;
  recordedClaims: ReadonlyMap<string, string>;
}) {
  const claim = claimOf(row.events[0]!, liveClaim, recordedClaims);
  // A restored card is back before the history says so: Restore goes at once.
  const onBoard = liveClaim !== undefined;
  return (
    <>
      <h3 className="activity-card">
        <CardClaim
          cardId={row.cardId}
          claim={claim}
          articleId={liveArticleId}
          onBoard={onBoard}
          openCard={openCard}
        />
      </h3>
      <ol className="activity-events">
        {row.events.map((e) => (
          <li key={e.seq} data-event-seq={e.seq} data-entry="" tabIndex={-1}>
            <ActivityLine name={e.actor.name} what={describeEvent(e)} at={e.at} />
            {restore && claim !== null && !onBoard && restorable.has(e.seq) && (
              <RestoreCardButton cardId={row.cardId} claim={claim} restore={restore} />
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
