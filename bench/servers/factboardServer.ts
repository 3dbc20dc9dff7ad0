/**
 * Factboard's own server, with durable SQLite storage in a fresh temp directory and roles on
 * (the defaults of server/startServer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/startServer';
import type { RunningServer } from '../relay';

export async function startFactboardServer(host = '127.0.0.1'): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'factboard-bench-'));
  // The per-connection rate limit (default 300 messages/s) would close the saturation run's
  // clients with 4429; the reference server has none, so the bench lifts it. Durable storage,
  // roles, write checks and history stay on.
  const server = await startServer({
    port: 0,
    host,
    dataDir,
    messagesPerSecond: 1_000_000,
    messageBurst: 1_000_000,
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
