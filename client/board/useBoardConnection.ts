import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type KnownBoard, noteOpensAgain, noteRefused } from '../app/knownBoards';
import { refreshRole } from '../app/refreshRole';
import { BoardConnection } from '../sync/BoardConnection';
import { connectionDown } from '../sync/connectionStatus';
import {
  ackStoreKey,
  forgetBoardEntirely,
  lostEditsKey,
  ownWritesKey,
  setAsideKey,
} from '../sync/forgetBoardData';
import { storageLostEditStore } from '../sync/lostEditStore';
import { storageOwnWriteStore } from '../sync/ownWriteStore';
import { storageAckStore } from '../sync/SaveTracker';
import { storageSetAsideStore } from '../sync/setAsideStore';
import { boardForgotten, boardStorage, subscribeStorageRefused } from '../sync/storageRefused';

/**
 * Opens the board's connection for as long as the page shows it, with the invite's current
 * role: read from the server when the page opens and whenever a lead changes it (the server
 * closes the connection with 4205); a new role opens a new connection with it. Both the role
 * and a refusal of the invite are remembered with the board (knownBoards), for the start page. When the server
 * refused changes only this device held, which are then set aside, a new connection starts
 * from the server's board, with the role read again (meanwhile the old one says the board is
 * reopening). The page goes on showing the old connection until the server has answered the
 * new one (its board, or a refusal): a new connection starts empty, and this device's copy of
 * the board may not fill it (after such a refusal it is dropped), so until then every card
 * would seem deleted (focus on a card, an open card's dialog, a card being moved and the
 * notices of colleagues' changes would say so; found by QA). A new connection waiting so when
 * the one on screen is refused and says the board reopens goes with it: opened before this
 * device's copy was dropped, it may hold the refused changes (a new role read as the page came
 * back online opens one), and shown, it said "Saving…" and showed them again until the server
 * refused it too; the one opened once the copy is gone replaces it. For the same reason a new
 * connection is not shown while the server has yet to answer changes of the one on screen.
 */
export function useBoardConnection(known: KnownBoard, name: string): BoardConnection | null {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  const [fresh, setFresh] = useState(0);
  const shown = useRef<BoardConnection | null>(null);
  useEffect(() => {
    void refreshRole(known.id, known.token);
  }, [known.id, known.token]);
  const forgotten = useSyncExternalStore(subscribeStorageRefused, () => boardForgotten(known.id));
  useEffect(() => {
    // Where site storage is blocked (siteStorage) nothing is kept on the device: no copy in
    // IndexedDB, which would not open (the board then never loaded from it), and no records
    // for after a reload; the board works from the server, and the page says so (BoardPage).
    // Nor once another tab forgot the board (boardStorage): a new connection works so.
    const storage = boardStorage(known.id);
    const c = new BoardConnection({
      boardId: known.id,
      token: known.token,
      role: known.role,
      actor: { id: known.inviteId, name },
      serverUrl: window.location.origin.replace(/^http/, 'ws'),
      persist: storage !== null,
      ...(storage && {
        ackStore: storageAckStore(storage, ackStoreKey(known.id)),
        ownWriteStore: storageOwnWriteStore(storage, ownWritesKey(known.id)),
        setAsideStore: storageSetAsideStore(storage, setAsideKey(known.id)),
        lostEditStore: storageLostEditStore(
          storage,
          lostEditsKey(known.id, known.inviteId),
          window,
        ),
      }),
      // Opened afresh with the role the invite has now (the refusal is often of a role a lead
      // has just lowered): a new role opens a new connection as below, else the same one does.
      onStaleCopy: () => {
        void refreshRole(known.id, known.token).then((changed) => {
          if (!changed) setFresh((n) => n + 1);
        });
      },
      // The same role after all (changed and changed back) or no answer: carry on as before.
      onRoleChanged: () => {
        void refreshRole(known.id, known.token).then((changed) => {
          if (!changed) c.reconnect();
        });
      },
    });
    // A socket that was down when a lead changed the role never heard its 4205 (offline, say):
    // each reconnect asks again, and a new role opens a new connection as above.
    let connectedOnce = false;
    let down = false;
    const offStatus = c.subscribe(() => {
      const { kind, code } = c.getSnapshot().status;
      // The start page lists the board as this browser last learnt of it: not under a role
      // its invite no longer gives once the server refuses the invite (revoked, board deleted).
      if (kind === 'refused' && code !== null) {
        noteRefused(known.id, known.token, code, c.refusedReason ?? undefined);
      }
      if (connectionDown(kind)) {
        down = connectedOnce;
      } else if (kind !== 'refused' && kind !== 'reopening') {
        if (down) void refreshRole(known.id, known.token);
        if (kind === 'saved' || kind === 'saving') noteOpensAgain(known.id, known.token);
        connectedOnce = true;
        down = false;
      }
    });
    const old = shown.current;
    const reopening = () => old?.getSnapshot().status.kind === 'reopening';
    const openedBefore = !reopening();
    let current = true;
    let answered = old === null;
    const show = () => {
      if (!current || !answered || shown.current === c || old?.awaitsAnswer()) return;
      shown.current = c;
      setConnection(c);
      old?.destroy();
      // What the one that kept a copy wrote after the Forget goes, once it is closed: this
      // once, not later, when the board may be kept here again (an invite link opened).
      if (old && !storage) void forgetBoardEntirely(known.id);
    };
    // Opened before the copy on screen was refused, this one may hold that copy: it goes too.
    // Nor is it shown while the server has yet to answer the changes of the one on screen: the
    // answer may be that refusal (a new role read as the page came back online opened this one
    // before it; shown first, it said "Saving…" for the refused changes, and the new role before
    // the board said it reopens, and was refused in turn).
    const offOld = old?.subscribe(() => {
      if (!openedBefore || !reopening()) return show();
      current = false;
      c.destroy();
    });
    if (!answered) {
      void c.whenServerAnswered().then(() => {
        answered = true;
        show();
      });
    }
    show();
    return () => {
      offOld?.();
      offStatus();
      current = false;
      // The one on screen stays until the next is ready (or the page goes, below).
      if (shown.current !== c) c.destroy();
    };
  }, [known.id, known.token, known.role, known.inviteId, name, fresh, forgotten]);
  useEffect(
    () => () => {
      shown.current?.destroy();
      shown.current = null;
    },
    [],
  );
  return connection;
}
