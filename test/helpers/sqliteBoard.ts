/**
 * For tests of the history the server writes: each test of the calling describe gets the sync
 * server on a real SQLite file in a temp dir, one board on it, and `join` to put y-websocket
 * clients on that board (destroyed after the test, with the server and the file).
 */
import * as path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type * as Y from 'yjs';
import type { Role } from '../../shared/roles';
import { createSqliteStorage } from '../../server/storage/createSqliteStorage';
import { connectProvider, type TestClient } from './connectProvider';
import { type Invite, startSyncTestServer, type SyncTestServer } from './startSyncTestServer';
import { makeTempDir, type TempDir } from './tempDir';

export interface SqliteBoard {
  readonly server: SyncTestServer;
  readonly boardId: string;
  /** A member with this role and name, synced; `doc` to fix its client id, say. */
  join(role: Role, name: string, doc?: Y.Doc): Promise<{ client: TestClient; invite: Invite }>;
}

export function useSqliteBoard(): SqliteBoard {
  let server: SyncTestServer | undefined;
  let boardId: string | undefined;
  let dir: TempDir | undefined;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    dir = makeTempDir();
    const storage = createSqliteStorage(path.join(dir.path, 'factboard.sqlite'));
    server = await startSyncTestServer({ storage });
    boardId = await server.createBoard();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
    dir?.remove();
  });
  const started = () => {
    if (!server || boardId === undefined) throw new Error('useSqliteBoard: used outside a test');
    return { server, boardId };
  };
  return {
    get server() {
      return started().server;
    },
    get boardId() {
      return started().boardId;
    },
    async join(role, name, doc) {
      const { server, boardId } = started();
      const invite = await server.invite(boardId, role, name);
      const client = connectProvider(server.syncUrl, boardId, invite.token, doc ? { doc } : {});
      clients.push(client);
      await client.synced();
      return { client, invite };
    },
  };
}
