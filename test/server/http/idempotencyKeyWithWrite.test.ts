/**
 * An invite's, a new board's and an imported board's Idempotency-Key is stored in the
 * transaction that writes the invite or board: it was saved just after, so a stop between the
 * two left the invite or board made and its key forgotten, and the client's retry after the
 * restart made a second. A stop at that moment is hard to hit, so the key's write is made to
 * fail instead (a SQLite trigger in the real data file): the invite or board must not be stored
 * without it. Then, the trigger gone, each is made once, and a repeat after a restart (the same
 * data directory) gets the first answer. The server, its SQLite file and the requests are real.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../server/dataDirProblem';
import { exportOverRest } from '../../helpers/http/exportOverRest';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { makeTempDir } from '../../helpers/tempDir';

const dir = makeTempDir();
let server: TestServer | null = null;
afterAll(async () => {
  await server?.close();
  dir.remove();
});

/** Runs `fn` on the data file while no server has it open. */
async function withFile<T>(fn: (db: Database.Database) => T): Promise<T> {
  await server?.close();
  server = null;
  const db = new Database(join(dir.path, DATABASE_FILE));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const counts = (db: Database.Database) =>
  ['boards', 'invites', 'idempotency_keys'].map(
    (table) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
  );

describe('an invite’s or new board’s Idempotency-Key', () => {
  it('is stored with the invite or board, never one without the other', async () => {
    server = await startTestServer({ dataDir: dir.path });
    const made = await request(server.url, 'POST', '/api/boards', { json: { title: 'News' } });
    const board = made.body as { id: string; leadToken: string };
    const file = await exportOverRest(server.url, board.id, board.leadToken, 'json');
    const sends = {
      invite: (url: string) =>
        request(url, 'POST', `/api/boards/${board.id}/invites`, {
          token: board.leadToken,
          json: { name: 'Bo', role: 'editor' },
          headers: { 'idempotency-key': 'invite-1' },
        }),
      board: (url: string) =>
        request(url, 'POST', '/api/boards', {
          json: { title: 'Night desk', name: 'Ana' },
          headers: { 'idempotency-key': 'board-1' },
        }),
      import: (url: string) =>
        request(url, 'POST', '/api/boards/import', {
          json: file,
          headers: { 'idempotency-key': 'import-1' },
        }),
    };
    const before = await withFile((db) => {
      db.exec(`CREATE TRIGGER key_fails BEFORE INSERT ON idempotency_keys
               BEGIN SELECT RAISE(ABORT, 'the key is not stored'); END`);
      return counts(db);
    });
    // Boards, invites (one each: the lead's), no key.
    expect(before).toEqual([1, 1, 0]);

    server = await startTestServer({ dataDir: dir.path });
    const failed: Record<string, number> = {};
    for (const [kind, send] of Object.entries(sends))
      failed[kind] = (await send(server.url)).status;
    expect(failed).toEqual({ invite: 500, board: 500, import: 500 });
    expect(await withFile(counts)).toEqual(before);

    await withFile((db) => db.exec('DROP TRIGGER key_fails'));
    server = await startTestServer({ dataDir: dir.path });
    const first: Record<string, unknown> = {};
    for (const [kind, send] of Object.entries(sends)) {
      const answered = await send(server.url);
      expect(answered.status).toBe(201);
      first[kind] = answered.body;
    }
    // An invite; a board with its lead invite, twice (created, imported); three keys.
    const after = await withFile(counts);
    expect(after).toEqual([3, 4, 3]);

    server = await startTestServer({ dataDir: dir.path });
    for (const [kind, send] of Object.entries(sends)) {
      const again = await send(server.url);
      expect([kind, again.status, again.headers.get('idempotency-replayed')]).toEqual([
        kind,
        201,
        'true',
      ]);
      expect(again.body).toEqual(first[kind]);
    }
    expect(await withFile(counts)).toEqual(after);
  }, 120_000);
});
