/**
 * Writes that skip what a map already holds: a command that changes nothing writes nothing
 * (B15), so the history records no "set to False (was False)", the card's "last change" stays
 * with whoever last changed it, and a concurrent edit of the same key is not overwritten by a
 * value its writer merely saw.
 */
import * as Y from 'yjs';

/** Whether two stored values are the same plain data (a Y type only as itself). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recA = a as Record<string, unknown>;
  const recB = b as Record<string, unknown>;
  return keysA.every((k) => Object.hasOwn(recB, k) && sameValue(recA[k], recB[k]));
}

/**
 * Sets `key` to `value` unless the map holds that value already (an absent key reads as null).
 * Returns whether it wrote.
 */
export function setChanged(map: Y.Map<unknown>, key: string, value: unknown): boolean {
  if (sameValue(map.get(key) ?? null, value)) return false;
  map.set(key, value);
  return true;
}

/** setChanged for each defined entry of `values`; whether any was written. */
export function setChangedKeys(map: Y.Map<unknown>, values: Record<string, unknown>): boolean {
  let wrote = false;
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && setChanged(map, key, value)) wrote = true;
  }
  return wrote;
}
