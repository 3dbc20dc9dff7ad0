import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { errorCode, request } from '../../helpers/http/request';

let server: TestServer;
let boardId: string;
let leadToken: string;

async function invite(name: string, role: Role) {
  const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
    token: leadToken,
    json: { name, role },
  });
  expect(res.status).toBe(201);
  return res.body as { inviteId: string; token: string; url: string };
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await request(server.url, 'POST', '/api/boards', { json: { title: 'Invites' } });
  ({ id: boardId, leadToken } = res.body);
});
afterAll(() => server.stop());

describe('POST /api/boards/:id/invites', () => {
  it('issues a signed token for the role and a link carrying it in the fragment', async () => {
    const made = await invite('Eve Editor', 'editor');
    expect(made.url).toBe(`${server.url}/b/${boardId}#invite=${made.token}`);
    expect(server.signer.verify(made.token)).toMatchObject({
      boardId,
      inviteId: made.inviteId,
      role: 'editor',
      name: 'Eve Editor',
    });
    const me = await request(server.url, 'GET', `/api/boards/${boardId}`, { token: made.token });
    expect(me.body).toMatchObject({ role: 'editor', name: 'Eve Editor', inviteId: made.inviteId });
  });

  it.each<[unknown, string]>([
    [{ name: 'X', role: 'admin' }, 'unknown role'],
    [{ name: '', role: 'viewer' }, 'empty name'],
    [{ name: ' \u200b ', role: 'viewer' }, 'a name of invisible characters'],
    [{ name: '\u200d\u2060\u3164', role: 'viewer' }, 'a name of joiners and a Hangul filler'],
    [{ role: 'viewer' }, 'missing name'],
    [{ name: 'X' }, 'missing role'],
    [{ name: 'x'.repeat(101), role: 'viewer' }, 'name too long'],
  ])('refuses %j (%s) with 400', async (json) => {
    const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: leadToken,
      json,
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_input');
  });

  it('refuses a name that shows nothing exactly as it refuses an empty one', async () => {
    const refusal = async (name: string) =>
      (
        await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
          token: leadToken,
          json: { name, role: 'viewer' },
        })
      ).body;
    expect(await refusal(' \u200b ')).toEqual(await refusal(''));
  });
});

describe('GET /api/boards/:id/invites', () => {
  it('lists every invite without tokens', async () => {
    const made = await invite('Rita Reviewer', 'reviewer');
    const res = await request(server.url, 'GET', `/api/boards/${boardId}/invites`, {
      token: leadToken,
    });
    expect(res.status).toBe(200);
    const listed = res.body.invites.find((i: { inviteId: string }) => i.inviteId === made.inviteId);
    expect(listed).toEqual({
      inviteId: made.inviteId,
      name: 'Rita Reviewer',
      role: 'reviewer',
      createdAt: expect.any(Number),
      joinedAt: null,
      revokedAt: null,
    });
    expect(res.body.invites.some((i: { role: string }) => i.role === 'lead')).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(made.token);
    expect(JSON.stringify(res.body)).not.toContain(leadToken);
  });
});

describe('DELETE /api/boards/:id/invites/:inviteId', () => {
  it('revokes: the token is refused afterwards (live sockets: liveServer.test.ts)', async () => {
    const made = await invite('Vic Viewer', 'viewer');
    const before = await request(server.url, 'GET', `/api/boards/${boardId}`, {
      token: made.token,
    });
    expect(before.status).toBe(200);

    const del = await request(
      server.url,
      'DELETE',
      `/api/boards/${boardId}/invites/${made.inviteId}`,
      {
        token: leadToken,
      },
    );
    expect(del.status).toBe(204);

    const after = await request(server.url, 'GET', `/api/boards/${boardId}`, { token: made.token });
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('revoked_token');

    const list = await request(server.url, 'GET', `/api/boards/${boardId}/invites`, {
      token: leadToken,
    });
    const listed = list.body.invites.find(
      (i: { inviteId: string }) => i.inviteId === made.inviteId,
    );
    expect(listed.revokedAt).toEqual(expect.any(Number));

    const again = await request(
      server.url,
      'DELETE',
      `/api/boards/${boardId}/invites/${made.inviteId}`,
      {
        token: leadToken,
      },
    );
    expect(again.status).toBe(204);
  });

  it('answers 404 for an invite that is not on this board', async () => {
    const other = await request(server.url, 'POST', '/api/boards', { json: { title: 'Other' } });
    const otherLead = server.signer.verify(other.body.leadToken)!;
    for (const inviteId of ['nosuchinvite', otherLead.inviteId]) {
      const res = await request(
        server.url,
        'DELETE',
        `/api/boards/${boardId}/invites/${inviteId}`,
        {
          token: leadToken,
        },
      );
      expect(res.status).toBe(404);
      expect(errorCode(res)).toBe('invite_not_found');
    }
    expect((await server.storage.getInvite(otherLead.inviteId))?.revokedAt).toBeNull();
  });

  it('answers 409 to a lead revoking the invite they are using, and keeps it', async () => {
    const second = await invite('Second Lead', 'lead');
    const path = `/api/boards/${boardId}/invites/${second.inviteId}`;
    const res = await request(server.url, 'DELETE', path, { token: second.token });
    expect(res.status).toBe(409);
    expect(errorCode(res)).toBe('own_invite');
    expect((await server.storage.getInvite(second.inviteId))?.revokedAt).toBeNull();
    // Another lead may.
    expect((await request(server.url, 'DELETE', path, { token: leadToken })).status).toBe(204);
  });

  it('answers 400 for a malformed invite id', async () => {
    const res = await request(
      server.url,
      'DELETE',
      `/api/boards/${boardId}/invites/${'x'.repeat(101)}`,
      {
        token: leadToken,
      },
    );
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_input');
  });
});

describe('lead-only routes', () => {
  it.each<Role>(['editor', 'reviewer', 'viewer'])('refuse a %s with 403', async (role) => {
    const { token, inviteId } = await invite(`A ${role}`, role);
    const calls: [string, string, unknown?][] = [
      ['POST', `/api/boards/${boardId}/invites`, { name: 'Sneaky', role: 'lead' }],
      ['GET', `/api/boards/${boardId}/invites`],
      ['DELETE', `/api/boards/${boardId}/invites/${inviteId}`],
    ];
    for (const [method, path, json] of calls) {
      const res = await request(server.url, method, path, { token, json });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
    }
    expect((await server.storage.getInvite(inviteId))?.revokedAt).toBeNull();
    const invites = await server.storage.listInvites(boardId);
    expect(invites.some((i) => i.name === 'Sneaky')).toBe(false);
  });
});
