import { createHash } from 'node:crypto';
import { ARTICLE_KEYS } from '../../shared/board/schema';

const FIELDS = Object.values(ARTICLE_KEYS);

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
 * (id, title, link, text, maker and time). The history keeps it (article.removed), so that an
 * article put back by an Undo is the one removed, title and maker too, also after a restart;
 * a missing field counts as null.
 */
export const articleDigest = (field: (key: string) => unknown): string =>
  digestOf(FIELDS.map((key) => field(key) ?? null));

/**
 * What a deleted card's source (article id, offsets, quoted sentence) is known by: the history
 * keeps it (card.deleted), so that the card put back by an Undo may quote what it quoted,
 * also once neither the card nor its article is on the board to compare with.
 */
export const sourceDigest = (source: unknown): string => digestOf(source);
