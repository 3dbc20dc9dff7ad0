import { clearDocument } from 'y-indexeddb';
import { ownWriteKeys } from './ownWriteStore';
import { siteStorage } from './storageRefused';

/**
 * Removes this browser's offline copy of a board (IndexedDB), its save record, own writes and
 * when it was last seen. Where site storage is blocked nothing was kept (siteStorage), and there
 * is nothing to remove: reading localStorage would throw, and IndexedDB would not open.
 */
export async function forgetBoardData(boardId: string): Promise<void> {
  const storage = siteStorage();
  if (!storage) return;
  storage.removeItem(ackStoreKey(boardId));
  storage.removeItem(lastSeenKey(boardId));
  for (const key of ownWriteKeys(storage, ownWritesKey(boardId))) {
    storage.removeItem(key);
  }
  await clearDocument(indexedDbName(boardId));
}

export const indexedDbName = (boardId: string) => `factboard-${boardId}`;
export const ackStoreKey = (boardId: string) => `factboard.acked.${boardId}`;
export const ownWritesKey = (boardId: string) => `factboard.own-writes.${boardId}`;
export const lastSeenKey = (boardId: string) => `factboard.seen.${boardId}`;
/** Not removed with the rest: what the server refused stays until its person dismisses it. */
export const setAsideKey = (boardId: string) => `factboard.set-aside.${boardId}`;
/** Nor are their lost edits' notices, one record per person: the only place the values are. */
export const lostEditsKey = (boardId: string, inviteId: string) =>
  `factboard.lost-edits.${boardId}.${inviteId}`;
