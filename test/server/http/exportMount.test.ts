/** The export router (server/export) as mounted by createApp: real auth, admin token, limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';

const admin = 'admin-token-for-export-tests';
let server: TestServer;
let boardId: string;
let leadToken: string;

beforeAll(async () => {
  server = await startTestServer({ adminToken: admin });
  const res = await request(server.url, 'POST', '/api/boards', {
    token: admin,
    json: { title: 'Exported' },
  });
  ({ id: boardId, leadToken } = res.body);
});
afterAll(() => server.stop());

describe('export and import through createApp', () => {
  it('exports for the lead, refuses an editor (403) and a bad token (401)', async () => {
    const ok = await request(server.url, 'GET', `/api/boards/${boardId}/export?format=json`, {
      token: leadToken,
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain('attachment');
    const editor = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: leadToken,
      json: { name: 'Ed', role: 'editor' },
    });
    const refused = await request(server.url, 'GET', `/api/boards/${boardId}/export?format=csv`, {
      token: editor.body.token,
    });
    expect(refused.status).toBe(403);
    const bad = await request(server.url, 'GET', `/api/boards/${boardId}/export?format=csv`, {
      token: 'garbage',
    });
    expect(bad.status).toBe(401);
    expect(errorCode(bad)).toBe('invalid_token');
  });

  it('imports a JSON export into a new board, guarded by the admin token', async () => {
    const exported = await request(server.url, 'GET', `/api/boards/${boardId}/export?format=json`, {
      token: leadToken,
    });
    const json = typeof exported.body === 'string' ? JSON.parse(exported.body) : exported.body;
    const without = await request(server.url, 'POST', '/api/boards/import', { json });
    expect(without.status).toBe(401);
    expect(errorCode(without)).toBe('admin_token_required');
    const res = await request(server.url, 'POST', '/api/boards/import', { json, token: admin });
    expect(res.status).toBe(201);
    expect(res.body.leadUrl).toBe(
      `${server.publicUrl}/b/${res.body.id}#invite=${res.body.leadToken}`,
    );
    const me = await request(server.url, 'GET', `/api/boards/${res.body.id}`, {
      token: res.body.leadToken,
    });
    expect(me.body).toMatchObject({ title: 'Exported', role: 'lead' });
  });
});
