/**
 * Who may be given a card ("being checked by"): a colleague who may edit it, a lead or an
 * editor of this board whose invite is live, under the invite's own name. The server judges
 * it on every write that sets a card's assignee, as the board's roles change live: someone
 * given a card keeps it when their role is lowered later, and clearing the assignee is always
 * taken. Real server, real SQLite, raw y-protocols clients and a y-websocket provider.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  assignCard,
  CommandOrigin,
  deleteCard,
  moveCard,
  setVerdict,
} from '../../../shared/board';
import type { Actor } from '../../../shared/board/actor';
import { cardsMap } from '../../../shared/board/schema';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import type { Role } from '../../../shared/roles';
import { connectProvider } from '../../helpers/connectProvider';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { connectRaw, type RawClient, updateFrom } from '../../helpers/rawClient';
import { waitFor } from '../../helpers/waitFor';

interface Member {
  readonly inviteId: string;
  readonly token: string;
  readonly actor: Actor;
}

let server: TestServer;
let boardId: string;
let leadToken: string;
let ed: Member;
const open: { close(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const res = await request(server.url, 'POST', '/api/boards', {
    json: { title: 'Checkers', name: 'Lu Lead' },
  });
  ({ id: boardId, leadToken } = res.body);
  ed = await invite('Ed Editor', 'editor');
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});
afterAll(() => server.stop());

const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;

async function invite(name: string, role: Role, board = boardId, token = leadToken) {
  const res = await request(server.url, 'POST', `/api/boards/${board}/invites`, {
    token,
    json: { name, role },
  });
  expect(res.status).toBe(201);
  const { inviteId, token: own } = res.body as { inviteId: string; token: string };
  return { inviteId, token: own, actor: { id: inviteId, name } };
}

async function patch(member: Member, json: unknown, method = 'PATCH') {
  const path = `/api/boards/${boardId}/invites/${member.inviteId}`;
  const res = await request(server.url, method, path, { token: leadToken, json });
  expect(res.status, errorCode(res)).toBeLessThan(300);
}

async function raw(token: string): Promise<RawClient> {
  const client = connectRaw(syncUrl(), boardId, token);
  open.push(client);
  await client.sync();
  return client;
}

/**
 * Sends what `fn` writes as `member`, on a socket of its own: 'taken' once the server stored
 * it, or the code the server closed the socket with.
 */
async function attempt(member: Member, fn: (doc: Y.Doc) => void): Promise<'taken' | number> {
  const client = await raw(member.token);
  let closed: number | null = null;
  void client.closed.then((c) => (closed = c.code));
  client.sendUpdate(updateFrom(client, fn));
  await waitFor(() => client.saved.length > 0 || closed !== null, { what: 'stored or refused' });
  return closed ?? 'taken';
}

async function newCard(claim: string): Promise<string> {
  let id = '';
  expect(await attempt(ed, (doc) => (id = addClaim(doc, { claim }, ed)))).toBe('taken');
  return id;
}

const give = (cardId: string, to: Actor | null, by = ed) =>
  attempt(by, (doc) => assignCard(doc, cardId, to, by));

const checker = async (cardId: string) => (await server.board(boardId)).cards[cardId]?.assignee;

describe('giving a card', () => {
  it('to a lead or an editor of the board, oneself included, is taken', async () => {
    const lu = server.signer.verify(leadToken)!;
    const bo = await invite('Bo Editor', 'editor');
    const cardId = await newCard('Rents doubled');
    for (const to of [{ id: lu.inviteId, name: lu.name }, bo.actor, ed.actor]) {
      expect(await give(cardId, to)).toBe('taken');
      expect(await checker(cardId)).toEqual(to);
    }
  });

  it('to a reviewer or a viewer is refused with 4403, whoever gives it, and the card keeps its checker', async () => {
    const rita = await invite('Rita Reviewer', 'reviewer');
    const vic = await invite('Vic Viewer', 'viewer');
    const lead: Member = {
      inviteId: server.signer.verify(leadToken)!.inviteId,
      token: leadToken,
      actor: { id: server.signer.verify(leadToken)!.inviteId, name: 'Lu Lead' },
    };
    const cardId = await newCard('Crime fell');
    expect(await give(cardId, ed.actor)).toBe('taken');
    for (const by of [ed, lead]) {
      for (const to of [rita.actor, vic.actor]) {
        expect(await give(cardId, to, by)).toBe(CLOSE.forbidden);
      }
    }
    expect(await checker(cardId)).toEqual(ed.actor);
  });

  it('to someone not on the board, under an editor’s id with another name, or to a revoked editor is refused', async () => {
    const rex = await invite('Rex Revoked', 'editor');
    await patch(rex, undefined, 'DELETE');
    const other = await request(server.url, 'POST', '/api/boards', { json: { title: 'Other' } });
    const elsewhere = await invite('Else Where', 'editor', other.body.id, other.body.leadToken);
    const cardId = await newCard('Taxes rose');
    for (const to of [
      { id: 'nobody', name: 'Nobody' },
      { id: ed.inviteId, name: 'Ed Impostor' },
      rex.actor,
      elsewhere.actor,
    ]) {
      expect(await give(cardId, to)).toBe(CLOSE.forbidden);
    }
    expect(await checker(cardId)).toBeNull();
  });

  it('clearing the checker is always taken', async () => {
    const cardId = await newCard('Wages stalled');
    expect(await give(cardId, ed.actor)).toBe('taken');
    expect(await give(cardId, null)).toBe('taken');
    expect(await checker(cardId)).toBeNull();
  });

  it('to an editor whose invite expired, with the board open, is refused; extended, it is taken', async () => {
    const cardId = await newCard('Fares froze');
    await raw(ed.token); // the board's room is loaded, and follows the expiry
    const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: leadToken,
      json: { name: 'Exa Expiring', role: 'editor', expiresAt: Date.now() + 1_000 },
    });
    const exa: Member = { ...res.body, actor: { id: res.body.inviteId, name: 'Exa Expiring' } };
    const me = () => request(server.url, 'GET', `/api/boards/${boardId}`, { token: exa.token });
    await expect
      .poll(async () => errorCode(await me()), { timeout: 10_000, interval: 200 })
      .toBe('invite_expired');
    expect(await give(cardId, exa.actor)).toBe(CLOSE.forbidden);
    expect(await checker(cardId)).toBeNull();
    await patch(exa, { expiresInDays: 1 });
    expect(await give(cardId, exa.actor)).toBe('taken');
  });

  it('to an editor invited a moment ago, with the board open, is taken', async () => {
    const cardId = await newCard('Exports grew');
    await raw(ed.token); // the board's room is loaded
    const fresh = await invite('Fay Fresh', 'editor');
    expect(await give(cardId, fresh.actor)).toBe('taken');
  });
});

describe('roles change live', () => {
  it('a checker lowered to reviewer keeps the card, which still changes; a new card is not given to them until they may edit again', async () => {
    const bo = await invite('Bo Checker', 'editor');
    const cardId = await newCard('Fares rose 10%');
    expect(await give(cardId, bo.actor)).toBe('taken');
    await patch(bo, { role: 'reviewer' });
    expect(await checker(cardId)).toEqual(bo.actor);
    expect(
      await attempt(ed, (doc) => {
        moveCard(doc, cardId, { column: 'disputed', index: 0 }, ed);
        setVerdict(doc, cardId, 'False', 'Fares rose 4%', ed);
      }),
    ).toBe('taken');
    expect(await checker(cardId)).toEqual(bo.actor);

    const another = await newCard('Fares will fall');
    expect(await give(another, bo.actor)).toBe(CLOSE.forbidden);
    await patch(bo, { role: 'editor' });
    expect(await give(another, bo.actor)).toBe('taken');
  });

  it('a reviewer promoted to editor can be given a card at once', async () => {
    const rita = await invite('Rita Promoted', 'reviewer');
    const cardId = await newCard('Tourism doubled');
    expect(await give(cardId, rita.actor)).toBe(CLOSE.forbidden);
    await patch(rita, { role: 'editor' });
    expect(await give(cardId, rita.actor)).toBe('taken');
  });

  it('Undo of a card’s deletion brings it back with its checker, lowered to reviewer since', async () => {
    const bo = await invite('Bo Undone', 'editor');
    const cardId = await newCard('Rain fell 30%');
    expect(await give(cardId, bo.actor)).toBe('taken');
    await patch(bo, { role: 'reviewer' });
    const page = connectProvider(syncUrl(), boardId, ed.token);
    open.push({ close: () => page.destroy() });
    await page.synced();
    const undo = new Y.UndoManager(cardsMap(page.doc), {
      trackedOrigins: new Set([CommandOrigin]),
    });
    deleteCard(page.doc, cardId, page.as);
    await waitFor(async () => !(await server.board(boardId)).cards[cardId], {
      what: 'the deletion stored',
    });
    undo.undo();
    await waitFor(async () => Boolean((await server.board(boardId)).cards[cardId]), {
      what: 'the card back',
    });
    expect(await checker(cardId)).toEqual(bo.actor);
    expect(page.closes).toEqual([]);
  });
});
