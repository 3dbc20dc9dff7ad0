/**
 * Message 101 (invites changed): once an invite is made, revoked, joined for the first time or
 * given another role, every open socket of its board hears it, so that pages read the invites
 * again as it happens. Real server and SQLite, raw y-protocols clients, changes through REST.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { MESSAGE } from '../../../shared/protocol/messages';
import type { Role } from '../../../shared/roles';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { connectRaw, type RawClient } from '../../helpers/rawClient';
import { waitFor } from '../../helpers/waitFor';

let server: TestServer;
const open: RawClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});
afterAll(() => server.stop());

const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;

async function createBoard(title: string) {
  const res = await request(server.url, 'POST', '/api/boards', { json: { title } });
  return res.body as { id: string; leadToken: string };
}

async function invite(board: { id: string; leadToken: string }, name: string, role: Role) {
  const res = await request(server.url, 'POST', `/api/boards/${board.id}/invites`, {
    token: board.leadToken,
    json: { name, role },
  });
  expect(res.status).toBe(201);
  return res.body as { inviteId: string; token: string };
}

async function raw(boardId: string, token: string): Promise<RawClient> {
  const client = connectRaw(syncUrl(), boardId, token);
  open.push(client);
  await client.sync();
  return client;
}

/** How many 101 messages the client has received. */
const told = (client: RawClient) =>
  client.received.filter((m) => m.length === 1 && m[0] === MESSAGE.invitesChanged).length;

it('tells every open socket of the board, whatever its role, and nobody on another board', async () => {
  const board = await createBoard('Told');
  const other = await createBoard('Elsewhere');
  const viewer = await invite(board, 'Vi', 'viewer');
  const lead = await raw(board.id, board.leadToken);
  const vi = await raw(board.id, viewer.token);
  const stranger = await raw(other.id, other.leadToken);
  // First joins are news (the list says who has joined): the lead's own, then Vi's.
  await waitFor(() => told(lead) === 2 && told(vi) === 1, { what: 'the first joins told' });
  await waitFor(() => told(stranger) === 1, { what: 'the other board’s lead’s join told' });
  const base = { lead: told(lead), vi: told(vi) };
  const expectTold = async (n: number, what: string) => {
    await waitFor(() => told(lead) === base.lead + n && told(vi) === base.vi + n, { what });
  };

  const bo = await invite(board, 'Bo', 'editor');
  await expectTold(1, 'a new invite told');

  const patched = await request(
    server.url,
    'PATCH',
    `/api/boards/${board.id}/invites/${bo.inviteId}`,
    { token: board.leadToken, json: { role: 'reviewer' } },
  );
  expect(patched.status).toBe(200);
  await expectTold(2, 'a role change told');

  const revoked = await request(
    server.url,
    'DELETE',
    `/api/boards/${board.id}/invites/${bo.inviteId}`,
    { token: board.leadToken },
  );
  expect(revoked.status).toBe(204);
  await expectTold(3, 'a revocation told');

  const cy = await invite(board, 'Cy', 'reviewer');
  await expectTold(4, 'a second invite told');
  await raw(board.id, cy.token);
  await expectTold(5, 'a first join told');
  expect(told(stranger)).toBe(1);
});

it('tells nothing for what changes no invite: the same role again, a second join', async () => {
  const board = await createBoard('Quiet');
  const bo = await invite(board, 'Bo', 'editor');
  const lead = await raw(board.id, board.leadToken);
  await raw(board.id, bo.token);
  await waitFor(() => told(lead) === 2, { what: 'the first joins told' });
  const before = told(lead);
  const same = await request(
    server.url,
    'PATCH',
    `/api/boards/${board.id}/invites/${bo.inviteId}`,
    { token: board.leadToken, json: { role: 'editor' } },
  );
  expect(same.status).toBe(200);
  await raw(board.id, bo.token);
  // Something that is told, after both: once it arrives, nothing came before it.
  await invite(board, 'Cy', 'viewer');
  await waitFor(() => told(lead) > before, { what: 'the new invite told' });
  expect(told(lead)).toBe(before + 1);
});
