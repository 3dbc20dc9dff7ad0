/**
 * Rewrites a board's IndexedDB copy (y-indexeddb's database) without the words of comments a
 * lead redacted. Its 'updates' store keeps every update this browser applied as it came, words
 * included, long after the board deleted them; y-indexeddb only merges them (at 500 records)
 * into the doc's state, which keeps too what an Undo step kept.
 *
 * The tab's doc no longer holds the words (collectRedactedWords), so its state is what the copy
 * should be, once it holds whatever the store has that the doc lacks: another tab's change made
 * offline, which only the store holds, say. y-indexeddb's own read (fetchUpdates) does that in
 * one readwrite transaction of the store, which every other write to it, of this tab or another,
 * waits for or went before: it applies to the doc the records stored since this tab last read
 * them (the older ones are in the doc already), and in that transaction the store is cleared
 * and given the doc's state as its one record. The records read again hold words the doc
 * deleted, but only for values it has: applying them changes nothing.
 *
 * The comments scrubbed are listed in the 'custom' store (SCRUBBED_KEY): a board that opens and
 * finds a redaction rewrites its copy once, not at every visit, unless this tab saw it live.
 */
import * as Y from 'yjs';
import { fetchUpdates, type IndexeddbPersistence } from 'y-indexeddb';

const CUSTOM = 'custom';
const SCRUBBED_KEY = 'redactedCommentsScrubbed';
/** The measure a rewrite leaves in the page's performance timeline: reading, applying, writing. */
export const SCRUB_MEASURE = 'factboard:scrub-device-copy';

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/**
 * When to rewrite the store for these comments: `always` (their words were in the tab), unless
 * each is listed scrubbed already (`unlisted`), or `never`: they are only listed (the copy is
 * known never to have held them).
 */
export type ScrubWhen = 'always' | 'unlisted' | 'never';

/**
 * Rewrites the store as `when` says, and lists the comments scrubbed; resolves with whether it
 * rewrote it. Call once the copy has loaded (whenSynced).
 */
export async function scrubDeviceCopy(
  persistence: IndexeddbPersistence,
  ids: ReadonlySet<string>,
  when: ScrubWhen,
): Promise<boolean> {
  const db = persistence.db;
  if (!db) return false;
  const listed: unknown = await request(
    db.transaction(CUSTOM, 'readonly').objectStore(CUSTOM).get(SCRUBBED_KEY),
  );
  const known = new Set(Array.isArray(listed) ? listed.filter((v) => typeof v === 'string') : []);
  if (when === 'unlisted' && [...ids].every((id) => known.has(id))) return false;
  if (when === 'never') {
    await list(db, known, ids);
    return false;
  }
  const started = performance.now();
  let rewritten = false;
  await fetchUpdates(persistence, undefined, (updates) => {
    updates.clear();
    updates.add(Y.encodeStateAsUpdate(persistence.doc));
    rewritten = true;
  });
  // y-indexeddb leaves the store as it was once its persistence is destroyed (the page going).
  if (!rewritten) return false;
  performance.measure(SCRUB_MEASURE, { start: started, end: performance.now() });
  await list(db, known, ids);
  return true;
}

/** Lists the comments as scrubbed, with those listed before. */
async function list(db: IDBDatabase, known: ReadonlySet<string>, ids: ReadonlySet<string>) {
  const custom = db.transaction(CUSTOM, 'readwrite').objectStore(CUSTOM);
  await request(custom.put([...new Set([...known, ...ids])], SCRUBBED_KEY));
}
