/**
 * The Activity feed's rows. Importing an article adds one card per claim in one change, and
 * the history records each (a card's own history needs its "added" event), so the seed alone
 * would fill the feed with twenty "added the card" entries in a row. A person reading the feed
 * wants one: "imported the article “…” with 22 cards". Cards added in one change by one
 * person become one row, with the article they came from when it was imported in that same
 * change; the row lists its cards on demand. Every other event keeps a row of its own.
 */
import { isColumn } from '../../shared/board/schema';
import { COLUMN_LABELS } from '../board/columnLabels';
import { plural } from '../ui/plural';
import { describeEvent, type HistoryEvent } from './historyEvent';

export type ActivityRow =
  | { readonly kind: 'event'; readonly key: number; readonly event: HistoryEvent }
  | {
      readonly kind: 'cards';
      /** The newest event's seq: it stays the row's key when older pages add to the row. */
      readonly key: number;
      readonly actor: HistoryEvent['actor'];
      readonly at: number;
      /** Newest first, like the feed. */
      readonly created: readonly HistoryEvent[];
      /** The article these cards were imported from, in the same change. */
      readonly article: HistoryEvent | null;
    };

/** One change by one person: history gives its events the same actor and time. */
const sameChange = (a: HistoryEvent, b: HistoryEvent) => a.actor.id === b.actor.id && a.at === b.at;

/** Groups a newest-first event list into rows, keeping its order. */
export function groupActivity(events: readonly HistoryEvent[]): ActivityRow[] {
  const rows: ActivityRow[] = [];
  let i = 0;
  while (i < events.length) {
    const first = events[i] as HistoryEvent;
    let end = i;
    while (
      first.type === 'card.created' &&
      end < events.length &&
      events[end]!.type === 'card.created' &&
      sameChange(events[end]!, first)
    ) {
      end++;
    }
    const next = events[end];
    const article = next?.type === 'article.added' && sameChange(next, first) ? next : null;
    if (end - i >= 2 || (end - i === 1 && article)) {
      const created = events.slice(i, end);
      rows.push({
        kind: 'cards',
        key: first.seq,
        actor: first.actor,
        at: first.at,
        created,
        article,
      });
      i = end + (article ? 1 : 0);
    } else {
      rows.push({ kind: 'event', key: first.seq, event: first });
      i++;
    }
  }
  return rows;
}

/** The index of the row that holds the event `seq`, or -1. */
export function rowIndexOf(rows: readonly ActivityRow[], seq: number): number {
  return rows.findIndex((row) =>
    row.kind === 'event'
      ? row.event.seq === seq
      : row.article?.seq === seq || row.created.some((e) => e.seq === seq),
  );
}

/** What the row's person did, as the rest of a sentence that starts with their name. */
export function describeCards(row: Extract<ActivityRow, { kind: 'cards' }>): string {
  const columns = new Set(row.created.map((e) => e.data.column));
  const [column] = columns;
  const where = columns.size === 1 && isColumn(column) ? ` to ${COLUMN_LABELS[column]}` : '';
  const cards = plural(row.created.length, 'card', 'cards');
  return row.article
    ? `${describeEvent(row.article)} and added its ${cards}${where}`
    : `added ${cards}${where}`;
}
