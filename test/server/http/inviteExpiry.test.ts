/**
 * Invites that expire: set when made (expiresInDays, expiresAt), listed, extended or ended by a
 * lead (PATCH), refused once passed over REST (401 invite_expired) and at the upgrade (4401
 * "invite expired"), and the invite's open sockets closed as it passes. The real server on a
 * real SQLite file, real sockets; expiries of a second or two, the real clock (startServer has
 * no injectable one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEvent, type HistoryEvent } from '../../../client/history/historyEvent';
import { formatDay } from '../../../client/review/formatTime';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { connectRaw } from '../../helpers/rawClient';

const DAY = 24 * 60 * 60 * 1000;

let server: TestServer;
let boardId: string;
let leadToken: string;
let syncUrl: string;

const invites = (path = '', method = 'POST', json?: unknown) =>
  request(server.url, method, `/api/boards/${boardId}/invites${path}`, { token: leadToken, json });

async function invite(name: string, expiry: Record<string, unknown> = {}) {
  const res = await invites('', 'POST', { name, role: 'editor', ...expiry });
  expect(res.status).toBe(201);
  return res.body as { inviteId: string; token: string };
}

const listed = async (inviteId: string) =>
  (await invites('', 'GET')).body.invites.find(
    (i: { inviteId: string }) => i.inviteId === inviteId,
  );

const me = (token: string) => request(server.url, 'GET', `/api/boards/${boardId}`, { token });

beforeAll(async () => {
  server = await startTestServer();
  const res = await request(server.url, 'POST', '/api/boards', {
    json: { title: 'Expiring', name: 'Lea Lead' },
  });
  ({ id: boardId, leadToken } = res.body);
  syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
});
afterAll(() => server.stop());

describe('an invite with an expiry', () => {
  it('is listed with its expiry and the lead who set it; none is never', async () => {
    const before = Date.now();
    const week = await invite('Wes Week', { expiresInDays: 7 });
    const entry = await listed(week.inviteId);
    expect(entry.expiresAt).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(entry.expiresAt).toBeLessThanOrEqual(Date.now() + 7 * DAY);
    expect(entry.expirySetBy).toMatchObject({ name: 'Lea Lead' });
    const never = await invite('Nev Never');
    expect(await listed(never.inviteId)).toMatchObject({ expiresAt: null, expirySetBy: null });
    // The token carries none: the stored invite's expiry is the one that counts.
    expect(server.signer.verify(week.token)?.exp).toBeNull();
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [{ expiresInDays: 0 }, /expiresInDays: must be at least 1 day/],
    [{ expiresInDays: 366 }, /expiresInDays: must be at most 365 days/],
    [{ expiresInDays: 1.5 }, /expiresInDays: must be a whole number/],
    [{ expiresInDays: '7' }, /expiresInDays/],
    [{ expiresAt: 1_000 }, /expiresAt: must be in the future/],
    [{ expiresAt: Date.now() + 400 * DAY }, /expiresAt: must be at most 365 days ahead/],
    [{ expiresAt: Date.now() + DAY, expiresInDays: 1 }, /not both/],
  ])('refuses %j with 400 invalid_input, inviting nobody', async (expiry, message) => {
    const before = (await server.storage.listInvites(boardId)).length;
    const res = await invites('', 'POST', { name: 'Bad Expiry', role: 'viewer', ...expiry });
    expect([res.status, errorCode(res)]).toEqual([400, 'invalid_input']);
    expect(res.body.error.message).toMatch(message);
    expect(await server.storage.listInvites(boardId)).toHaveLength(before);
  });

  it('refuses a token whose invite expired: 401 invite_expired, 4401 "invite expired"', async () => {
    const soon = await invite('Sue Soon', { expiresAt: Date.now() + 1_500 });
    expect((await me(soon.token)).status).toBe(200);
    const socket = connectRaw(syncUrl, boardId, soon.token);
    await socket.sync();
    // Closed as it expires, by the server's timer, not by a later call.
    expect(await socket.closed).toEqual({ code: CLOSE.unauthorized, reason: 'invite expired' });
    expect(Date.now()).toBeGreaterThanOrEqual((await listed(soon.inviteId)).expiresAt);
    const res = await me(soon.token);
    expect([res.status, errorCode(res)]).toEqual([401, 'invite_expired']);
    expect(await connectRaw(syncUrl, boardId, soon.token).closed).toEqual({
      code: CLOSE.unauthorized,
      reason: 'invite expired',
    });
    // Its holder may still learn when it expired and which lead to ask.
    const told = await request(server.url, 'GET', `/api/boards/${boardId}/revocation`, {
      token: soon.token,
    });
    expect(told.body).toMatchObject({
      revokedAt: null,
      expiresAt: (await listed(soon.inviteId)).expiresAt,
      expirySetBy: { name: 'Lea Lead' },
    });
  });

  it('leaves an expired invite out of the members list, and an extended one in', async () => {
    const soon = await invite('Mel Member', { expiresAt: Date.now() + 1_000 });
    const names = async () =>
      (
        await request(server.url, 'GET', `/api/boards/${boardId}/members`, { token: leadToken })
      ).body.members.map((m: { name: string }) => m.name);
    expect(await names()).toContain('Mel Member');
    await expect.poll(names, { timeout: 10_000, interval: 200 }).not.toContain('Mel Member');
    await invites(`/${soon.inviteId}`, 'PATCH', { expiresInDays: 1 });
    expect(await names()).toContain('Mel Member');
  });

  it('opens the board again once a lead extends it, with the same link', async () => {
    const soon = await invite('Ext Ended', { expiresAt: Date.now() + 1_000 });
    await expect
      .poll(async () => errorCode(await me(soon.token)), { timeout: 10_000, interval: 200 })
      .toBe('invite_expired');
    const extended = await invites(`/${soon.inviteId}`, 'PATCH', { expiresInDays: 7 });
    expect(extended.status).toBe(200);
    expect(extended.body.invite.expiresAt).toBeGreaterThan(Date.now() + 6 * DAY);
    expect((await me(soon.token)).status).toBe(200);
    const socket = connectRaw(syncUrl, boardId, soon.token);
    await socket.sync();
    socket.close();
  });

  it('keeps an open socket past its old expiry when a lead ends the expiry', async () => {
    const soon = await invite('Kip Kept', { expiresAt: Date.now() + 1_500 });
    const socket = connectRaw(syncUrl, boardId, soon.token);
    await socket.sync();
    const ended = await invites(`/${soon.inviteId}`, 'PATCH', { expiresAt: null });
    expect(ended.body.invite).toMatchObject({ expiresAt: null, expirySetBy: { name: 'Lea Lead' } });
    // Past the old expiry, then shortened to now: only this closes it.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await socket.sync(); // still open
    await invites(`/${soon.inviteId}`, 'PATCH', { expiresAt: Date.now() + 300 });
    expect(await socket.closed).toEqual({ code: CLOSE.unauthorized, reason: 'invite expired' });
  });

  it("keeps the board a lead whose invite lasts: not the lead's own, not the last such lead", async () => {
    const leadId = server.signer.verify(leadToken)!.inviteId;
    const own = await invites(`/${leadId}`, 'PATCH', { expiresInDays: 7 });
    expect([own.status, errorCode(own)]).toEqual([409, 'own_invite']);
    const other = await invites('', 'POST', { name: 'Lou Lead', role: 'lead' });
    const lou = other.body.inviteId as string;
    const louToken = other.body.token as string;
    const byLou = await request(server.url, 'PATCH', `/api/boards/${boardId}/invites/${leadId}`, {
      token: louToken,
      json: { expiresInDays: 7 },
    });
    expect(byLou.status).toBe(200);
    const last = await invites(`/${lou}`, 'PATCH', { expiresInDays: 7 });
    expect([last.status, errorCode(last)]).toEqual([409, 'last_lead']);
    // Ended again, so that the board's own lead lasts for the other tests.
    await request(server.url, 'PATCH', `/api/boards/${boardId}/invites/${leadId}`, {
      token: louToken,
      json: { expiresAt: null },
    });
  });

  it("keeps the board a lead whose invite lasts when a role changes: not the last such lead's", async () => {
    const leadId = server.signer.verify(leadToken)!.inviteId;
    // Lea and Lin the board's only leads: earlier cases' go.
    for (const i of await server.storage.listInvites(boardId)) {
      if (i.role === 'lead' && i.id !== leadId) await invites(`/${i.id}`, 'DELETE');
    }
    const other = await invites('', 'POST', { name: 'Lin Lead', role: 'lead' });
    const lin = other.body.inviteId as string;
    const asLin = (path: string, json: unknown) =>
      request(server.url, 'PATCH', `/api/boards/${boardId}/invites/${path}`, {
        token: other.body.token as string,
        json,
      });
    expect((await asLin(leadId, { expiresInDays: 7 })).status).toBe(200);
    // Lea's own invite now expires: Lin is the board's only lead whose invite lasts.
    const demoted = await invites(`/${lin}`, 'PATCH', { role: 'editor', from: 'lead' });
    expect([demoted.status, errorCode(demoted)]).toEqual([409, 'last_lead']);
    expect(await listed(lin)).toMatchObject({ role: 'lead' });
    await asLin(leadId, { expiresAt: null });
    expect((await invites(`/${lin}`, 'PATCH', { role: 'editor', from: 'lead' })).status).toBe(200);
  });

  it("keeps the board a lead whose invite lasts when a lead is revoked: not the last such lead's", async () => {
    const leadId = server.signer.verify(leadToken)!.inviteId;
    const other = await invites('', 'POST', { name: 'Rex Revoked', role: 'lead' });
    const rex = other.body.inviteId as string;
    const asRex = (json: unknown) =>
      request(server.url, 'PATCH', `/api/boards/${boardId}/invites/${leadId}`, {
        token: other.body.token as string,
        json,
      });
    expect((await asRex({ expiresInDays: 7 })).status).toBe(200);
    // Lea's own invite now expires: Rex is the only lead whose invite lasts.
    const history = async () =>
      (
        await request(server.url, 'GET', `/api/boards/${boardId}/history`, { token: leadToken })
      ).body.events.filter((e: HistoryEvent) => e.type === 'invite.revoked').length;
    const revocations = await history();
    const refused = await invites(`/${rex}`, 'DELETE');
    expect([refused.status, errorCode(refused)]).toEqual([409, 'last_lead']);
    expect(refused.body.error.message).toMatch(/make someone else a lead, without an expiry/);
    expect(await listed(rex)).toMatchObject({ revokedAt: null, role: 'lead' });
    expect(await history()).toBe(revocations);
    // With Lea's invite lasting again, Rex may go.
    expect((await asRex({ expiresAt: null })).status).toBe(200);
    expect((await invites(`/${rex}`, 'DELETE')).status).toBe(204);
    expect(await history()).toBe(revocations + 1);
  });

  it('records the expiry an invite is made with in its invite.issued entry, as Activity words it', async () => {
    const at = Date.now() + 3 * DAY;
    const made = await invite('Bo Brief', { expiresAt: at });
    const res = await request(server.url, 'GET', `/api/boards/${boardId}/history`, {
      token: leadToken,
    });
    const events = (res.body.events as HistoryEvent[]).filter(
      (e) => e.data.inviteId === made.inviteId,
    );
    expect(events).toMatchObject([
      {
        type: 'invite.issued',
        actor: { name: 'Lea Lead' },
        data: { inviteId: made.inviteId, name: 'Bo Brief', role: 'editor', expiresAt: at },
      },
    ]);
    expect(describeEvent(events[0]!)).toBe(`invited Bo Brief as an editor until ${formatDay(at)}`);
    // One made without an expiry says none.
    const never = await invite('Nev Nolimit');
    const issued = (
      await request(server.url, 'GET', `/api/boards/${boardId}/history`, { token: leadToken })
    ).body.events.find((e: HistoryEvent) => e.data.inviteId === never.inviteId);
    expect(issued.data).not.toHaveProperty('expiresAt');
    expect(describeEvent(issued)).toBe('invited Nev Nolimit as an editor');
  });

  it('records each expiry set, extended or ended in the history, as Activity words it', async () => {
    const made = await invite('Hal History');
    const at = Date.now() + 2 * DAY;
    const later = at + 5 * DAY;
    for (const json of [{ expiresAt: at }, { expiresAt: later }, { expiresAt: null }]) {
      expect((await invites(`/${made.inviteId}`, 'PATCH', json)).status).toBe(200);
    }
    const res = await request(server.url, 'GET', `/api/boards/${boardId}/history`, {
      token: leadToken,
    });
    const events = (res.body.events as HistoryEvent[]).filter(
      (e) => e.type === 'invite.expiry' && e.data.inviteId === made.inviteId,
    );
    const whose = { inviteId: made.inviteId, name: 'Hal History', role: 'editor' };
    expect(events).toMatchObject([
      { cardId: null, actor: { name: 'Lea Lead' }, data: { ...whose, from: null, to: at } },
      { data: { ...whose, from: at, to: later } },
      { data: { ...whose, from: later, to: null } },
    ]);
    expect(events.map(describeEvent)).toEqual([
      `set Hal History’s invite to expire on ${formatDay(at)}`,
      `extended Hal History’s invite to ${formatDay(later)}`,
      'ended the expiry of Hal History’s invite: it lasts until revoked',
    ]);
  });

  it('refuses a PATCH with a role and an expiry, or with neither, and a revoked invite', async () => {
    const made = await invite('Pat Patch');
    for (const json of [
      { role: 'viewer', expiresInDays: 1 },
      {},
      { expiresInDays: 1, from: 'editor' },
      { from: 'editor' },
    ]) {
      const res = await invites(`/${made.inviteId}`, 'PATCH', json);
      expect([res.status, errorCode(res)]).toEqual([400, 'invalid_input']);
    }
    // `from` goes with a role only: with an expiry it was taken and ignored.
    expect(await listed(made.inviteId)).toMatchObject({ expiresAt: null });
    expect((await invites(`/${made.inviteId}`, 'DELETE')).status).toBe(204);
    const res = await invites(`/${made.inviteId}`, 'PATCH', { expiresInDays: 1 });
    expect([res.status, errorCode(res)]).toEqual([409, 'invite_revoked']);
  });
});

/**
 * "Never expires" ({expiresAt: null}) and Extend ({expiresInDays: 7}) asked by someone who may
 * not, or of an invite that is not there, or with a body that says neither: each refusal has its
 * status and code, and the invite's expiry and the history stay as they were.
 */
describe('who may not end or extend an expiry', () => {
  const NEVER = { expiresAt: null };
  const EXTEND = { expiresInDays: 7 };
  const patchAs = (token: string | undefined, inviteId: string, init: Record<string, unknown>) =>
    request(server.url, 'PATCH', `/api/boards/${boardId}/invites/${inviteId}`, { token, ...init });
  const expiryEvents = async () =>
    (
      await request(server.url, 'GET', `/api/boards/${boardId}/history`, { token: leadToken })
    ).body.events.filter((e: HistoryEvent) => e.type === 'invite.expiry').length;

  /** Asserts the refusal, and that the invite's expiry and the history did not change. */
  async function refusedWith(
    expected: [number, string],
    inviteId: string,
    call: () => ReturnType<typeof request>,
  ) {
    const before = await server.storage.getInvite(inviteId);
    const events = await expiryEvents();
    const res = await call();
    expect([res.status, errorCode(res)]).toEqual(expected);
    expect((await server.storage.getInvite(inviteId))?.expiresAt).toBe(before?.expiresAt);
    expect(await expiryEvents()).toBe(events);
  }

  it.each(['editor', 'reviewer', 'viewer'])('refuses a %s with 403 forbidden', async (role) => {
    const target = await invite(`Tia Target ${role}`, { expiresInDays: 3 });
    const made = await invites('', 'POST', { name: `Nel ${role}`, role });
    for (const json of [NEVER, EXTEND]) {
      await refusedWith([403, 'forbidden'], target.inviteId, () =>
        patchAs(made.body.token, target.inviteId, { json }),
      );
      // Their own invite neither.
      await refusedWith([403, 'forbidden'], made.body.inviteId, () =>
        patchAs(made.body.token, made.body.inviteId, { json }),
      );
    }
  });

  it('refuses a request without a token, or with a revoked or expired lead’s, with 401', async () => {
    const target = await invite('Tom Target', { expiresInDays: 3 });
    const gone = await invites('', 'POST', { name: 'Rod Revoked', role: 'lead' });
    expect((await invites(`/${gone.body.inviteId}`, 'DELETE')).status).toBe(204);
    const passing = await invites('', 'POST', {
      name: 'Pam Passing',
      role: 'lead',
      expiresAt: Date.now() + 1_000,
    });
    await expect
      .poll(async () => errorCode(await me(passing.body.token)), { timeout: 10_000, interval: 200 })
      .toBe('invite_expired');
    for (const json of [NEVER, EXTEND]) {
      await refusedWith([401, 'missing_token'], target.inviteId, () =>
        patchAs(undefined, target.inviteId, { json }),
      );
      await refusedWith([401, 'revoked_token'], target.inviteId, () =>
        patchAs(gone.body.token, target.inviteId, { json }),
      );
      await refusedWith([401, 'invite_expired'], target.inviteId, () =>
        patchAs(passing.body.token, target.inviteId, { json }),
      );
      // An expired lead may not bring their own invite back either: another lead must.
      await refusedWith([401, 'invite_expired'], passing.body.inviteId, () =>
        patchAs(passing.body.token, passing.body.inviteId, { json }),
      );
    }
  });

  it('refuses a lead an expiry on their own invite (409 own_invite), not its end', async () => {
    const other = await invites('', 'POST', { name: 'Ola Own', role: 'lead' });
    const ola = other.body.inviteId as string;
    for (const json of [EXTEND, { expiresAt: Date.now() + DAY }]) {
      await refusedWith([409, 'own_invite'], ola, () => patchAs(other.body.token, ola, { json }));
    }
    // Given one by another lead, Ola may end it (Never expires on her own row), not extend it.
    expect((await invites(`/${ola}`, 'PATCH', { expiresInDays: 2 })).status).toBe(200);
    await refusedWith([409, 'own_invite'], ola, () =>
      patchAs(other.body.token, ola, { json: EXTEND }),
    );
    const ended = await patchAs(other.body.token, ola, { json: NEVER });
    expect(ended.status).toBe(200);
    expect(ended.body.invite).toMatchObject({ expiresAt: null, expirySetBy: { name: 'Ola Own' } });
    expect((await invites(`/${ola}`, 'DELETE')).status).toBe(204);
  });

  it('ends the expiry of an invite that already expired: the same link opens the board again', async () => {
    const passed = await invite('Eve Expired', { expiresAt: Date.now() + 1_000 });
    await expect
      .poll(async () => errorCode(await me(passed.token)), { timeout: 10_000, interval: 200 })
      .toBe('invite_expired');
    const ended = await invites(`/${passed.inviteId}`, 'PATCH', NEVER);
    expect(ended.body.invite).toMatchObject({ expiresAt: null });
    expect((await me(passed.token)).status).toBe(200);
  });

  it('answers 404 invite_not_found for an unknown invite or another board’s, 400 for a bad id', async () => {
    const other = await request(server.url, 'POST', '/api/boards', {
      json: { title: 'Elsewhere' },
    });
    const otherLead = server.signer.verify(other.body.leadToken)!.inviteId;
    const theirs = await request(server.url, 'POST', `/api/boards/${other.body.id}/invites`, {
      token: other.body.leadToken,
      json: { name: 'Oz Other', role: 'editor', expiresInDays: 3 },
    });
    for (const json of [NEVER, EXTEND]) {
      for (const inviteId of ['nosuchinvite', otherLead, theirs.body.inviteId as string]) {
        await refusedWith([404, 'invite_not_found'], inviteId, () =>
          patchAs(leadToken, inviteId, { json }),
        );
      }
      for (const inviteId of ['x'.repeat(101), 'a%20b', 'a.b']) {
        const res = await patchAs(leadToken, inviteId, { json });
        expect([res.status, errorCode(res)], inviteId).toEqual([400, 'invalid_input']);
      }
    }
  });

  it.each<[string, Record<string, unknown>, [number, string]]>([
    ['no body', {}, [400, 'invalid_input']],
    [
      'malformed JSON',
      { raw: '{"expiresAt": nul', contentType: 'application/json' },
      [400, 'invalid_json'],
    ],
    [
      'text, not JSON',
      { raw: 'expiresAt=null', contentType: 'text/plain' },
      [415, 'unsupported_media_type'],
    ],
    ['a JSON array', { json: [NEVER] }, [400, 'invalid_input']],
    [
      'a JSON null (express reads objects and arrays only)',
      { raw: 'null', contentType: 'application/json' },
      [400, 'invalid_json'],
    ],
    ['an empty object', { json: {} }, [400, 'invalid_input']],
    ['"never" for null', { json: { expiresAt: 'never' } }, [400, 'invalid_input']],
    ['a string of days', { json: { expiresInDays: '7' } }, [400, 'invalid_input']],
    ['null days', { json: { expiresInDays: null } }, [400, 'invalid_input']],
    ['a fraction of a ms', { json: { expiresAt: Date.now() + DAY + 0.5 } }, [400, 'invalid_input']],
    [
      'both: never and 7 days',
      { json: { expiresAt: null, expiresInDays: 7 } },
      [400, 'invalid_input'],
    ],
    ['a key it does not know', { json: { expiresAt: null, never: true } }, [400, 'invalid_input']],
  ])('refuses %s with its status and code, changing nothing', async (_what, init, expected) => {
    const target = await invite('Bea Body', { expiresInDays: 3 });
    await refusedWith(expected, target.inviteId, () => patchAs(leadToken, target.inviteId, init));
  });
});
