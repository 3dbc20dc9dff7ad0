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

/**
 * What a removed article is known by as a whole: the digest of every field its import wrote
 * (id, title, link, text, maker and time). The history keeps it (article.removed), so that an
 * article put back by an Undo is the one removed, title and maker too, also after a restart;
 * a missing field counts as null.
 */
export function articleDigest(field: (key: string) => unknown): string {
  const record = FIELDS.map((key) => canonical(field(key) ?? null));
  return createHash('sha256').update(JSON.stringify(record), 'utf8').digest('base64url');
}
