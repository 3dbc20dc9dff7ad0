/**
 * One server per data directory (server/storage/pendingLog.ts): a second `npm start` on the
 * same directory stops with a clear message instead of sharing the pending log; after the first
 * server died by SIGKILL, its stale lock is taken over. A directory a newer version wrote is
 * not opened (a downgrade would misread it), and is left as it was.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../server/storage/sqliteSchema';
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

  it('refuses a data directory written by a newer version, and leaves it as it was', async () => {
    dir = makeTempDir('factboard-newer-');
    const env = { FACTBOARD_DEMO: '0' };
    const first = await startServerProcess({ dataDir: dir.path, port: await freePort(), env });
    servers.push(first);
    const made = await fetch(`${first.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Desk', name: 'Lea' }),
    });
    const { id, leadToken } = (await made.json()) as { id: string; leadToken: string };
    await first.kill('SIGTERM');
    const file = join(dir.path, 'factboard.sqlite');
    const setLayout = (version: number) => {
      const db = new Database(file);
      db.pragma(`user_version = ${version}`);
      db.close();
    };
    setLayout(MIGRATIONS.length + 1);

    const newer = startServerProcess({ dataDir: dir.path, port: await freePort(), env });
    await expect(newer).rejects.toThrow(
      new RegExp(
        `exited with 1[\\s\\S]*written by a newer version of Factboard \\(storage layout ${MIGRATIONS.length + 1}`,
      ),
    );
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    db.close();

    setLayout(MIGRATIONS.length);
    const again = await startServerProcess({ dataDir: dir.path, port: await freePort(), env });
    servers.push(again);
    const board = await fetch(`${again.url}/api/boards/${id}`, {
      headers: { Authorization: `Bearer ${leadToken}` },
    });
    expect(await board.json()).toMatchObject({ id, title: 'Desk', role: 'lead' });
  });
});
