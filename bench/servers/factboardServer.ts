/**
 * Factboard's own server, with durable SQLite storage in a fresh temp directory and roles on
 * (the defaults of server/startServer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchError } from '../benchError';
import type { RunningServer } from '../relay';

interface StartServer {
  (overrides?: { port?: number; host?: string; dataDir?: string }): Promise<RunningServer>;
}

/**
 * TEMPORARY FALLBACK, the only one: until server/startServer.ts lands, the Factboard row says
 * "not available yet". Once it exists, replace this function with a static
 * `import { startServer } from '../../server/startServer'`.
 */
async function loadStartServer(): Promise<StartServer> {
  const modulePath = '../../server/startServer';
  try {
    const mod = (await import(modulePath)) as { startServer?: StartServer };
    if (typeof mod.startServer !== 'function') throw new Error('no startServer export');
    return mod.startServer;
  } catch (error) {
    throw new BenchError('unavailable', `not available yet (${(error as Error).message})`);
  }
}

export async function startFactboardServer(host = '127.0.0.1'): Promise<RunningServer> {
  const startServer = await loadStartServer();
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
