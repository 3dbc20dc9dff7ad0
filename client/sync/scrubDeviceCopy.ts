/**
 * Rewrites a board's IndexedDB copy (y-indexeddb's database: its 'updates' store, one record per
 * update this browser applied, and its 'custom' store) without the words of comments a lead
 * redacted. The records are the updates as they came, words included, long after the board
 * deleted them; y-indexeddb only merges them (at 500 records) into the doc's state, which keeps
 * too what an Undo step kept.
 *
 * So in one readwrite transaction, which every other write to the store of this tab or another
 * waits for or went before: every record is read, applied after the tab's own state to a new
 * doc, and the store is cleared and given that doc's state as its one record. Applying deletes
 * what the state deletes and Yjs collects the content of what a transaction deletes, so the new
 * state holds the ids of the deleted values, not their words; nothing any record holds is lost
 * (another tab's change made offline, which only this store holds, say).
 *
 * The comments scrubbed are listed in 'custom' (SCRUBBED_KEY): a board that opens and finds a
 * redaction rewrites its copy once, not at every visit, unless this tab saw the words go live.
 */
import * as Y from 'yjs';

const UPDATES = 'updates';
const CUSTOM = 'custom';
export const SCRUBBED_KEY = 'redactedCommentsScrubbed';
/** The measure a rewrite leaves in the page's performance timeline. */
export const SCRUB_MEASURE = 'factboard:scrub-device-copy';

/**
 * One update holding what `state` and `records` hold together, without the content of what
 * either deletes.
 */
export function compactUpdates(state: Uint8Array, records: readonly Uint8Array[]): Uint8Array {
  const fresh = new Y.Doc({ gc: true });
  Y.transact(fresh, () => {
    Y.applyUpdate(fresh, state);
    for (const record of records) Y.applyUpdate(fresh, record);
  });
  const compacted = Y.encodeStateAsUpdate(fresh);
  fresh.destroy();
  return compacted;
}

export interface ScrubOutcome {
  /** Whether the store was rewritten (not when it was known clean of these comments). */
  readonly rewritten: boolean;
  /** The records read and replaced. */
  readonly records: number;
  /** The one record's size. */
  readonly bytes: number;
}

/**
 * Rewrites the store unless `always` is false and every comment of `ids` is listed scrubbed
 * already. `state` is the tab's doc as an update, read inside the transaction (after every
 * write of this tab that went before it).
 */
export function scrubDeviceCopy(
  db: IDBDatabase,
  ids: ReadonlySet<string>,
  always: boolean,
  state: () => Uint8Array,
): Promise<ScrubOutcome> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([UPDATES, CUSTOM], 'readwrite');
    const updates = tx.objectStore(UPDATES);
    const custom = tx.objectStore(CUSTOM);
    let outcome: ScrubOutcome = { rewritten: false, records: 0, bytes: 0 };
    const listed = custom.get(SCRUBBED_KEY);
    listed.onsuccess = () => {
      const raw: unknown = listed.result;
      const known = new Set(Array.isArray(raw) ? raw.filter((v) => typeof v === 'string') : []);
      if (!always && [...ids].every((id) => known.has(id))) return;
      const read = updates.getAll();
      read.onsuccess = () => {
        const started = performance.now();
        const records = read.result as Uint8Array[];
        const compacted = compactUpdates(state(), records);
        updates.clear();
        updates.add(compacted);
        custom.put([...new Set([...known, ...ids])], SCRUBBED_KEY);
        performance.measure(SCRUB_MEASURE, { start: started, end: performance.now() });
        outcome = { rewritten: true, records: records.length, bytes: compacted.byteLength };
      };
    };
    tx.oncomplete = () => resolve(outcome);
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
