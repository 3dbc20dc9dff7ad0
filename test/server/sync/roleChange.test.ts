/**
 * A lead changes a member's role in place (PATCH …/invites/:inviteId): the change reaches open
 * connections at once. The server closes the invite's sockets with 4205 (role changed); the
 * same token reconnects and gets the stored role. Real server, real SQLite, a raw y-protocols
 * client and an unmodified y-websocket provider.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, addComment, readBoard } from '../../../shared/board';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import type { Role } from '../../../shared/roles';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { connectRaw, type RawClient, updateFrom } from '../../helpers/rawClient';
import { waitFor } from '../../helpers/waitFor';

let server: TestServer;
let boardId: string;
let leadToken: string;
const open: { close(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const res = await request(server.url, 'POST', '/api/boards', { json: { title: 'Roles' } });
  ({ id: boardId, leadToken } = res.body);
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});
afterAll(() => server.stop());

const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;

async function invite(name: string, role: Role) {
  const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
    token: leadToken,
    json: { name, role },
  });
  expect(res.status).toBe(201);
  const { inviteId, token } = res.body as { inviteId: string; token: string };
  return { inviteId, token, ctx: { actor: { id: inviteId, name } } };
}

async function changeRole(inviteId: string, role: Role) {
  const res = await request(server.url, 'PATCH', `/api/boards/${boardId}/invites/${inviteId}`, {
    token: leadToken,
    json: { role },
  });
  expect(res.status, errorCode(res)).toBe(200);
}

async function raw(token: string): Promise<RawClient> {
  const client = connectRaw(syncUrl(), boardId, token);
  open.push(client);
  await client.sync();
  return client;
}

function provider(token: string): TestClient {
  const client = connectProvider(syncUrl(), boardId, token);
  open.push({ close: () => client.destroy() });
  return client;
}

const claims = async () => Object.values((await server.board(boardId)).cards).map((c) => c.claim);

it('an editor demoted to reviewer: its socket closes with 4205, and from then on card writes are refused while comments pass', async () => {
  const bo = await invite('Bo', 'editor');
  const before = await raw(bo.token);
  before.sendUpdate(
    updateFrom(before, (doc) => addClaim(doc, { claim: 'Written as editor' }, bo.ctx)),
  );
  await waitFor(() => before.saved.length > 0, { what: 'the editor’s write stored' });
  expect(await claims()).toContain('Written as editor');

  await changeRole(bo.inviteId, 'reviewer');
  // A write already on its way on the old socket is not taken: that socket is closed.
  if (before.ws.readyState === before.ws.OPEN) {
    before.sendUpdate(updateFrom(before, (doc) => addClaim(doc, { claim: 'Late write' }, bo.ctx)));
  }
  expect(await before.closedWithin()).toEqual({ code: CLOSE.roleChanged, reason: 'role changed' });

  // The same token reconnects, now as a reviewer.
  const after = await raw(bo.token);
  const cardId = Object.keys(readBoard(after.mirror).cards)[0] as string;
  after.sendUpdate(
    updateFrom(after, (doc) => addComment(doc, cardId, { text: 'As reviewer' }, bo.ctx)),
  );
  await waitFor(() => after.saved.length > 0, { what: 'the reviewer’s comment stored' });
  const stateBefore = await server.syncServer.read(boardId, (doc) => Y.encodeStateVector(doc));
  after.sendUpdate(
    updateFrom(after, (doc) => addClaim(doc, { claim: 'Written as reviewer' }, bo.ctx)),
  );
  expect((await after.closedWithin()).code).toBe(CLOSE.forbidden);
  expect(await server.syncServer.read(boardId, (doc) => Y.encodeStateVector(doc))).toEqual(
    stateBefore,
  );
  expect(await claims()).not.toContain('Written as reviewer');
  expect(await claims()).not.toContain('Late write');
  const comments = (await server.board(boardId)).cards[cardId]?.comments.map((c) => c.text);
  expect(comments).toContain('As reviewer');
});

it('a reviewer promoted to editor: an unmodified y-websocket client reconnects by itself and its card writes are stored', async () => {
  const rita = await invite('Rita', 'reviewer');
  const client = provider(rita.token);
  await client.synced();
  await changeRole(rita.inviteId, 'editor');
  await waitFor(() => client.closes.some((c) => c.code === CLOSE.roleChanged), {
    what: 'the 4205 close',
  });
  await waitFor(() => client.provider.wsconnected && client.provider.synced, {
    what: 'the provider reconnected and synced',
  });
  addClaim(client.doc, { claim: 'Written after promotion' }, rita.ctx);
  await client.allSaved();
  expect(await claims()).toContain('Written after promotion');
  expect(client.closes.map((c) => c.code)).toEqual([CLOSE.roleChanged]);
});

it('a viewer promoted while its raw socket stays open gets the new role only on the next socket', async () => {
  const vic = await invite('Vic', 'viewer');
  const first = await raw(vic.token);
  await changeRole(vic.inviteId, 'editor');
  expect((await first.closedWithin()).code).toBe(CLOSE.roleChanged);
  const second = await raw(vic.token);
  second.sendUpdate(
    updateFrom(second, (doc) => addClaim(doc, { claim: 'Viewer no more' }, vic.ctx)),
  );
  await waitFor(() => second.saved.length > 0, { what: 'the new editor’s write stored' });
  expect(await claims()).toContain('Viewer no more');
});
