/**
 * A member's request admitted under one role and written seconds later (an article import's
 * extraction, a card restore's read) is checked again at the moment it is written: a lead who
 * revoked the invite or lowered its role meanwhile is obeyed, and nothing is written in the
 * member's name after the history says they lost the right (found by QA: 126 cards imported
 * after the revocation).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim, readBoard } from '../../../shared/board';
import { toHttpError } from '../../../server/http/errorHandler';
import { AccessChangedError } from '../../../server/sync/AccessChangedError';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { request } from '../../helpers/http/request';

let server: TestServer;
let boardId: string;
let leadToken: string;

beforeAll(async () => {
  server = await startTestServer();
  const made = await request(server.url, 'POST', '/api/boards', { json: { title: 'Prisons' } });
  ({ id: boardId, leadToken } = made.body);
});
afterAll(() => server.stop());

async function invite(name: string, role: string) {
  const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
    token: leadToken,
    json: { name, role },
  });
  expect(res.status).toBe(201);
  return { id: res.body.inviteId as string, name };
}

/** A member's change as a route makes it once its slow part is done. */
function importAs(actor: { id: string; name: string }, claim: string) {
  let ran = false;
  const done = server.syncServer.change(
    boardId,
    actor,
    (doc) => {
      ran = true;
      return addClaim(doc, { claim }, { actor });
    },
    { requires: 'importArticle' },
  );
  return { done, ran: () => ran };
}

async function historyTypesBy(actorId: string): Promise<string[]> {
  const res = await request(server.url, 'GET', `/api/boards/${boardId}/history?limit=500`, {
    token: leadToken,
  });
  expect(res.status).toBe(200);
  return (res.body.events as { type: string; actor: { id: string } }[])
    .filter((e) => e.actor.id === actorId)
    .map((e) => e.type);
}

describe('a member’s change written after a lead took the right away', () => {
  it('is written while the invite still has the right', async () => {
    const eddie = await invite('Eddie', 'editor');
    const cardId = await importAs(eddie, 'The prisons hold 80,000 people').done;
    expect((await server.board(boardId)).cards[cardId]?.createdBy.name).toBe('Eddie');
  });

  it('is refused after a revocation: nothing written, 401 revoked_token', async () => {
    const rita = await invite('Rita', 'editor');
    const revoke = await request(
      server.url,
      'DELETE',
      `/api/boards/${boardId}/invites/${rita.id}`,
      {
        token: leadToken,
      },
    );
    expect(revoke.status).toBe(204);
    const attempt = importAs(rita, 'Written after the revocation');
    const error = await attempt.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessChangedError);
    expect(attempt.ran()).toBe(false);
    const board = await server.syncServer.read(boardId, (doc) => readBoard(doc));
    expect(Object.values(board.cards).map((c) => c.claim)).not.toContain(
      'Written after the revocation',
    );
    expect(await historyTypesBy(rita.id)).toEqual([]);
    expect(toHttpError(error)).toMatchObject({ status: 401, code: 'revoked_token' });
  });

  it('is refused after the role was lowered to one without the right: 403 forbidden', async () => {
    const vera = await invite('Vera', 'editor');
    const lower = await request(server.url, 'PATCH', `/api/boards/${boardId}/invites/${vera.id}`, {
      token: leadToken,
      json: { role: 'reviewer' },
    });
    expect(lower.status).toBe(200);
    const attempt = importAs(vera, 'Written after the demotion');
    const error = await attempt.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessChangedError);
    expect(attempt.ran()).toBe(false);
    expect(await historyTypesBy(vera.id)).toEqual([]);
    expect(toHttpError(error)).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('a system change needs no invite', async () => {
    const actor = { id: 'system', name: 'Factboard' };
    const cardId = await server.syncServer.change(boardId, actor, (doc) =>
      addClaim(doc, { claim: 'Seeded' }, { actor }),
    );
    expect((await server.board(boardId)).cards[cardId]?.claim).toBe('Seeded');
  });
});
