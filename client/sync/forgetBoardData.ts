import { clearDocument } from 'y-indexeddb';
import { ownWriteKeys } from './ownWriteStore';

/**
 * Removes this browser's offline copy of a board (IndexedDB), its save record, own writes and
 * when it was last seen.
 */
export async function forgetBoardData(boardId: string): Promise<void> {
  localStorage.removeItem(ackStoreKey(boardId));
  localStorage.removeItem(lastSeenKey(boardId));
  for (const key of ownWriteKeys(localStorage, ownWritesKey(boardId))) {
    localStorage.removeItem(key);
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
