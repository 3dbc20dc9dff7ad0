import { useMemo, useSyncExternalStore } from 'react';
import { boardsNotKept, subscribeKnownBoards } from '../app/knownBoards';
import {
  boardForgotten,
  storageBlocked,
  storageRefused,
  subscribeStorageRefused,
} from '../sync/storageRefused';
import { storageFullText } from './storageFullText';

/**
 * The board's one line on what this browser cannot keep of it on the device, if anything:
 * site storage blocked, storage full (one cause, so one line naming every loss), or a device
 * copy whose database would not open. Out of BoardPage, which only places it.
 */
export function DeviceStorageLine({ boardId, keepsCopy }: { boardId: string; keepsCopy: boolean }) {
  const recordsNotKept = useSyncExternalStore(subscribeStorageRefused, () =>
    storageRefused(boardId, 'records'),
  );
  const typingNotKept = useSyncExternalStore(subscribeStorageRefused, () =>
    storageRefused(boardId, 'typing'),
  );
  const inviteNotKept = useSyncExternalStore(subscribeKnownBoards, boardsNotKept);
  // A browser setting, which does not change while the page is open.
  const blocked = useMemo(storageBlocked, []);
  // Another tab forgot the board while this one showed it (BoardRoute): it keeps nothing either.
  const forgotten = useSyncExternalStore(subscribeStorageRefused, () => boardForgotten(boardId));
  if (forgotten) {
    return (
      <p className="banner" role="status">
        This board was forgotten in this browser: this tab keeps working from the server and keeps
        nothing on this device. Changes not yet saved are gone once this tab closes; open the invite
        link again to keep the board here.
      </p>
    );
  }
  if (blocked) {
    return (
      <p className="banner" role="status">
        This browser keeps nothing on this device (its site storage is blocked): changes made
        offline or not yet saved, notices of lost edits, changes the server refused and this
        board&rsquo;s invite are gone once this tab closes. Open the invite link again to come back.
      </p>
    );
  }
  const fullText = storageFullText({
    invite: inviteNotKept,
    records: recordsNotKept,
    typing: typingNotKept,
  });
  return (
    <>
      {fullText && (
        <p className="banner" role="status">
          {fullText}
        </p>
      )}
      {!keepsCopy && (
        // localStorage works but IndexedDB would not open (some private modes, a disk error):
        // the board works from the server alone (DeviceCopy).
        <p className="banner" role="status">
          This browser keeps no copy of this board on this device (its database would not open):
          changes made offline or not yet saved are gone once this tab closes.
        </p>
      )}
    </>
  );
}
