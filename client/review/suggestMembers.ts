/**
 * Which members an @-query suggests: names starting with the query first, then names with a
 * later word starting with it ("@lim" finds "Ana Lima"), each group alphabetical. Case and
 * accents do not matter ("@jose" finds "José"), and a name is offered once however often the
 * board knows it.
 */
import { foldName } from '../../shared/foldName';

export const MAX_SUGGESTIONS = 8;

/** 0: the name starts with the query; 1: a later word does; null: no match. */
function rank(name: string, query: string): 0 | 1 | null {
  if (name.startsWith(query)) return 0;
  for (const word of name.matchAll(/[\s-]+/gu)) {
    if (name.startsWith(query, word.index + word[0].length)) return 1;
  }
  return null;
}

export function suggestMembers(names: readonly string[], query: string): string[] {
  const q = foldName(query);
  const seen = new Set<string>();
  const found: { name: string; rank: 0 | 1 }[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const key = foldName(name);
    if (!name || seen.has(key)) continue;
    seen.add(key);
    const r = rank(key, q);
    if (r !== null) found.push({ name, rank: r });
  }
  return found
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS)
    .map((f) => f.name);
}
