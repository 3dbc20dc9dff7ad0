/**
 * The composed server (startTestServer: real SQLite, the real sync server) for the calling
 * file or describe: started before its tests and stopped after them, with `connect` to put
 * y-websocket clients on a board, synced, destroyed before the server stops.
 */
import { afterAll, beforeAll } from 'vitest';
import { connectProvider, type TestClient } from '../connectProvider';
import { startTestServer, type TestServer } from './startTestServer';

export interface LiveTestServer {
  readonly server: TestServer;
  /** ws://…/sync: what a WebsocketProvider takes as its server URL. */
  readonly syncUrl: string;
  connect(boardId: string, token: string): Promise<TestClient>;
}

export function useTestServer(): LiveTestServer {
  let running: TestServer | undefined;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    running = await startTestServer();
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
  };
  return live;
}
