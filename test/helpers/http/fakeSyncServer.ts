/**
 * A SyncServer stand-in with one in-memory Y.Doc per board and no sockets, for HTTP tests of
 * the REST layer alone. It records which invites were closed.
 */
import * as Y from 'yjs';
import type { SyncServer } from '../../../server/sync/SyncServer';

export interface FakeSyncServer extends SyncServer {
  readonly closedInvites: string[];
  doc(boardId: string): Y.Doc;
}

export function createFakeSyncServer(): FakeSyncServer {
  const docs = new Map<string, Y.Doc>();
  const closedInvites: string[] = [];
  const doc = (boardId: string) => {
    let found = docs.get(boardId);
    if (!found) docs.set(boardId, (found = new Y.Doc()));
    return found;
  };
  return {
    closedInvites,
    doc,
    handleUpgrade(_req, socket) {
      socket.destroy();
    },
    async change(boardId, _actor, fn) {
      return fn(doc(boardId));
    },
    async read(boardId, fn) {
      return fn(doc(boardId));
    },
    closeInvite(inviteId) {
      closedInvites.push(inviteId);
    },
    stats() {
      return { rooms: docs.size, connections: 0 };
    },
    async close() {},
  };
}
