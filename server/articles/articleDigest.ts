import { createHash } from 'node:crypto';
import { ARTICLE_KEYS } from '../../shared/board/schema';

/** The fields every article has had since the first layout: all but its publication day. */
const FIELDS = Object.values(ARTICLE_KEYS).filter((key) => key !== ARTICLE_KEYS.published);

/** JSON with object keys in order: the same values give the same string, however written. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
}

/** SHA-256, base64url, of a value's canonical JSON. */
const digestOf = (value: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(value)), 'utf8')
    .digest('base64url');

/**
 * What a removed article is known by as a whole: the digest of every field its import wrote
 * (id, title, link, text, maker and time) and of its publication day when it has one. The
 * history keeps it (article.removed), so that an article put back by an Undo is the one
 * removed, title, maker and day too, also after a restart; a missing field counts as null. An
 * article without a day is digested as before the day existed, so that the digests histories
 * hold from then still match the article their Undo brings back.
 */
export const articleDigest = (field: (key: string) => unknown): string => {
  const values = FIELDS.map((key) => field(key) ?? null);
  const day = field(ARTICLE_KEYS.published) ?? null;
  return digestOf(day === null ? values : [...values, day]);
};

/**
 * What a deleted card's source (article id, offsets, quoted sentence) is known by: the history
 * keeps it (card.deleted), so that the card put back by an Undo may quote what it quoted,
 * also once neither the card nor its article is on the board to compare with.
 */
export const sourceDigest = (source: unknown): string => digestOf(source);
