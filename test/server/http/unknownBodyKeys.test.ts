/**
 * Every route refuses a JSON body with a key it does not take, 400 invalid_input naming the
 * key, and does nothing (QA21 F6): a redaction sent `{"dryRun": true}` redacted for good, and a
 * restore with a misspelt `evidnce` (or an evidence item's `adedBy`) restored the card without
 * the evidence; an invite's revocation sent `{"dryRun": true}` revoked it (QA23). The sweep
 * covers every POST, PATCH and DELETE route the server's routers declare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim, addComment, deleteCard } from '../../../shared/board';
import { COMMENT_KEYS, commentsMap } from '../../../shared/board/schema';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest, inviteOverRest, type RestBoard } from '../../helpers/restApi';
import { waitFor } from '../../helpers/waitFor';

let server: TestServer;
let board: RestBoard;
let editor: TestClient;
let inviteId: string;
let deletedCardId: string;
let commentId: string;

beforeAll(async () => {
  server = await startTestServer();
  board = await createBoardOverRest(server.url, 'Keys', 'Lena');
  const invite = await inviteOverRest(server.url, board, 'Eddie', 'editor');
  inviteId = invite.inviteId;
  editor = connectProvider(`${server.url.replace(/^http/, 'ws')}/sync`, board.id, invite.token);
  await editor.synced();
  const kept = addClaim(editor.doc, { claim: 'Fares rose 5% in 2024.' }, editor.as);
  commentId = addComment(editor.doc, kept, { text: 'keep me' }, editor.as);
  deletedCardId = addClaim(editor.doc, { claim: 'Rents rose 9% in 2023.' }, editor.as);
  await editor.allSaved();
  deleteCard(editor.doc, deletedCardId, editor.as);
  await waitFor(async () => !(await server.board(board.id)).cards[deletedCardId], {
    what: 'the delete',
  });
});
afterAll(async () => {
  editor?.destroy();
  await server?.stop();
});

const evidence = { id: 'ev1', url: 'https://a.org/rents', stance: 'supports' };

/** Each route (its path as declared), a body it takes with one key it does not, and that key. */
const SWEEP = [
  ['POST', '/api/boards', { title: 'New', name: 'Lena', private: true }, 'private'],
  ['POST', '/api/boards/:id/invites', { name: 'Vi', role: 'viewer', expires: '2027' }, 'expires'],
  ['PATCH', '/api/boards/:id/invites/:inviteId', { role: 'viewer', notify: false }, 'notify'],
  ['POST', '/api/boards/:id/articles', { text: 'Prices rose 3% in 2024.', lang: 'en' }, 'lang'],
  [
    'POST',
    '/api/boards/:id/cards/:cardId/restore',
    { evidence: [evidence], evidnce: [] },
    'evidnce',
  ],
  [
    'POST',
    '/api/boards/:id/cards/:cardId/restore',
    { evidence: [{ ...evidence, adedBy: 'typo' }] },
    'adedBy',
  ],
  ['POST', '/api/boards/:id/comments/:commentId/redact', { dryRun: true }, 'dryRun'],
  ['DELETE', '/api/boards/:id/invites/:inviteId', { dryRun: true }, 'dryRun'],
  ['DELETE', '/api/boards/:id', { dryRun: true }, 'dryRun'],
] as const;

/** The path with this board's ids. */
const fill = (path: string) =>
  path
    .replace(':id', board.id)
    .replace(':inviteId', inviteId)
    .replace(':cardId', deletedCardId)
    .replace(':commentId', commentId);

/**
 * Routes whose body is not a request's fields: a board import's is an export file, which
 * readers take with fields they do not know (a newer export's worked-out ones, exportSchema).
 */
const NOT_SWEPT = ['POST /api/boards/import'];

/** The POST, PATCH and DELETE routes the server's routers declare, as `METHOD /path`. */
function declaredRoutes(): string[] {
  const files = [
    ...readdirSync('server/http/routes').map((f) => join('server/http/routes', f)),
    'server/export/createExportRouter.ts',
  ];
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/router\.(post|patch|delete)\(\s*'([^']+)'/g)].map(
      (m) => `${m[1]!.toUpperCase()} ${m[2]}`,
    ),
  );
}

describe('a JSON body with a key its route does not take', () => {
  it('is swept on every POST, PATCH and DELETE route', () => {
    const swept = SWEEP.map(([method, path]) => `${method} ${path}`);
    expect(new Set([...swept, ...NOT_SWEPT])).toEqual(new Set(declaredRoutes()));
  });

  it.each(SWEEP)('%s %s: 400 invalid_input naming the key', async (method, path, json, key) => {
    const res = await request(server.url, method, fill(path), { token: board.leadToken, json });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_input');
    expect(res.body.error.message).toContain(`"${key}"`);
  });

  it('and nothing was done', async () => {
    const now = await server.board(board.id);
    expect(now.cards[deletedCardId]).toBeUndefined();
    expect(now.articles).toEqual([]);
    const text = await server.syncServer.read(board.id, (doc) =>
      commentsMap(doc).get(commentId)?.get(COMMENT_KEYS.text),
    );
    expect(text).toBe('keep me');
    const invites = await request(server.url, 'GET', `/api/boards/${board.id}/invites`, {
      token: board.leadToken,
    });
    expect(
      invites.body.invites.map((i: { role: string; revokedAt: string | null }) => [
        i.role,
        i.revokedAt,
      ]),
    ).toEqual([
      ['lead', null],
      ['editor', null],
    ]);
  });

  it('while an empty body or none is still taken where a route needs none', async () => {
    const redact = await request(
      server.url,
      'POST',
      `/api/boards/${board.id}/comments/${commentId}/redact`,
      { token: board.leadToken, json: {} },
    );
    expect(redact.status).toBe(200);
    const restore = await request(
      server.url,
      'POST',
      `/api/boards/${board.id}/cards/${deletedCardId}/restore`,
      { token: board.leadToken },
    );
    expect(restore.status).toBe(201);
    // A Content-Type with nothing after it, as many clients send on every request: no body.
    const extra = await inviteOverRest(server.url, board, 'Vi', 'viewer');
    const revoke = await request(
      server.url,
      'DELETE',
      `/api/boards/${board.id}/invites/${extra.inviteId}`,
      { token: board.leadToken, headers: { 'content-type': 'application/json' } },
    );
    expect(revoke.status).toBe(204);
  });
});
