import { useEffect, useState } from 'react';
import type { KnownBoard } from '../app/knownBoards';
import { BoardConnection } from '../sync/BoardConnection';
import { ackStoreKey, ownWritesKey } from '../sync/forgetBoardData';
import { storageOwnWriteStore } from '../sync/LostEditWatch';
import { storageAckStore } from '../sync/SaveTracker';

/** Opens the board's connection for as long as the page shows it. */
export function useBoardConnection(known: KnownBoard, name: string): BoardConnection | null {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  useEffect(() => {
    const c = new BoardConnection({
      boardId: known.id,
      token: known.token,
      role: known.role,
      actor: { id: known.inviteId, name },
      serverUrl: window.location.origin.replace(/^http/, 'ws'),
      persist: true,
      ackStore: storageAckStore(window.localStorage, ackStoreKey(known.id)),
      ownWriteStore: storageOwnWriteStore(window.localStorage, ownWritesKey(known.id)),
    });
    setConnection(c);
    return () => {
      c.destroy();
      setConnection(null);
    };
  }, [known.id, known.token, known.role, known.inviteId, name]);
  return connection;
}
