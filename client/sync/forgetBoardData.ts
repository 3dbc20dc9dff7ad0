import { clearDocument } from 'y-indexeddb';
import { ownWriteKeys } from './ownWriteStore';
import { noteStorageKept, siteStorage } from './storageRefused';

/**
 * Removes this browser's offline copy of a board (IndexedDB), its save record, own writes and
 * when it was last seen: what a copy the server refused, or a board deleted, leaves behind.
 * Where site storage is blocked nothing was kept (siteStorage), and there is nothing to remove.
 */
export async function forgetBoardData(boardId: string): Promise<void> {
  const storage = siteStorage();
  if (!storage) return;
  removeKeys(storage, [
    ackStoreKey(boardId),
    lastSeenKey(boardId),
    ...ownWriteKeys(storage, ownWritesKey(boardId)),
  ]);
  await clearDocument(indexedDbName(boardId));
}

/**
 * Forget (the start page): everything this browser kept for the board, for every invite of it
 * kept here, forgetBoardData's and also its "Not saved" list and its lost-edit notices, which
 * Forget left in storage with no page left to show or dismiss them, and this tab's kept typing. Where site storage is
 * blocked this browser kept nothing of the board on the device (Forget's question says so).
 */
export async function forgetBoardEntirely(boardId: string): Promise<void> {
  const storage = siteStorage();
  if (!storage) return;
  removeKeys(storage, [
    setAsideKey(boardId),
    ...keysStartingWith(storage, lostEditsKey(boardId, '')),
  ]);
  // And the text typed on it and not saved, which this tab would put back were the board
  // opened again (keptTyping): Forget's question says that unsaved changes are lost.
  // And the cards selected on it (keptSelection), which it would select again.
  const tab = tabStorage();
  if (tab) {
    removeKeys(tab, [...keysStartingWith(tab, keptTypingKey(boardId, '')), selectionKey(boardId)]);
  }
  await forgetBoardData(boardId);
}

/** This tab's sessionStorage, or null where site storage is blocked (reading it throws). */
function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function keysStartingWith(storage: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/**
 * A key storage will not remove (closed meanwhile) stays: the rest go all the same. One that
 * goes is no longer refused (storageRefused): nothing of it is kept only in the page any more.
 */
function removeKeys(storage: Storage, keys: readonly string[]): void {
  for (const key of keys) {
    try {
      storage.removeItem(key);
    } catch {
      continue; // Nothing more this page can do about it.
    }
    noteStorageKept(key);
  }
}

export const indexedDbName = (boardId: string) => `factboard-${boardId}`;
export const ackStoreKey = (boardId: string) => `factboard.acked.${boardId}`;
export const ownWritesKey = (boardId: string) => `factboard.own-writes.${boardId}`;
export const lastSeenKey = (boardId: string) => `factboard.seen.${boardId}`;
/**
 * Not removed by forgetBoardData, only by Forget (forgetBoardEntirely): what the server refused
 * stays until its person dismisses it, after a refusal of the device's copy or the board deleted.
 */
export const setAsideKey = (boardId: string) => `factboard.set-aside.${boardId}`;
/** Nor are their lost edits' notices, one record per person: the only place the values are. */
export const lostEditsKey = (boardId: string, inviteId: string) =>
  `factboard.lost-edits.${boardId}.${inviteId}`;
/**
 * Text typed on the board and not yet saved, per person, in this tab's sessionStorage
 * (keptTyping): removed by Forget (forgetBoardEntirely).
 */
export const keptTypingKey = (boardId: string, inviteId: string) =>
  `factboard.typing.${boardId}.${inviteId}`;
/** The cards selected on the board, in this tab's sessionStorage (keptSelection). */
export const selectionKey = (boardId: string) => `factboard.selection.${boardId}`;
