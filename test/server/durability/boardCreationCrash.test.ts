/**
 * A server killed (SIGKILL) while it creates a board leaves the board whole or not at all: no
 * board that no invite opens, and the creator's retry with its Idempotency-Key, after the
 * restart, makes exactly one. The real server as a child process on a real data directory.
 *
 * The kill has to land after the board's record is written and before its lead invite is. A
 * SQLite trigger in the data file holds the lead invite's insert (a cross join that never ends)
 * while the creation's write transaction is open: a second connection that cannot begin a write
 * (SQLITE_BUSY) on three tries in a row then knows the server is in it (without the demo board,
 * nothing else writes; the board's own brief writes, were there any, would not be seen three
 * times). Written one after the other, as they were, the board's record was committed by then,
 * and stayed without an invite.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../server/dataDirProblem';
import { request } from '../../helpers/http/request';
import { freePort, type ServerProcess, startServerProcess } from '../../helpers/serverProcess';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { waitFor } from '../../helpers/waitFor';

const NO_DEMO = { FACTBOARD_DEMO: '0' };

/** Whether another connection holds the file's write lock (an open write transaction). */
function writeLockHeld(db: Database.Database): boolean {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  }
  db.exec('ROLLBACK');
  return false;
}

describe('crash: SIGKILL while a board is created', () => {
  let dir: TempDir;
  let server: ServerProcess | null = null;
  afterEach(async () => {
    await server?.kill('SIGKILL');
    dir.remove();
  });

  it('leaves no board without its lead invite, and the retry makes one', async () => {
    dir = makeTempDir();
    const port = await freePort();
    server = await startServerProcess({ dataDir: dir.path, port, env: NO_DEMO });
    const db = new Database(join(dir.path, DATABASE_FILE));
    db.pragma('busy_timeout = 0');
    const boards = () => db.prepare('SELECT id FROM boards').pluck().all() as string[];
    const create = (url: string) =>
      request(url, 'POST', '/api/boards', {
        json: { title: 'Night desk', name: 'Ana' },
        headers: { 'idempotency-key': 'board-1' },
      });
    try {
      const before = boards();
      db.exec(`CREATE TABLE spin (x INTEGER);
               INSERT INTO spin VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
               CREATE TRIGGER invite_held BEFORE INSERT ON invites BEGIN
                 SELECT count(*) FROM spin a, spin b, spin c, spin d, spin e, spin f,
                   spin g, spin h, spin i, spin j, spin k, spin l;
               END`);
      const creating = create(server.url).catch((error: unknown) => error);
      let held = 0;
      await waitFor(
        () => {
          held = writeLockHeld(db) ? held + 1 : 0;
          return held >= 3;
        },
        { timeout: 20_000, what: 'the creation’s write, held' },
      );
      await server.kill('SIGKILL');
      server = null;
      expect(await creating).toBeInstanceOf(Error);

      // Read before any restart: what the killed server left in the file.
      expect(boards()).toEqual(before);
      const unopenable = db
        .prepare(
          `SELECT id FROM boards WHERE id NOT IN
           (SELECT board_id FROM invites WHERE role = 'lead')`,
        )
        .pluck()
        .all();
      expect(unopenable).toEqual([]);
      expect(db.prepare('SELECT COUNT(*) FROM idempotency_keys').pluck().get()).toBe(0);

      db.exec('DROP TRIGGER invite_held; DROP TABLE spin');
      server = await startServerProcess({ dataDir: dir.path, port, env: NO_DEMO });
      const made = await create(server.url);
      expect([made.status, made.headers.get('idempotency-replayed')]).toEqual([201, null]);
      const again = await create(server.url);
      expect([again.status, again.headers.get('idempotency-replayed')]).toEqual([201, 'true']);
      expect(again.body).toEqual(made.body);
      const board = made.body as { id: string; leadToken: string };
      expect(boards().sort()).toEqual([...before, board.id].sort());
      const me = await request(server.url, 'GET', `/api/boards/${board.id}`, {
        token: board.leadToken,
      });
      expect(me.body).toMatchObject({ title: 'Night desk', role: 'lead', name: 'Ana' });
    } finally {
      db.close();
    }
  }, 90_000);
});
