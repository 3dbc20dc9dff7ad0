/**
 * Whether localStorage refused a write of this page (its quota full, or closed). What the
 * board's stores keep for after a reload (lost-edit notices, changes the server refused, this
 * person's own writes, what unconfirmed changes removed) then lasts only as long as the page,
 * which says so (BoardPage) instead of letting a reload lose it unannounced. Each store writes
 * all it holds at every save, so once each key refused has been stored again (space freed),
 * nothing is kept only here any more and the page stops saying so.
 */
const refusedKeys = new Set<string>();
let refused = false;
const listeners = new Set<() => void>();

export const storageRefused = (): boolean => refused;

/**
 * This browser's localStorage, or null where site storage is blocked (a browser setting, e.g.
 * Chromium's "Don't allow sites to save data", or an embedding page's third-party data
 * blocked): reading the property throws SecurityError there, and IndexedDB refuses to open
 * too, so the board keeps nothing on this device and works from the server alone.
 */
export function siteStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Whether this browser keeps nothing on this device (site storage blocked: siteStorage). */
export const storageBlocked = (): boolean => siteStorage() === null;

function settle(): void {
  if (refused === refusedKeys.size > 0) return;
  refused = !refused;
  for (const listener of listeners) listener();
}

/** localStorage refused to store `key`. */
export function noteStorageRefused(key: string): void {
  refusedKeys.add(key);
  settle();
}

/** localStorage stored `key` (or removed it): all its store holds is kept again. */
export function noteStorageKept(key: string): void {
  if (refusedKeys.delete(key)) settle();
}

/**
 * Stores `value` under `key` in `storage` (null removes the key), for the board's stores: a
 * write refused (storage full or disabled) is noted, and what the store holds lasts only as long
 * as this page; one stored again notes that the key is kept.
 */
export function storeItem(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    noteStorageRefused(key);
    return;
  }
  noteStorageKept(key);
}

/** Calls `fn` when storage starts or stops refusing this page's writes; returns the unsubscribe. */
export function subscribeStorageRefused(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
