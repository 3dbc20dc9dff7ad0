/**
 * One more or one fewer of `key` in `counts` (a key at zero is dropped); whether the key came
 * or went, the only change that alters what is derived from the set of keys (a menu's
 * options, the names a mention may take).
 */
export function countKey<K>(counts: Map<K, number>, key: K, by: 1 | -1): boolean {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
  return n === 0 || (n === 1 && by === 1);
}
