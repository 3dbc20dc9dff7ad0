/**
 * An invite a server before 5 December 2026 made with a lone UTF-16 surrogate in its name ("Ana
 * \ud800 Ruiz", a JSON escape, taken then) saves its edits (server/storage/wellFormStoredNames).
 * SQLite held the surrogate as the bytes ED A0 80 and gave it back as three U+FFFD, while the
 * person's client writes the name in its token, whose surrogate Yjs sends as one U+FFFD: every
 * change was refused as not in its writer's own name. Here the invite, and a change of hers the
 * old server recorded, are stored straight into a real SQLite file as that server wrote them, her
 * token is signed with the data directory's secret as it signed it, and a real y-websocket client
 * makes a card with it.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { addClaim } from '../../../shared/board';
import { createTokenSigner, loadOrCreateSecret } from '../../../server/auth/tokens';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest } from '../../helpers/restApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { waitFor } from '../../helpers/waitFor';

const OLD_NAME = 'Ana \uD800 Ruiz';
/** The name as Yjs sends it, and as every client holds it. */
const SENT_NAME = 'Ana \uFFFD Ruiz';
/** The name as the old server read it back from SQLite, and recorded her changes under. */
const READ_BACK_NAME = 'Ana \uFFFD\uFFFD\uFFFD Ruiz';
const INVITE_ID = 'oldsurrogate0001';

let dir: TempDir;
let server: TestServer | undefined;
let client: TestClient | undefined;

afterEach(async () => {
  client?.destroy();
  await server?.stop();
  dir.remove();
});

it('an invite stored with a lone surrogate in its name saves a card, under the name as sent', async () => {
  dir = makeTempDir('factboard-old-invite-');
  const made = await startTestServer({ dataDir: dir.path });
  const board = await createBoardOverRest(made.url, 'Old invites', 'Lena');
  await made.stop();

  const db = new Database(join(dir.path, 'factboard.sqlite'));
  const at = Date.now();
  db.prepare(
    `INSERT INTO invites (id, board_id, name, role, created_at, revoked_at, joined_at)
     VALUES (?, ?, ?, 'editor', ?, NULL, ?)`,
  ).run(INVITE_ID, board.id, OLD_NAME, at, at);
  db.prepare(
    `INSERT INTO history (board_id, card_id, type, actor_id, actor_name, at, data)
     VALUES (?, NULL, 'article.added', ?, ?, ?, ?)`,
  ).run(
    board.id,
    INVITE_ID,
    READ_BACK_NAME,
    at,
    JSON.stringify({ articleId: 'oldarticle000001', title: 'Rents' }),
  );
  db.close();
  const token = createTokenSigner(loadOrCreateSecret(dir.path)).sign({
    boardId: board.id,
    inviteId: INVITE_ID,
    role: 'editor',
    name: OLD_NAME,
    iat: at,
    exp: null,
  });

  server = await startTestServer({ dataDir: dir.path });
  client = connectProvider(`${server.url.replace(/^http/, 'ws')}/sync`, board.id, token);
  await client.synced();
  const cardId = addClaim(client.doc, { claim: 'Rents rose 4 percent in 2025' }, client.as);
  const live = server;
  const writer = client;
  await waitFor(
    async () =>
      (await live.board(board.id)).cards[cardId] !== undefined || writer.closes.length > 0,
    { what: 'the card stored or the writer refused' },
  );
  expect(writer.closes).toEqual([]);
  expect((await live.board(board.id)).cards[cardId]?.createdBy).toEqual({
    id: INVITE_ID,
    name: SENT_NAME,
  });

  // The lead's list, and the history, name her as the board does.
  const invites = await request(live.url, 'GET', `/api/boards/${board.id}/invites`, {
    token: board.leadToken,
  });
  expect(
    invites.body.invites.find((i: { inviteId: string }) => i.inviteId === INVITE_ID).name,
  ).toBe(SENT_NAME);
  const history = await request(live.url, 'GET', `/api/boards/${board.id}/history`, {
    token: board.leadToken,
  });
  const hers = history.body.events.filter(
    (e: { actor: { id: string } }) => e.actor.id === INVITE_ID,
  );
  expect(hers.length).toBeGreaterThan(1);
  expect(new Set(hers.map((e: { actor: { name: string } }) => e.actor.name))).toEqual(
    new Set([SENT_NAME]),
  );
});
