/**
 * GET /api/boards/:id/writers?clients=…: who wrote with each Yjs client id, from the bindings the
 * sync server keeps, against the real server and real y-websocket clients writing under their
 * own invites. For this board's members only; a revoked writer is still named (their writes are
 * history); another board's client ids are not revealed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addClaim, editCard } from '../../../shared/board';
import { errorCode, request } from '../../helpers/http/request';
import { useTestServer } from '../../helpers/http/useTestServer';
import { createBoardOverRest, inviteOverRest, type RestBoard } from '../../helpers/restApi';
import { MAX_WRITERS_ASKED } from '../../../server/http/routes/writerRoutes';

const live = useTestServer();
let board: RestBoard;
let other: RestBoard;
/** The client ids Lea (the lead) and Bo (an editor) wrote with on the board, and Oz on another. */
let lea: number;
let bo: number;
let oz: number;
let boInvite: string;
let viewerToken: string;

const writers = (clients: string, token = viewerToken, boardId = board.id) =>
  request(live.server.url, 'GET', `/api/boards/${boardId}/writers?clients=${clients}`, { token });

beforeAll(async () => {
  board = await createBoardOverRest(live.server.url, 'Writers', 'Lea Lead');
  other = await createBoardOverRest(live.server.url, 'Elsewhere', 'Oz');
  const boLink = await inviteOverRest(live.server.url, board, 'Bo Editor', 'editor');
  boInvite = boLink.inviteId;
  viewerToken = (await inviteOverRest(live.server.url, board, 'Vi Viewer', 'viewer')).token;
  const leaClient = await live.connect(board.id, board.leadToken);
  const cardId = addClaim(leaClient.doc, { claim: 'Bus fares fell 10%' }, leaClient.as);
  await leaClient.allSaved();
  const boClient = await live.connect(board.id, boLink.token);
  await boClient.cardArrived(cardId);
  editCard(boClient.doc, cardId, { rationale: 'The fare table says 8%' }, boClient.as);
  await boClient.allSaved();
  const ozClient = await live.connect(other.id, other.leadToken);
  addClaim(ozClient.doc, { claim: 'Elsewhere' }, ozClient.as);
  await ozClient.allSaved();
  [lea, bo, oz] = [leaClient.doc.clientID, boClient.doc.clientID, ozClient.doc.clientID];
});

describe('GET /api/boards/:id/writers', () => {
  it('names the invite each client id wrote under, to any member, a viewer too', async () => {
    const res = await writers(`${lea},${bo},${oz},12345`);
    expect(res.status).toBe(200);
    // Oz's client id wrote on another board, 12345 on none: neither is named, nor said to exist.
    expect(
      [...res.body.writers].sort((a: { name: string }, b: { name: string }) =>
        a.name.localeCompare(b.name),
      ),
    ).toEqual([
      { clientId: bo, id: boInvite, name: 'Bo Editor', role: 'editor' },
      { clientId: lea, id: expect.any(String), name: 'Lea Lead', role: 'lead' },
    ]);
  });

  it("does not reveal another board's writers to its own members either", async () => {
    const res = await writers(`${lea},${bo}`, other.leadToken, other.id);
    expect(res.status).toBe(200);
    expect(res.body.writers).toEqual([]);
  });

  it('names a writer whose invite was revoked since: their writes stay theirs', async () => {
    const revoked = await request(
      live.server.url,
      'DELETE',
      `/api/boards/${board.id}/invites/${boInvite}`,
      { token: board.leadToken },
    );
    expect(revoked.status).toBe(204);
    const res = await writers(String(bo));
    expect(res.body.writers).toEqual([
      { clientId: bo, id: boInvite, name: 'Bo Editor', role: 'editor' },
    ]);
  });

  it('refuses strangers and members of other boards as the other routes do', async () => {
    const none = await request(live.server.url, 'GET', `/api/boards/${board.id}/writers?clients=1`);
    expect([none.status, errorCode(none)]).toEqual([401, 'missing_token']);
    const bad = await writers('1', 'not-a-token');
    expect([bad.status, errorCode(bad)]).toEqual([401, 'invalid_token']);
    const wrong = await writers(String(lea), other.leadToken);
    expect([wrong.status, errorCode(wrong)]).toEqual([403, 'wrong_board']);
  });

  it('refuses a malformed or too long list of client ids with 400', async () => {
    const tooMany = Array.from({ length: MAX_WRITERS_ASKED + 1 }, (_, i) => i + 1).join(',');
    for (const clients of ['', 'abc', '1,,2', '-1', '4294967296', '1.5', tooMany]) {
      const res = await writers(clients);
      expect([clients.slice(0, 20), res.status, errorCode(res)]).toEqual([
        clients.slice(0, 20),
        400,
        'invalid_input',
      ]);
    }
    const missing = await request(live.server.url, 'GET', `/api/boards/${board.id}/writers`, {
      token: viewerToken,
    });
    expect([missing.status, errorCode(missing)]).toEqual([400, 'invalid_input']);
  });
});
