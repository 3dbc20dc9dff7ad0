/**
 * Whether localStorage refused a write of this page (its quota full, or closed). What the
 * board's stores keep for after a reload (lost-edit notices, changes the server refused, this
 * person's own writes, what unconfirmed changes removed) then lasts only as long as the page,
 * which says so (BoardPage) instead of letting a reload lose it unannounced.
 */
let refused = false;
const listeners = new Set<() => void>();

export const storageRefused = (): boolean => refused;

export function noteStorageRefused(): void {
  if (refused) return;
  refused = true;
  for (const listener of listeners) listener();
}

/** Calls `fn` when storage first refuses a write; returns the unsubscribe. */
export function subscribeStorageRefused(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
