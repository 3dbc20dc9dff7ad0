/**
 * The Activity feed's rows. Some single changes touch many cards, and the history records
 * each card's part (a card's own history needs it): importing an article adds one card per
 * claim, renaming a rating-scale label relabels every card that carried it. The seed alone
 * would fill the feed with twenty "added the card" entries in a row; a person reading the
 * feed wants one: "imported the article “…” and added its 22 cards to Unverified". Removing
 * an article deletes the cards nobody worked on: one row, "removed the article “…” and
 * deleted 20 cards nobody had worked on".
 *
 * So the events of one change by one person (history gives them the same actor and time)
 * become one row when they are all the same kind of thing done to cards (added, deleted, or
 * given the same verdict, moved to one column, given to one checker: a selection acted on at
 * once), with at most one event about the board that caused them (the article, the
 * scale). A selection moved whose verdicts not of the new column were set to one label or
 * cleared in the same change is one row too ("moved 5 cards to Disputed and cleared 2
 * verdicts"). The row lists its cards on demand.
 *
 * The other way round, work on one card comes as a run of changes to it: moved, commented,
 * given evidence and a verdict, by one person or a few. With each entry naming its card, ten
 * changes to one card showed its claim (up to 2,000 characters) ten times, and a screen reader
 * said it ten times. So a run of consecutive events about one card is one row that names the
 * card once, above who did what and when. Events about the board alone keep a row each.
 */
import { isColumn } from '../../shared/board/schema';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { plural } from '../ui/plural';
import { describeEvent, type HistoryEvent } from './historyEvent';

export interface CardsRow {
  readonly kind: 'cards';
  /** The newest event's seq: it stays the row's key when older pages add to the row. */
  readonly key: number;
  readonly actor: HistoryEvent['actor'];
  readonly at: number;
  /** The card events, newest first like the feed. */
  readonly cards: readonly HistoryEvent[];
  /**
   * The event about the board that made the card events (article.added, article.restored,
   * article.removed, scale.changed).
   */
  readonly cause: HistoryEvent | null;
  /**
   * A selection's move that also set or cleared the verdicts not of the new column
   * (moveCards): those verdict.set events, all to one verdict, each of a moved card; else none.
   */
  readonly verdicts: readonly HistoryEvent[];
}

/** Consecutive events about one card, whoever made them. */
export interface CardRow {
  readonly kind: 'card';
  /**
   * The oldest event's seq: it stays the row's key as new events about the card join the row
   * at the top, which is where a feed grows while someone works on the card. (An older page
   * that continues the run changes it; that row, below the reader, is rendered anew.)
   */
  readonly key: number;
  readonly cardId: string;
  /** Newest first, like the feed. */
  readonly events: readonly HistoryEvent[];
}

/** An event about the board, not about a card (a role change, the board's title). */
export interface EventRow {
  readonly kind: 'event';
  readonly key: number;
  readonly event: HistoryEvent;
}

export type ActivityRow = EventRow | CardRow | CardsRow;

const CAUSES = new Set(['article.added', 'article.restored', 'article.removed', 'scale.changed']);

/** Card events that read as one sentence about many cards: the same type and the same data. */
function sameDeed(a: HistoryEvent, b: HistoryEvent): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'card.created' || a.type === 'card.deleted' || a.type === 'card.restored') {
    return true;
  }
  if (a.type === 'verdict.set')
    return a.data.verdict === b.data.verdict && a.data.from === b.data.from;
  // A selection moved or given to one checker at once (moveCards, assignCards): a crossed
  // write says what it replaced on its own row.
  if (a.data.crossed !== undefined || b.data.crossed !== undefined) return false;
  if (a.type === 'card.moved') return a.data.to === b.data.to;
  if (a.type === 'card.assigned') return assigneeId(a) === assigneeId(b);
  return false;
}

const assigneeId = (e: HistoryEvent): unknown =>
  (e.data.assignee as { id?: unknown } | null | undefined)?.id ?? null;

const sameChange = (a: HistoryEvent, b: HistoryEvent) => a.actor.id === b.actor.id && a.at === b.at;

/** The verdicts a scale change relabelled, whatever each became: "relabelled 5 cards". */
const relabelling = (cause: HistoryEvent | undefined, cards: readonly HistoryEvent[]) =>
  cause?.type === 'scale.changed' && cards.every((e) => e.type === 'verdict.set');

/**
 * The verdict events of a selection moved at once whose verdicts did not fit the new column
 * (moveCards set them all to one label, or cleared them): their cards are among those moved.
 * Empty when the events are not that.
 */
function verdictsOfMove(events: readonly HistoryEvent[]): HistoryEvent[] {
  const moved = new Set(events.filter((e) => e.type === 'card.moved').map((e) => e.cardId));
  const verdicts = events.filter((e) => e.type === 'verdict.set');
  const [first] = verdicts;
  if (moved.size === 0 || !first) return [];
  const fits = verdicts.every(
    (e) =>
      moved.has(e.cardId) && e.data.crossed === undefined && e.data.verdict === first.data.verdict,
  );
  return fits && moved.size + verdicts.length === events.length ? verdicts : [];
}

/** The block's card events and cause, when it reads as one row; null when it does not. */
function asCardsRow(block: readonly HistoryEvent[]): CardsRow | null {
  const causes = block.filter((e) => CAUSES.has(e.type));
  const cardEvents = block.filter((e) => !CAUSES.has(e.type));
  const verdicts = causes.length === 0 ? verdictsOfMove(cardEvents) : [];
  const cards =
    verdicts.length > 0 ? cardEvents.filter((e) => e.type === 'card.moved') : cardEvents;
  const [first] = cards;
  if (causes.length > 1 || !first) return null;
  if (!cards.every((e) => sameDeed(e, first)) && !relabelling(causes[0], cards)) return null;
  if (cards.length < 2 && causes.length === 0) return null;
  const newest = block[0] as HistoryEvent;
  return {
    kind: 'cards',
    key: newest.seq,
    actor: newest.actor,
    at: newest.at,
    cards,
    cause: causes[0] ?? null,
    verdicts,
  };
}

/** A CardRow while groupActivity adds to it. */
interface GrowingCardRow {
  readonly kind: 'card';
  key: number;
  readonly cardId: string;
  readonly events: HistoryEvent[];
}

type Growing = EventRow | CardsRow | GrowingCardRow;

/** Adds an event that is no part of a CardsRow: to its card's run when the last row is one. */
function addSingle(rows: Growing[], event: HistoryEvent) {
  const { cardId } = event;
  const last = rows.at(-1);
  if (cardId === null) rows.push({ kind: 'event', key: event.seq, event });
  else if (last?.kind === 'card' && last.cardId === cardId) {
    last.events.push(event);
    last.key = event.seq;
  } else rows.push({ kind: 'card', key: event.seq, cardId, events: [event] });
}

/** Groups a newest-first event list into rows, keeping its order. */
export function groupActivity(events: readonly HistoryEvent[]): ActivityRow[] {
  const rows: Growing[] = [];
  let i = 0;
  while (i < events.length) {
    const first = events[i] as HistoryEvent;
    let end = i + 1;
    while (end < events.length && sameChange(events[end] as HistoryEvent, first)) end++;
    const block = events.slice(i, end);
    const row = block.length > 1 ? asCardsRow(block) : null;
    if (row) rows.push(row);
    else for (const event of block) addSingle(rows, event);
    i = end;
  }
  return rows;
}

/** The index of the row that holds the event `seq`, or -1. */
export function rowIndexOf(rows: readonly ActivityRow[], seq: number): number {
  return rows.findIndex((row) => {
    if (row.kind === 'event') return row.event.seq === seq;
    if (row.kind === 'card') return row.events.some((e) => e.seq === seq);
    const has = (e: HistoryEvent) => e.seq === seq;
    return row.cause?.seq === seq || row.cards.some(has) || row.verdicts.some(has);
  });
}

/** What the row's person did, as the rest of a sentence that starts with their name. */
export function describeCards(row: CardsRow): string {
  // The removal's own sentence counts the cards it deleted.
  if (row.cause?.type === 'article.removed') return describeEvent(row.cause);
  const first = row.cards[0] as HistoryEvent;
  const cards = plural(row.cards.length, 'card', 'cards');
  let deed: string;
  if (first.type === 'card.created' || first.type === 'card.restored') {
    const columns = new Set(row.cards.map((e) => e.data.column));
    const [column] = columns;
    const where = columns.size === 1 && isColumn(column) ? ` to ${COLUMN_LABELS[column]}` : '';
    const verb = first.type === 'card.created' ? 'added ' : 'restored ';
    // "restored the article “T” and its 2 cards": the article's verb serves its cards.
    if (row.cause?.type === 'article.restored') deed = `its ${cards}${where}`;
    else deed = `${verb}${row.cause?.type === 'article.added' ? 'its ' : ''}${cards}${where}`;
  } else if (first.type === 'card.deleted') {
    deed = `deleted ${cards}`; // a selection deleted, or deletions made offline
  } else if (first.type === 'card.moved') {
    const from = new Set(row.cards.map((e) => e.data.from));
    const [only] = from;
    const whence = from.size === 1 && isColumn(only) ? ` from ${COLUMN_LABELS[only]}` : '';
    const to = isColumn(first.data.to) ? COLUMN_LABELS[first.data.to] : 'an unknown column';
    deed = `moved ${cards}${whence} to ${to}${verdictsWithMove(row.verdicts)}`;
  } else if (first.type === 'card.assigned') {
    // "gave the card to Bo" → "gave 3 cards to Bo"; "took the card", "released the card".
    deed = describeEvent(first).replace('the card', cards);
  } else if (!row.cards.every((e) => sameDeed(e, first))) {
    deed = `relabelled ${cards}`; // a rename of several labels at once
  } else {
    // "set the verdict to True (was Unproven)" → "set the verdict of 3 cards to True (was …)"
    deed = describeEvent(first).replace(
      /^set the verdict|^cleared the verdict/,
      (m) => `${m} of ${cards}`,
    );
  }
  if (!row.cause) return deed;
  // The scale's sentence ends in a list of labels: a comma keeps the cards out of it.
  return `${describeEvent(row.cause)}${row.cause.type === 'scale.changed' ? ',' : ''} and ${deed}`;
}

/** " and set 2 verdicts to Misleading", " and cleared 2 verdicts", or '' for none. */
function verdictsWithMove(verdicts: readonly HistoryEvent[]): string {
  const [first] = verdicts;
  if (!first) return '';
  const count = plural(verdicts.length, 'verdict', 'verdicts');
  const label = first.data.verdict;
  return typeof label === 'string' ? ` and set ${count} to ${label}` : ` and cleared ${count}`;
}

/** The name of the row's button that lists its cards. */
export function cardsListLabel(row: CardsRow): string {
  const type = row.cards[0]?.type;
  const verb =
    type === 'card.created'
      ? 'added'
      : type === 'card.deleted'
        ? 'deleted'
        : type === 'card.restored'
          ? 'restored'
          : type === 'card.moved'
            ? 'moved'
            : 'changed';
  return `Cards ${verb} (${row.cards.length})`;
}
