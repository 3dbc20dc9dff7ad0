/**
 * Stored content back into a Y.Doc: the one way a room's load, an export and a compaction read
 * what a board's log holds, so the three always agree on what the board is.
 */
import * as Y from 'yjs';
import type { StoredContent } from './Storage';

type Content = Pick<StoredContent, 'snapshot' | 'updates'>;

/**
 * Applies the snapshot and the updates after it in one transaction. An update that does not
 * apply is skipped (and counted, for the caller to log): one bad row must not make the rest of
 * a board unreadable.
 */
export function applyStoredContent(doc: Y.Doc, content: Content, origin?: unknown): number {
  let skipped = 0;
  doc.transact(() => {
    for (const update of content.snapshot
      ? [content.snapshot, ...content.updates]
      : content.updates) {
      try {
        Y.applyUpdate(doc, update, origin);
      } catch {
        skipped++;
      }
    }
  }, origin);
  return skipped;
}

/**
 * Forgets structs waiting for updates that never arrived. The server never keeps them (DESIGN
 * §3): a client that sent them is asked to resync instead, and a snapshot must not carry them.
 * Returns whether there were any.
 */
export function dropPending(doc: Y.Doc): boolean {
  const store = doc.store;
  if (store.pendingStructs === null && store.pendingDs === null) return false;
  store.pendingStructs = null;
  store.pendingDs = null;
  return true;
}

/** What a compaction stores: the board's whole state as one update, without pending structs. */
export function snapshotOf(content: Content): Uint8Array {
  const doc = new Y.Doc();
  try {
    applyStoredContent(doc, content);
    dropPending(doc);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
