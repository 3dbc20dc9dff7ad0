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
  const server = await startServer({ port: 0, host, dataDir });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
