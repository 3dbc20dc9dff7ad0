/**
 * One server per data directory (server/storage/pendingLog.ts): a second `npm start` on the
 * same directory stops with a clear message instead of sharing the pending log; after the first
 * server died by SIGKILL, its stale lock is taken over.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { freePort, type ServerProcess, startServerProcess } from '../../helpers/serverProcess';

let dir: TempDir | null = null;
const servers: ServerProcess[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await s.kill('SIGKILL');
  dir?.remove();
  dir = null;
});

describe('data directory lock', () => {
  it('refuses a second server on the same data directory, and takes over after a crash', async () => {
    dir = makeTempDir('factboard-lock-');
    const env = { FACTBOARD_DEMO: '0' };
    const first = await startServerProcess({ dataDir: dir.path, port: await freePort(), env });
    servers.push(first);

    const second = startServerProcess({ dataDir: dir.path, port: await freePort(), env });
    await expect(second).rejects.toThrow(/exited with 1[\s\S]*data directory is taken/);

    await first.kill('SIGKILL');
    const third = await startServerProcess({ dataDir: dir.path, port: await freePort(), env });
    servers.push(third);
    expect((await fetch(`${third.url}/healthz`)).status).toBe(200);
  });
});
