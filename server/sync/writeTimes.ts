/**
 * The times a client's write carries (a card's createdAt and updatedAt, an evidence item's
 * addedAt, a comment's createdAt, editedAt and deletedAt, an article's createdAt): exports and
 * Activity show them as when things happened, so the write policy refuses those that cannot be
 * honest. Not "close to now": a write made offline arrives hours or days after its commands
 * stamped it, and an Undo writes back the times it restores. Only a time later than the
 * server's now, or earlier than anything on the board, beyond CLOCK_ALLOWANCE_MS either way.
 */
import * as Y from 'yjs';
import { CLOCK_ALLOWANCE_MS } from '../../shared/protocol/clockAllowance';
import {
  ARTICLE_KEYS,
  CARD_KEYS,
  COMMENT_KEYS,
  EVIDENCE_KEYS,
  ROOT,
  articlesMap,
  cardsMap,
  commentsMap,
} from '../../shared/board/schema';
import { valueOf } from './actorValues';
import type { NewItem } from './analyzeUpdate';
import { no, type PolicyVerdict } from './policyVerdict';

/** The times a write may carry, from `earliest` to `latest` (ms since the epoch). */
export interface TimeBounds {
  readonly earliest: number;
  readonly latest: number;
}

/** The keys that hold a time, wherever the layout has them (fieldRules: `time`). */
const TIME_KEYS: ReadonlySet<string> = new Set([
  CARD_KEYS.createdAt,
  CARD_KEYS.updatedAt,
  EVIDENCE_KEYS.addedAt,
  COMMENT_KEYS.editedAt,
  COMMENT_KEYS.deletedAt,
]);

/**
 * The earliest time a write on this board may carry: the board's creation, or the earliest
 * time its content held when the room loaded it, if earlier (a board imported from a JSON
 * export keeps its times, and an Undo may write them back). Read once per load.
 */
export function earliestTime(doc: Y.Doc, boardCreatedAt: number): number {
  let earliest = boardCreatedAt;
  const note = (value: unknown) => {
    if (typeof value === 'number' && value < earliest) earliest = value;
  };
  for (const card of cardsMap(doc).values()) {
    note(card.get(CARD_KEYS.createdAt));
    note(card.get(CARD_KEYS.updatedAt));
    const evidence = card.get(CARD_KEYS.evidence);
    if (evidence instanceof Y.Array) {
      for (const item of evidence) if (item instanceof Y.Map) note(item.get(EVIDENCE_KEYS.addedAt));
    }
  }
  for (const comment of commentsMap(doc).values()) note(comment.get(COMMENT_KEYS.createdAt));
  for (const article of articlesMap(doc).values()) note(article.get(ARTICLE_KEYS.createdAt));
  return earliest - CLOCK_ALLOWANCE_MS;
}

/** The bounds for a write that arrives at `now`. */
export const timeBounds = (earliest: number, now: number): TimeBounds => ({
  earliest,
  latest: now + CLOCK_ALLOWANCE_MS,
});

/** A plain loop (it runs on every item of every update): a time out of bounds, refused. */
export function checkTimes(newItems: readonly NewItem[], bounds: TimeBounds): PolicyVerdict | null {
  for (const { item, where } of newItems) {
    if (where.key === null || !TIME_KEYS.has(where.key) || where.root === ROOT.meta) continue;
    const value = valueOf(item);
    if (typeof value !== 'number') continue;
    if (value > bounds.latest) return no(`a ${where.key} later than the server’s time`);
    if (value < bounds.earliest) return no(`a ${where.key} from before the board existed`);
  }
  return null;
}
