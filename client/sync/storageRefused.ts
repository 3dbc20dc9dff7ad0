/**
 * The keys of the board's stores whose write storage refused (its quota full, or closed). What
 * they keep for after a reload (lost-edit notices, changes the server refused, this person's
 * own writes, what unconfirmed changes removed) then lasts only as long as the page, which says
 * so (BoardPage) instead of letting a reload lose it unannounced. Each store writes all it
 * holds at every save, so once each key refused has been stored again (space freed), or
 * removed, nothing is kept only here any more and the page stops saying so. Page-wide, while
 * the app moves between boards: each board page asks about its own board's keys only.
 */
const refusedKeys = new Set<string>();
const listeners = new Set<() => void>();

/*
 * A store's key names its board: each is `factboard.<what>.<boardId>`, perhaps with more after
 * a dot (forgetBoardData's keys, keptTypingKey); a board id has no dot (ID_PATTERN).
 */

/**
 * Whether storage refused a write of the board `boardId`'s stores that is not stored since:
 * of text typed there (keptTypingKey, in sessionStorage), or of its records for after a reload.
 */
export function storageRefused(boardId: string, what: 'typing' | 'records'): boolean {
  for (const key of refusedKeys) {
    const [, kind, board] = key.split('.');
    if (board === boardId && (kind === 'typing') === (what === 'typing')) return true;
  }
  return false;
}

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

/**
 * The boards another tab of this browser forgot (Forget, on the start page) while this page
 * showed them (BoardRoute). The page goes on working from the server and keeps nothing of such
 * a board on the device, as where site storage is blocked: a page that went on writing its
 * copy and records undid the Forget at its next save.
 */
const forgottenHere = new Set<string>();

/** The board `boardId` was forgotten in another tab (true) or is remembered again (false). */
export function noteForgotten(boardId: string, forgotten: boolean): void {
  if (forgottenHere.has(boardId) === forgotten) return;
  if (forgotten) forgottenHere.add(boardId);
  else forgottenHere.delete(boardId);
  settle();
}

/** Whether another tab forgot the board while this page showed it (noteForgotten). */
export const boardForgotten = (boardId: string): boolean => forgottenHere.has(boardId);

/**
 * Where the board's records are kept, or null where nothing of it is: site storage blocked
 * (siteStorage), or the board forgotten in another tab while this page showed it.
 */
export const boardStorage = (boardId: string): Storage | null =>
  forgottenHere.has(boardId) ? null : siteStorage();

function settle(): void {
  for (const listener of listeners) listener();
}

/** Storage refused to store `key`. */
function noteStorageRefused(key: string): void {
  if (refusedKeys.has(key)) return;
  refusedKeys.add(key);
  settle();
}

/** Storage stored `key` (or removed it): all its store holds is kept again. */
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

/**
 * Calls `fn` when a key starts or stops being refused, or a board is forgotten or remembered
 * again (noteForgotten); returns the unsubscribe.
 */
export function subscribeStorageRefused(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
