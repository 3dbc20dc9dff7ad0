/**
 * A new board (POST /api/boards) is stored whole or not at all: its record, its first content
 * (title and rating scale), its lead invite and its Idempotency-Key's answer in one transaction.
 * Written one after the other, a failure of the invite's write whose cleanup failed as well (a
 * full disk refuses both) left a board that no invite opens, and the creator's retry made a
 * second. Here SQLite triggers in the real data file refuse the lead invite's insert and the
 * board's deletion; the server, its SQLite file and the requests are real.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../server/dataDirProblem';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';

let server: TestServer | null = null;
afterAll(async () => {
  await server?.stop();
});

const count = (db: Database.Database, table: string): number =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('creating a board', () => {
  it('whose lead invite cannot be stored answers 500 and leaves no board; its retry makes one', async () => {
    server = await startTestServer();
    // A second connection to the server's file, as another program would open it.
    const db = new Database(join(server.dataDir, DATABASE_FILE));
    try {
      const tables = () =>
        ['boards', 'updates', 'invites', 'idempotency_keys'].map((t) => count(db, t));
      const before = tables();
      db.exec(`CREATE TRIGGER invite_fails BEFORE INSERT ON invites
               BEGIN SELECT RAISE(ABORT, 'the lead invite is not stored'); END;
               CREATE TRIGGER delete_fails BEFORE DELETE ON boards
               BEGIN SELECT RAISE(ABORT, 'the board is not deleted'); END`);
      const create = () =>
        request(server!.url, 'POST', '/api/boards', {
          json: { title: 'Night desk', name: 'Ana' },
          headers: { 'idempotency-key': 'board-1' },
        });

      const failed = await create();
      expect([failed.status, errorCode(failed)]).toEqual([500, 'internal']);
      // No board, no content, no key: nothing a retry would add a second board beside.
      expect(tables()).toEqual(before);

      db.exec('DROP TRIGGER invite_fails; DROP TRIGGER delete_fails');
      const made = await create();
      expect([made.status, made.headers.get('idempotency-replayed')]).toEqual([201, null]);
      const again = await create();
      expect([again.status, again.headers.get('idempotency-replayed')]).toEqual([201, 'true']);
      expect(again.body).toEqual(made.body);
      // One board, its one update and lead invite, one key.
      expect(tables()).toEqual(before.map((n) => n + 1));
      const board = made.body as { id: string; leadToken: string };
      const me = await request(server.url, 'GET', `/api/boards/${board.id}`, {
        token: board.leadToken,
      });
      expect(me.body).toMatchObject({ title: 'Night desk', role: 'lead', name: 'Ana' });
    } finally {
      db.close();
    }
  });
});
