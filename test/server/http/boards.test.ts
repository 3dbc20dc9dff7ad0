import { DEFAULT_RATING_SCALE, SCHEMA_VERSION } from '../../../shared/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { errorCode, request } from '../../helpers/http/request';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('GET /healthz', () => {
  it('answers ok', async () => {
    const res = await request(server.url, 'GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });
});

describe('POST /api/boards', () => {
  it('creates a board, its lead invite and initialises the doc', async () => {
    const res = await request(server.url, 'POST', '/api/boards', {
      json: { title: '  Election night  ', name: 'Ana' },
    });
    expect(res.status).toBe(201);
    const { id, title, leadToken, leadUrl } = res.body;
    expect(title).toBe('Election night');
    expect(leadUrl).toBe(`${server.url}/b/${id}#invite=${leadToken}`);
    expect(await server.storage.getBoard(id)).toMatchObject({ id, title: 'Election night' });
    const claims = server.signer.verify(leadToken);
    expect(claims).toMatchObject({ boardId: id, role: 'lead', name: 'Ana' });
    expect(await server.storage.getInvite(claims!.inviteId)).toMatchObject({
      boardId: id,
      role: 'lead',
      name: 'Ana',
      revokedAt: null,
    });
    const { meta } = await server.board(id);
    expect(meta.title).toBe('Election night');
    expect(meta.schemaVersion).toBe(SCHEMA_VERSION);
    expect(meta.ratingScale).toEqual(DEFAULT_RATING_SCALE);
  });

  it('names the lead "Lead" by default', async () => {
    const res = await request(server.url, 'POST', '/api/boards', { json: { title: 'T' } });
    expect(res.status).toBe(201);
    expect(server.signer.verify(res.body.leadToken)?.name).toBe('Lead');
  });

  it.each<[unknown, string]>([
    [{}, 'missing title'],
    [{ title: '   ' }, 'blank title'],
    [{ title: 'x'.repeat(301) }, 'title too long'],
    [{ title: 42 }, 'title not a string'],
    [{ title: 'ok', name: '' }, 'empty name'],
    [{ title: ' \u200b ' }, 'a title of invisible characters'],
    [{ title: 'ok', name: ' \u200b\u2060 ' }, 'a name of invisible characters'],
    [{ title: 'ok', name: 'Ana\n# Lead' }, 'a name with a line break'],
    [{ title: 'ok', name: 'Ana\u0085Lead' }, 'a name with a C1 control character'],
    [[1, 2], 'an array'],
    [{ title: 'ok', nme: 'Ana' }, 'a key it does not know'],
  ])('refuses %j (%s) with 400 invalid_input', async (json) => {
    const res = await request(server.url, 'POST', '/api/boards', { json });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_input');
  });

  it('refuses malformed JSON with 400 invalid_json', async () => {
    const res = await request(server.url, 'POST', '/api/boards', {
      raw: '{"title": "unterminated',
      contentType: 'application/json',
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_json');
  });

  it('checks the token before it says a board route’s JSON is malformed (QA23 F5)', async () => {
    const created = await request(server.url, 'POST', '/api/boards', {
      json: { title: 'Token first', name: 'Ana' },
    });
    const path = `/api/boards/${created.body.id}/invites`;
    const malformed = { raw: '{"name": "unterminated', contentType: 'application/json' };
    const without = await request(server.url, 'POST', path, malformed);
    expect(without.status).toBe(401);
    expect(errorCode(without)).toBe('missing_token');
    const forged = await request(server.url, 'POST', path, { ...malformed, token: 'not-a-token' });
    expect(errorCode(forged)).toBe('invalid_token');
    const lead = await request(server.url, 'POST', path, {
      ...malformed,
      token: created.body.leadToken,
    });
    expect(lead.status).toBe(400);
    expect(errorCode(lead)).toBe('invalid_json');
  });

  it.each(['gzip', 'deflate', 'br'])(
    'refuses a body that says %s but is not, with a 4xx and the error shape',
    async (encoding) => {
      const res = await request(server.url, 'POST', '/api/boards', {
        raw: '{"title": "plain"}',
        contentType: 'application/json',
        headers: { 'content-encoding': encoding },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(errorCode(res)).toMatch(/^(invalid_body|unsupported_media_type)$/);
    },
  );

  it.each([
    '/api/boards/%E0%A4%A',
    '/api/boards/%ZZ/export?format=json',
    '/api/boards/%ZZ/invites',
  ])('answers %s, a malformed percent-encoding, with 400 invalid_input', async (path) => {
    const res = await request(server.url, 'GET', path);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_input');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await request(server.url, 'POST', '/api/boards', {
      raw: 'title=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(errorCode(res)).toBe('unsupported_media_type');
  });

  it('refuses a missing body with 400', async () => {
    const res = await request(server.url, 'POST', '/api/boards');
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_input');
  });

  it('refuses a body over the limit with 413 body_too_large', async () => {
    const res = await request(server.url, 'POST', '/api/boards', {
      json: { title: 'big', padding: 'x'.repeat(2 * 1024 * 1024 + 10) },
    });
    expect(res.status).toBe(413);
    expect(errorCode(res)).toBe('body_too_large');
  });
});

describe('GET /api/boards/:id', () => {
  it('tells the bearer who they are on the board', async () => {
    const created = await request(server.url, 'POST', '/api/boards', {
      json: { title: 'Who am I', name: 'Bo' },
    });
    const { id, leadToken } = created.body;
    const res = await request(server.url, 'GET', `/api/boards/${id}`, { token: leadToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id,
      title: 'Who am I',
      role: 'lead',
      name: 'Bo',
      inviteId: server.signer.verify(leadToken)!.inviteId,
      roleChangedAt: null,
      roleChangedBy: null,
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('unknown routes', () => {
  it('answer 404 not_found as JSON', async () => {
    const res = await request(server.url, 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(errorCode(res)).toBe('not_found');
  });
});

describe('admin token', () => {
  let guarded: TestServer;
  const admin = 'an-admin-token-of-some-length';
  beforeAll(async () => {
    guarded = await startTestServer({ adminToken: admin });
  });
  afterAll(() => guarded.stop());

  it('is required to create a board when configured', async () => {
    const none = await request(guarded.url, 'POST', '/api/boards', { json: { title: 'x' } });
    expect(none.status).toBe(401);
    expect(errorCode(none)).toBe('admin_token_required');
    const wrong = await request(guarded.url, 'POST', '/api/boards', {
      json: { title: 'x' },
      token: admin + 'x',
    });
    expect(wrong.status).toBe(401);
    expect(errorCode(wrong)).toBe('admin_token_required');
    const right = await request(guarded.url, 'POST', '/api/boards', {
      json: { title: 'x' },
      token: admin,
    });
    expect(right.status).toBe(201);
  });
});
