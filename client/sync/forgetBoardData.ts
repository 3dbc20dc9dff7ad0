import { clearDocument } from 'y-indexeddb';

/** Removes this browser's offline copy of a board (IndexedDB) and its save record. */
export async function forgetBoardData(boardId: string): Promise<void> {
  localStorage.removeItem(ackStoreKey(boardId));
  await clearDocument(indexedDbName(boardId));
}

export const indexedDbName = (boardId: string) => `factboard-${boardId}`;
export const ackStoreKey = (boardId: string) => `factboard.acked.${boardId}`;
