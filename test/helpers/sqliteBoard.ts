/**
 * For tests of the history the server writes: each test of the calling describe gets the sync
 * server on a real SQLite file in a temp dir, one board on it, and `join` to put y-websocket
 * clients on that board (destroyed after the test, with the server and the file), and
 * `restart` to start the server again on the same file (a board loaded afresh).
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
  /** A client with an invite's token back on the board, on the server as it is now. */
  rejoin(token: string, doc: Y.Doc): Promise<TestClient>;
  /** Closes the server and starts a new one on the same SQLite file (another port). */
  restart(): Promise<void>;
}

export function useSqliteBoard(): SqliteBoard {
  let server: SyncTestServer | undefined;
  let boardId: string | undefined;
  let dir: TempDir | undefined;
  const clients: TestClient[] = [];
  const start = (tempDir: TempDir) =>
    startSyncTestServer({
      storage: createSqliteStorage(path.join(tempDir.path, 'factboard.sqlite')),
    });
  beforeEach(async () => {
    dir = makeTempDir();
    server = await start(dir);
    boardId = await server.createBoard();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
    dir?.remove();
  });
  const started = () => {
    if (!server || boardId === undefined || !dir) {
      throw new Error('useSqliteBoard: used outside a test');
    }
    return { server, boardId, dir };
  };
  const connect = async (token: string, doc?: Y.Doc) => {
    const { server, boardId } = started();
    const client = connectProvider(server.syncUrl, boardId, token, doc ? { doc } : {});
    clients.push(client);
    await client.synced();
    return client;
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
      return { client: await connect(invite.token, doc), invite };
    },
    rejoin: (token, doc) => connect(token, doc),
    async restart() {
      const { server: running, dir: tempDir } = started();
      await running.close();
      server = await start(tempDir);
    },
  };
}
