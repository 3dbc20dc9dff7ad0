import { clearDocument } from 'y-indexeddb';
import { ownWriteKeys } from './LostEditWatch';

/** Removes this browser's offline copy of a board (IndexedDB), its save record and own writes. */
export async function forgetBoardData(boardId: string): Promise<void> {
  localStorage.removeItem(ackStoreKey(boardId));
  for (const key of ownWriteKeys(localStorage, ownWritesKey(boardId))) {
    localStorage.removeItem(key);
  }
  await clearDocument(indexedDbName(boardId));
}

export const indexedDbName = (boardId: string) => `factboard-${boardId}`;
export const ackStoreKey = (boardId: string) => `factboard.acked.${boardId}`;
export const ownWritesKey = (boardId: string) => `factboard.own-writes.${boardId}`;
