/**
 * Two leads acting on each other's invites at the same moment (an expiry, a revocation, a role
 * change) leave their board a lead whose invite lasts: one of the two is refused with 409
 * last_lead. The real server on a real SQLite file, real requests.
 *
 * One process serves a data directory (its pending log's lock refuses a second), and its
 * requests interleave only where one waits between reading the invites and writing its change.
 * Storage waiting for a redaction's write lock is such a wait, and the test holds one open: a
 * connection of its own holds the file's write lock (as redactionOffLoop.test does) while a
 * redaction runs on the storage's thread, both requests reach storage and wait behind it, and
 * then the lock is let go. Read before that wait (the expiry's check was the route's), both
 * passed and the board was left with no lasting lead.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { addClaim, addComment } from '../../../shared/board';
import { DATABASE_FILE } from '../../../server/dataDirProblem';
import { connectProvider } from '../../helpers/connectProvider';
import { errorCode, request } from '../../helpers/http/request';
import { createBoardOverRest, inviteOverRest, type RestBoard } from '../../helpers/restApi';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { waitFor } from '../../helpers/waitFor';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => server.stop());

/** A lead's request on the other lead's invite. */
type Act = (board: RestBoard, token: string, inviteId: string) => ReturnType<typeof request>;
const invitePath = (board: RestBoard, inviteId: string) =>
  `/api/boards/${board.id}/invites/${inviteId}`;
const expire: Act = (board, token, inviteId) =>
  request(server.url, 'PATCH', invitePath(board, inviteId), {
    token,
    json: { expiresInDays: 7 },
  });
const revoke: Act = (board, token, inviteId) =>
  request(server.url, 'DELETE', invitePath(board, inviteId), { token });
const demote: Act = (board, token, inviteId) =>
  request(server.url, 'PATCH', invitePath(board, inviteId), {
    token,
    json: { role: 'editor', from: 'lead' },
  });

/** A board of two leads, Ann and Bo, each's invite lasting, and a comment to redact. */
async function twoLeads(title: string) {
  const board = await createBoardOverRest(server.url, title, 'Ann');
  const bo = await inviteOverRest(server.url, board, 'Bo', 'lead');
  const ann = connectProvider(
    `${server.url.replace(/^http/, 'ws')}/sync`,
    board.id,
    board.leadToken,
  );
  try {
    await ann.synced();
    const cardId = addClaim(ann.doc, { claim: 'Rents rose 9% in 2024.' }, ann.as);
    const commentId = addComment(ann.doc, cardId, { text: 'Ask the agency' }, ann.as);
    await ann.allSaved();
    return {
      board,
      annId: server.signer.verify(board.leadToken)!.inviteId,
      bo,
      commentId,
    };
  } finally {
    ann.destroy();
  }
}

/**
 * Runs both requests while a redaction holds storage's writes, and lets it go once both are in
 * storage: their reads of the invites were made before either write.
 */
async function atOnce(board: RestBoard, commentId: string, both: () => ReturnType<Act>[]) {
  // A read first moves the pending batches into the tables: no flush of them waits for the lock.
  await server.storage.loadContent(board.id);
  const inStorage = ['setInviteExpiry', 'revokeInvite', 'changeInviteRole'] as const;
  const spies = inStorage.map((method) => vi.spyOn(server.storage, method));
  const redacting = vi.spyOn(server.storage, 'redactComment');
  const lock = new Database(join(server.dataDir, DATABASE_FILE));
  try {
    lock.pragma('busy_timeout = 5000');
    lock.exec('BEGIN IMMEDIATE');
    const redacted = request(
      server.url,
      'POST',
      `/api/boards/${board.id}/comments/${commentId}/redact`,
      { token: board.leadToken },
    );
    await waitFor(() => redacting.mock.calls.length > 0, { what: 'the redaction begun' });
    const answers = Promise.all(both());
    await waitFor(() => spies.reduce((n, s) => n + s.mock.calls.length, 0) === 2, {
      what: 'both requests in storage',
    });
    lock.exec('COMMIT');
    expect((await redacted).status).toBe(200);
    return await answers;
  } finally {
    lock.close();
  }
}

it.each<[string, Act, Act]>([
  ['each ends the other’s lasting invite', expire, expire],
  ['one ends the other’s, who revokes the first', expire, revoke],
  ['one ends the other’s, who makes the first an editor', expire, demote],
  ['each revokes the other', revoke, revoke],
  ['each makes the other an editor', demote, demote],
])('leaves a lasting lead when %s at the same moment', async (what, byAnn, byBo) => {
  const { board, annId, bo, commentId } = await twoLeads(what);
  const answers = await atOnce(board, commentId, () => [
    byAnn(board, board.leadToken, bo.inviteId),
    byBo(board, bo.token, annId),
  ]);
  const outcomes = answers.map((res) => (res.status < 300 ? 'done' : errorCode(res)));
  expect(outcomes.sort()).toEqual(['done', 'last_lead']);
  const lasting = (await server.storage.listInvites(board.id)).filter(
    (i) => i.role === 'lead' && i.revokedAt === null && i.expiresAt === null,
  );
  expect(lasting).toHaveLength(1);
});
