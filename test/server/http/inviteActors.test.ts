/**
 * Which lead revoked an invite, and which last changed its role (storage layout 8), over REST
 * on a data directory written by layout 7: its rows from then are named from the board's
 * history where it recorded who (layout 9), and keep their times and name no lead where it did
 * not; what leads do from then on names them, in the invites list, in the revocation a refused
 * page asks for and in the member's own board call.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { DATABASE_FILE } from '../../../server/dataDirProblem';
import { MIGRATIONS } from '../../../server/storage/sqliteSchema';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { writeOldLayout } from '../../helpers/oldLayoutFile';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

const INVITES: [id: string, name: string, role: Role, revokedAt: number | null][] = [
  ['ana', 'Ana Ruiz', 'lead', null],
  ['old', 'Olga Old', 'editor', 1_000],
  ['bo', 'Bo Editor', 'editor', null],
  ['cy', 'Cy Reviewer', 'reviewer', null],
  ['eve', 'Eve Editor', 'editor', 2_000],
  ['dan', 'Dan Viewer', 'viewer', null],
];
/** What layout 7's history recorded of them: Eve's revocation, and Dan's two role changes. */
const HISTORY: [type: string, actor: [id: string, name: string], at: number, data: object][] = [
  ['role.changed', ['old', 'Olga Old'], 1_100, { inviteId: 'dan', from: 'editor', to: 'reviewer' }],
  ['role.changed', ['ana', 'Ana Ruiz'], 1_500, { inviteId: 'dan', from: 'reviewer', to: 'viewer' }],
  ['invite.revoked', ['ana', 'Ana Ruiz'], 2_000, { inviteId: 'eve', role: 'editor' }],
  // Another board's invite of the same id: not Eve's.
  ['invite.revoked', ['zed', 'Zed Other'], 2_500, { inviteId: 'eve', role: 'editor' }],
];

let dir: TempDir;
let server: TestServer;
const token = (inviteId: string) => {
  const [, name, role] = INVITES.find(([id]) => id === inviteId)!;
  return server.signer.sign({ boardId: 'b1', inviteId, role, name, iat: 1, exp: null });
};
const get = (path: string, inviteId: string) =>
  request(server.url, 'GET', `/api/boards/b1${path}`, { token: token(inviteId) });

beforeAll(async () => {
  dir = makeTempDir();
  writeOldLayout(join(dir.path, DATABASE_FILE), 7, (db) => {
    db.prepare("INSERT INTO boards (id, title, created_at) VALUES ('b1', 'Old board', 1)").run();
    const insert = db.prepare(
      `INSERT INTO invites (id, board_id, name, role, created_at, revoked_at, joined_at)
       VALUES (?, 'b1', ?, ?, 1, ?, NULL)`,
    );
    for (const row of INVITES) insert.run(...row);
    const event = db.prepare(
      `INSERT INTO history (board_id, card_id, type, actor_id, actor_name, at, data)
       VALUES (?, NULL, ?, ?, ?, ?, ?)`,
    );
    HISTORY.forEach(([type, [id, name], at, data], i) =>
      event.run(i === 3 ? 'b2' : 'b1', type, id, name, at, JSON.stringify(data)),
    );
  });
  server = await startTestServer({ dataDir: dir.path });
});
afterAll(async () => {
  await server.stop();
  dir.remove();
});

describe('a layout-7 data directory, upgraded', () => {
  it('is at the current layout, and an invite revoked before it names no lead', async () => {
    const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    const list = await get('/invites', 'ana');
    expect(list.status).toBe(200);
    expect(list.body.invites.find((i: { inviteId: string }) => i.inviteId === 'old')).toEqual({
      inviteId: 'old',
      name: 'Olga Old',
      role: 'editor',
      createdAt: 1,
      joinedAt: null,
      revokedAt: 1_000,
      revokedBy: null,
      expiresAt: null,
      expirySetBy: null,
    });
    expect(await get('/revocation', 'old')).toMatchObject({
      status: 200,
      body: { revokedAt: 1_000, revokedBy: null, expiresAt: null, expirySetBy: null },
    });
    // Its token is still refused everywhere else.
    expect(errorCode(await get('', 'old'))).toBe('revoked_token');
  });

  it('names the lead the history recorded for an invite revoked or a role changed before it', async () => {
    const ana = { inviteId: 'ana', name: 'Ana Ruiz' };
    const list = (await get('/invites', 'ana')).body.invites;
    expect(list.find((i: { inviteId: string }) => i.inviteId === 'eve')).toMatchObject({
      revokedAt: 2_000,
      revokedBy: ana,
    });
    expect((await get('/revocation', 'eve')).body).toEqual({
      revokedAt: 2_000,
      revokedBy: ana,
      expiresAt: null,
      expirySetBy: null,
    });
    // The last change of the role, by whom and when.
    expect((await get('', 'dan')).body).toMatchObject({
      role: 'viewer',
      roleChangedAt: 1_500,
      roleChangedBy: ana,
    });
  });

  it('names the lead who revokes an invite from then on, in the list and to its holder', async () => {
    expect(await get('/revocation', 'bo')).toMatchObject({
      status: 200,
      body: { revokedAt: null, revokedBy: null },
    });
    const del = await request(server.url, 'DELETE', '/api/boards/b1/invites/bo', {
      token: token('ana'),
    });
    expect(del.status).toBe(204);
    const lead = { inviteId: 'ana', name: 'Ana Ruiz' };
    const listed = (await get('/invites', 'ana')).body.invites.find(
      (i: { inviteId: string }) => i.inviteId === 'bo',
    );
    expect(listed).toMatchObject({ revokedAt: expect.any(Number), revokedBy: lead });
    expect((await get('/revocation', 'bo')).body).toEqual({
      revokedAt: listed.revokedAt,
      revokedBy: lead,
      expiresAt: null,
      expirySetBy: null,
    });
    // Kept in the file: a server started on it again says the same.
    await server.stop();
    server = await startTestServer({ dataDir: dir.path });
    expect((await get('/revocation', 'bo')).body).toEqual({
      revokedAt: listed.revokedAt,
      revokedBy: lead,
      expiresAt: null,
      expirySetBy: null,
    });
  });

  it('refuses the revocation call to a token of another board or none', async () => {
    const other = server.signer.sign({
      boardId: 'b2',
      inviteId: 'bo',
      role: 'editor',
      name: 'Bo Editor',
      iat: 1,
      exp: null,
    });
    const wrong = await request(server.url, 'GET', '/api/boards/b1/revocation', { token: other });
    expect([wrong.status, errorCode(wrong)]).toEqual([403, 'wrong_board']);
    const none = await request(server.url, 'GET', '/api/boards/b1/revocation');
    expect([none.status, errorCode(none)]).toEqual([401, 'missing_token']);
    const damaged = await request(server.url, 'GET', '/api/boards/b1/revocation', {
      token: `${token('bo')}x`,
    });
    expect([damaged.status, errorCode(damaged)]).toEqual([401, 'invalid_token']);
  });

  it('names the lead who last changed a member’s role, to that member', async () => {
    expect((await get('', 'cy')).body).toMatchObject({
      role: 'reviewer',
      roleChangedAt: null,
      roleChangedBy: null,
    });
    const patch = await request(server.url, 'PATCH', '/api/boards/b1/invites/cy', {
      token: token('ana'),
      json: { role: 'viewer', from: 'reviewer' },
    });
    expect(patch.status).toBe(200);
    expect((await get('', 'cy')).body).toMatchObject({
      role: 'viewer',
      roleChangedAt: expect.any(Number),
      roleChangedBy: { inviteId: 'ana', name: 'Ana Ruiz' },
    });
  });
});
