import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { newInvite } from '../../../server/http/boardActions';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { errorCode, request } from '../../helpers/http/request';
import { describeEvent, type HistoryEvent } from '../../../client/history/historyEvent';

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

  it('refuses a key it does not know with 400, and invites nobody', async () => {
    const before = (await server.storage.listInvites(boardId)).length;
    const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: leadToken,
      json: { name: 'Ola Typo', role: 'viewer', rights: 'lead' },
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_input');
    expect(res.body.error.message).toContain('"rights"');
    expect(await server.storage.listInvites(boardId)).toHaveLength(before);
  });

  it.each<[string, string]>([
    ['Rita\n# Reviewer', 'a line break'],
    ['Rita\r\nReviewer', 'CR LF'],
    ['Rita\u2028Reviewer', 'a line separator'],
    ['Rita\u2029Reviewer', 'a paragraph separator'],
    ['Rita\tReviewer', 'a tab'],
    ['Rita\u0000', 'NUL'],
    ['Rita\u001b[31m', 'an escape sequence'],
    ['Rita\u007f', 'DEL'],
    ['Rita\u0085Reviewer', 'C1 next line'],
    ['Rita\u009bReviewer', 'C1 CSI'],
    ['Bo \u202Eretide', 'a right-to-left override'],
    ['Bo \u2067Reviewer', 'a right-to-left isolate'],
  ])(
    'refuses a name with a line break or control character (%j, %s) with 400, inviting nobody',
    async (name) => {
      const before = (await server.storage.listInvites(boardId)).length;
      const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
        token: leadToken,
        json: { name, role: 'reviewer' },
      });
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('invalid_input');
      expect(res.body.error.message).toMatch(
        /^name: must not contain line breaks or other control characters/,
      );
      expect(await server.storage.listInvites(boardId)).toHaveLength(before);
    },
  );

  it('keeps a right-to-left name, which needs no direction controls to show', async () => {
    for (const name of ['محمد الأحمد', 'דנה לוי']) {
      const made = await invite(name, 'reviewer');
      expect((await server.storage.getInvite(made.inviteId))?.name).toBe(name);
    }
  });

  it('trims line breaks and spaces around a name as before, and keeps the name', async () => {
    const made = await invite('\n  Rita Reviewer \r\n', 'reviewer');
    expect((await server.storage.getInvite(made.inviteId))?.name).toBe('Rita Reviewer');
  });

  it('still opens the board for an invite stored with a line break before names refused one', async () => {
    const { invite: stored, token } = newInvite({ signer: server.signer }, boardId, {
      name: 'Old\nName',
      role: 'editor',
    });
    await server.storage.createInvite(stored);
    const me = await request(server.url, 'GET', `/api/boards/${boardId}`, { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Old\nName', role: 'editor' });
    const listed = await request(server.url, 'GET', `/api/boards/${boardId}/invites`, {
      token: leadToken,
    });
    expect(listed.body.invites).toContainEqual(
      expect.objectContaining({ inviteId: stored.id, name: 'Old\nName' }),
    );
    const members = await request(server.url, 'GET', `/api/boards/${boardId}/members`, { token });
    expect(members.status).toBe(200);
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
      revokedBy: null,
      expiresAt: null,
      expirySetBy: null,
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

describe('invites in the history', () => {
  type Event = { type: string; actor: { id: string; name: string }; data: unknown };
  const inviteEvents = async (board = boardId) => {
    const res = await request(server.url, 'GET', `/api/boards/${board}/history`, {
      token: leadToken,
    });
    expect(res.status).toBe(200);
    return (res.body.events as Event[]).filter((e) => e.type.startsWith('invite.'));
  };
  const revoke = (inviteId: string, token = leadToken) =>
    request(server.url, 'DELETE', `/api/boards/${boardId}/invites/${inviteId}`, { token });

  it('records who invited whom with what role, and who revoked whose access, once', async () => {
    const lead = server.signer.verify(leadToken)!;
    const before = (await inviteEvents()).length;
    const rita = await invite('Rita Reviewer', 'reviewer');
    const lou = await invite('Lou Lead', 'lead');
    expect(await revoke(rita.inviteId, lou.token)).toMatchObject({ status: 204 });
    expect(await revoke(rita.inviteId)).toMatchObject({ status: 204 });
    const events = (await inviteEvents()).slice(before);
    expect(events).toMatchObject([
      {
        type: 'invite.issued',
        cardId: null,
        actor: { id: lead.inviteId, name: lead.name },
        data: { inviteId: rita.inviteId, name: 'Rita Reviewer', role: 'reviewer' },
      },
      {
        type: 'invite.issued',
        actor: { id: lead.inviteId },
        data: { inviteId: lou.inviteId, name: 'Lou Lead', role: 'lead' },
      },
      // By the lead who revoked it; the second revocation recorded nothing.
      {
        type: 'invite.revoked',
        cardId: null,
        actor: { id: lou.inviteId, name: 'Lou Lead' },
        data: { inviteId: rita.inviteId, name: 'Rita Reviewer', role: 'reviewer' },
      },
    ]);
    // As the Activity feed words them.
    const words = events.map(
      (e) =>
        `${e.actor.name} ${describeEvent({ ...e, seq: 0, cardId: null, at: 0 } as HistoryEvent)}`,
    );
    expect(words).toEqual([
      `${lead.name} invited Rita Reviewer as a reviewer`,
      `${lead.name} invited Lou Lead as a lead`,
      'Lou Lead revoked Rita Reviewer’s access',
    ]);
  });

  it('records one revocation when two leads revoke an invite at once', async () => {
    const lou = await invite('Lou Second', 'lead');
    const vic = await invite('Vic Twice', 'viewer');
    const before = (await inviteEvents()).length;
    const answers = await Promise.all([revoke(vic.inviteId), revoke(vic.inviteId, lou.token)]);
    expect(answers.map((a) => a.status)).toEqual([204, 204]);
    const events = (await inviteEvents()).slice(before);
    expect(events.map((e) => e.type)).toEqual(['invite.revoked']);
  });

  it('records no invite for the lead a new board is made with, nor for a refused invite', async () => {
    const made = await request(server.url, 'POST', '/api/boards', {
      json: { title: 'Fresh', name: 'Fay' },
    });
    const history = await request(server.url, 'GET', `/api/boards/${made.body.id}/history`, {
      token: made.body.leadToken,
    });
    expect(history.body.events).toEqual([]);
    const before = (await inviteEvents()).length;
    const refused = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: leadToken,
      json: { name: 'X', role: 'admin' },
    });
    expect(refused.status).toBe(400);
    expect(await inviteEvents()).toHaveLength(before);
  });
});

describe('PATCH /api/boards/:id/invites/:inviteId', () => {
  const patch = (inviteId: string, json: unknown, token = leadToken, board = boardId) =>
    request(server.url, 'PATCH', `/api/boards/${board}/invites/${inviteId}`, { token, json });
  const roleEvents = async () => {
    const res = await request(server.url, 'GET', `/api/boards/${boardId}/history`, {
      token: leadToken,
    });
    return (res.body.events as { type: string; data: unknown }[]).filter(
      (e) => e.type === 'role.changed',
    );
  };

  it('changes the role in place: the same token now acts with it, and the history says who did what', async () => {
    const made = await invite('Bo Editor', 'editor');
    const lead = server.signer.verify(leadToken)!;
    const before = (await roleEvents()).length;
    const res = await patch(made.inviteId, { role: 'reviewer' });
    expect(res.status).toBe(200);
    expect(res.body.invite).toMatchObject({
      inviteId: made.inviteId,
      name: 'Bo Editor',
      role: 'reviewer',
      revokedAt: null,
    });
    const me = await request(server.url, 'GET', `/api/boards/${boardId}`, { token: made.token });
    expect(me.body).toMatchObject({ role: 'reviewer', inviteId: made.inviteId });
    // The token's own claim still says editor: the stored invite is what counts.
    expect(server.signer.verify(made.token)?.role).toBe('editor');
    const article = await request(server.url, 'POST', `/api/boards/${boardId}/articles`, {
      token: made.token,
      json: { text: 'The mayor said the bridge cost 2 billion dollars in 2020.' },
    });
    expect(article.status).toBe(403);
    const events = await roleEvents();
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      cardId: null,
      actor: { id: lead.inviteId, name: lead.name },
      data: { inviteId: made.inviteId, name: 'Bo Editor', from: 'editor', to: 'reviewer' },
    });
    const listed = await request(server.url, 'GET', `/api/boards/${boardId}/invites`, {
      token: leadToken,
    });
    expect(listed.body.invites).toContainEqual(res.body.invite);
    // The JSON export carries the board's history as stored, this entry with it.
    const exported = await request(server.url, 'GET', `/api/boards/${boardId}/export?format=json`, {
      token: leadToken,
    });
    const history = exported.body.history as { type: string; data: unknown }[];
    expect(history.filter((e) => e.type === 'role.changed').at(-1)?.data).toEqual(
      events.at(-1)?.data,
    );
  });

  it('answers 409 role_conflict to a change picked over a role another lead changed since (QA)', async () => {
    const made = await invite('Pia Picked', 'editor');
    // Lead B makes her a viewer; lead A's pick of reviewer was made while she was an editor.
    expect((await patch(made.inviteId, { role: 'viewer', from: 'editor' })).status).toBe(200);
    const before = (await roleEvents()).length;
    const stale = await patch(made.inviteId, { role: 'reviewer', from: 'editor' });
    expect(stale.status).toBe(409);
    expect(errorCode(stale)).toBe('role_conflict');
    expect((await server.storage.getInvite(made.inviteId))?.role).toBe('viewer');
    expect(await roleEvents()).toHaveLength(before);
    // Picked again over the role as it is now: applied.
    expect((await patch(made.inviteId, { role: 'reviewer', from: 'viewer' })).status).toBe(200);
    expect((await server.storage.getInvite(made.inviteId))?.role).toBe('reviewer');
  });

  it('answers 200 to the same role again, recording nothing', async () => {
    const made = await invite('Sam Same', 'viewer');
    const before = (await roleEvents()).length;
    const res = await patch(made.inviteId, { role: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body.invite).toMatchObject({ inviteId: made.inviteId, role: 'viewer' });
    expect(await roleEvents()).toHaveLength(before);
  });

  it.each<[unknown, string]>([
    [{ role: 'admin' }, 'unknown role'],
    [{}, 'missing role'],
    [{ role: null }, 'null role'],
    [['viewer'], 'not an object'],
  ])('refuses %j (%s) with 400', async (json) => {
    const made = await invite('Val Valid', 'viewer');
    const res = await patch(made.inviteId, json);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_input');
    expect((await server.storage.getInvite(made.inviteId))?.role).toBe('viewer');
  });

  it.each<[unknown, string]>([
    [{ rol: 'viewer' }, 'rol'],
    [{ role: 'viewer', rol: 'viewer' }, 'rol'],
    [{ role: 'viewer', inviteId: 'someone-else' }, 'inviteId'],
  ])('refuses %j with 400 naming the unknown key, and changes nothing', async (json, key) => {
    const made = await invite('Kit Keys', 'editor');
    const before = (await roleEvents()).length;
    const res = await patch(made.inviteId, json);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_input');
    expect(res.body.error.message).toContain(`"${key}"`);
    expect((await server.storage.getInvite(made.inviteId))?.role).toBe('editor');
    expect(await roleEvents()).toHaveLength(before);
  });

  it('answers 404 for an unknown invite or another board’s, 400 for a malformed id', async () => {
    const other = await request(server.url, 'POST', '/api/boards', { json: { title: 'Other' } });
    const otherLead = server.signer.verify(other.body.leadToken)!;
    for (const inviteId of ['nosuchinvite', otherLead.inviteId]) {
      const res = await patch(inviteId, { role: 'viewer' });
      expect(res.status).toBe(404);
      expect(errorCode(res)).toBe('invite_not_found');
    }
    expect((await server.storage.getInvite(otherLead.inviteId))?.role).toBe('lead');
    const bad = await patch('x'.repeat(101), { role: 'viewer' });
    expect(bad.status).toBe(400);
  });

  it('answers 409 invite_revoked for a revoked invite', async () => {
    const made = await invite('Rex Revoked', 'editor');
    await request(server.url, 'DELETE', `/api/boards/${boardId}/invites/${made.inviteId}`, {
      token: leadToken,
    });
    const res = await patch(made.inviteId, { role: 'lead' });
    expect(res.status).toBe(409);
    expect(errorCode(res)).toBe('invite_revoked');
    expect((await server.storage.getInvite(made.inviteId))?.role).toBe('editor');
  });

  it('answers 409 last_lead to the only lead stepping down; with a second lead it is allowed', async () => {
    const created = await request(server.url, 'POST', '/api/boards', { json: { title: 'Solo' } });
    const solo: string = created.body.id;
    const soloLead = created.body.leadToken as string;
    const soloLeadId = server.signer.verify(soloLead)!.inviteId;
    const refused = await patch(soloLeadId, { role: 'editor' }, soloLead, solo);
    expect(refused.status).toBe(409);
    expect(errorCode(refused)).toBe('last_lead');
    expect((await server.storage.getInvite(soloLeadId))?.role).toBe('lead');

    const second = await request(server.url, 'POST', `/api/boards/${solo}/invites`, {
      token: soloLead,
      json: { name: 'Co Lead', role: 'lead' },
    });
    const stepDown = await patch(soloLeadId, { role: 'editor' }, soloLead, solo);
    expect(stepDown.status).toBe(200);
    // Now an editor, the first lead may no longer change roles; the second lead is the last.
    expect((await patch(second.body.inviteId, { role: 'viewer' }, soloLead, solo)).status).toBe(
      403,
    );
    const last = await patch(second.body.inviteId, { role: 'viewer' }, second.body.token, solo);
    expect(errorCode(last)).toBe('last_lead');
  });
});

describe('lead-only routes', () => {
  it.each<Role>(['editor', 'reviewer', 'viewer'])('refuse a %s with 403', async (role) => {
    const { token, inviteId } = await invite(`A ${role}`, role);
    const calls: [string, string, unknown?][] = [
      ['POST', `/api/boards/${boardId}/invites`, { name: 'Sneaky', role: 'lead' }],
      ['GET', `/api/boards/${boardId}/invites`],
      ['DELETE', `/api/boards/${boardId}/invites/${inviteId}`],
      ['PATCH', `/api/boards/${boardId}/invites/${inviteId}`, { role: 'lead' }],
    ];
    for (const [method, path, json] of calls) {
      const res = await request(server.url, method, path, { token, json });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
    }
    expect(await server.storage.getInvite(inviteId)).toMatchObject({ revokedAt: null, role });
    const invites = await server.storage.listInvites(boardId);
    expect(invites.some((i) => i.name === 'Sneaky')).toBe(false);
  });
});
