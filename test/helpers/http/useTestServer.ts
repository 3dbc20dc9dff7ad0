/**
 * The composed server (startTestServer: real SQLite, the real sync server) for the calling
 * file or describe: started before its tests and stopped after them, with `connect` to put
 * y-websocket clients on a board, synced, destroyed before the server stops, and `open` for a
 * page's BoardConnection, destroyed after each test.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { BoardConnection, BoardConnectionOptions } from '../../../client/sync/BoardConnection';
import type { Config } from '../../../server/config';
import type { StartOptions } from '../../../server/startServer';
import { connectProvider, type TestClient } from '../connectProvider';
import { connectWithToken } from '../connectWithToken';
import { startTestServer, type TestServer } from './startTestServer';

export interface LiveTestServer {
  readonly server: TestServer;
  /** ws://…/sync: what a WebsocketProvider takes as its server URL. */
  readonly syncUrl: string;
  connect(boardId: string, token: string): Promise<TestClient>;
  /**
   * A page's BoardConnection (connectWithToken) on this server, or at `serverUrl` (a relay in
   * front of it; null: no server), destroyed after the test.
   */
  open(
    boardId: string,
    token: string,
    options?: Partial<BoardConnectionOptions>,
    serverUrl?: string | null,
  ): BoardConnection;
}

export function useTestServer(
  overrides: Partial<Config> = {},
  options: StartOptions = {},
): LiveTestServer {
  let running: TestServer | undefined;
  const clients: TestClient[] = [];
  const pages: BoardConnection[] = [];
  beforeAll(async () => {
    running = await startTestServer(overrides, options);
  });
  afterEach(() => {
    for (const c of pages.splice(0)) c.destroy();
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await running?.stop();
  });
  const started = () => {
    if (!running) throw new Error('useTestServer: used outside a test');
    return running;
  };
  const live: LiveTestServer = {
    get server() {
      return started();
    },
    get syncUrl() {
      return `${started().url.replace(/^http/, 'ws')}/sync`;
    },
    async connect(boardId, token) {
      const client = connectProvider(live.syncUrl, boardId, token);
      clients.push(client);
      await client.synced();
      return client;
    },
    open(boardId, token, pageOptions = {}, serverUrl = started().url) {
      const page = connectWithToken(serverUrl, boardId, token, pageOptions);
      pages.push(page);
      return page;
    },
  };
  return live;
}
