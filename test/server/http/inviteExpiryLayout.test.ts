/**
 * An invite's expiry (storage layout 9) on a data directory written by layout 8: its invites
 * never expire and keep opening the board, and an expiry a lead sets from then on is kept in
 * the file, refused once passed.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../server/dataDirProblem';
import { MIGRATIONS } from '../../../server/storage/sqliteSchema';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { writeOldLayout } from '../../helpers/oldLayoutFile';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let dir: TempDir;
let server: TestServer;
const token = (inviteId: string, name: string, role: 'lead' | 'editor') =>
  server.signer.sign({ boardId: 'b1', inviteId, role, name, iat: 1, exp: null });
const lead = () => token('ana', 'Ana Ruiz', 'lead');
const editor = () => token('bo', 'Bo Editor', 'editor');

beforeAll(async () => {
  dir = makeTempDir();
  writeOldLayout(join(dir.path, DATABASE_FILE), 8, (db) => {
    db.prepare("INSERT INTO boards (id, title, created_at) VALUES ('b1', 'Old board', 1)").run();
    const insert = db.prepare(
      `INSERT INTO invites (id, board_id, name, role, created_at, revoked_at, joined_at)
       VALUES (?, 'b1', ?, ?, 1, NULL, NULL)`,
    );
    insert.run('ana', 'Ana Ruiz', 'lead');
    insert.run('bo', 'Bo Editor', 'editor');
  });
  server = await startTestServer({ dataDir: dir.path });
});
afterAll(async () => {
  await server.stop();
  dir.remove();
});

it('upgrades a layout-8 file: its invites never expire, and one set from then on is kept', async () => {
  const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  // Layout 9 added the expiry columns; later layouts keep them.
  expect(MIGRATIONS.length).toBeGreaterThanOrEqual(9);
  db.close();
  const list = await request(server.url, 'GET', '/api/boards/b1/invites', { token: lead() });
  expect(list.body.invites).toEqual([
    expect.objectContaining({ inviteId: 'ana', expiresAt: null, expirySetBy: null }),
    expect.objectContaining({ inviteId: 'bo', expiresAt: null, expirySetBy: null }),
  ]);
  expect((await request(server.url, 'GET', '/api/boards/b1', { token: editor() })).status).toBe(
    200,
  );
  const expiresAt = Date.now() + 1_000;
  const set = await request(server.url, 'PATCH', '/api/boards/b1/invites/bo', {
    token: lead(),
    json: { expiresAt },
  });
  expect(set.body.invite).toMatchObject({
    expiresAt,
    expirySetBy: { inviteId: 'ana', name: 'Ana Ruiz' },
  });
  // Kept in the file: a server started on it again has it, and refuses the invite once passed.
  await server.stop();
  server = await startTestServer({ dataDir: dir.path });
  await expect
    .poll(
      async () =>
        errorCode(await request(server.url, 'GET', '/api/boards/b1', { token: editor() })),
      { timeout: 10_000, interval: 200 },
    )
    .toBe('invite_expired');
  const told = await request(server.url, 'GET', '/api/boards/b1/revocation', { token: editor() });
  expect(told.body).toMatchObject({ expiresAt, expirySetBy: { name: 'Ana Ruiz' } });
});
