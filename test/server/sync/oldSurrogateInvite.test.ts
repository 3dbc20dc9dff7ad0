/**
 * An invite a server before 5 December 2026 made with a lone UTF-16 surrogate in its name saves
 * its edits (server/storage/wellFormStoredNames). SQLite held the surrogate as the bytes ED A0 80
 * and gave it back as three U+FFFD, while the person's client writes the name in its token, whose
 * surrogate Yjs sends as one U+FFFD: every change was refused as not in its writer's own name.
 * The invite is stored as the old server left it (test/helpers/oldSurrogateInvite), and a real
 * y-websocket client makes a card with its token.
 */
import { afterEach, expect, it } from 'vitest';
import { addClaim } from '../../../shared/board';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { SENT_NAME, storeOldSurrogateInvite } from '../../helpers/oldSurrogateInvite';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { waitFor } from '../../helpers/waitFor';

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
  const { board, inviteId, token } = await storeOldSurrogateInvite(dir.path);

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
    id: inviteId,
    name: SENT_NAME,
  });

  // The lead's list, and the history, name her as the board does.
  const invites = await request(live.url, 'GET', `/api/boards/${board.id}/invites`, {
    token: board.leadToken,
  });
  expect(invites.body.invites.find((i: { inviteId: string }) => i.inviteId === inviteId).name).toBe(
    SENT_NAME,
  );
  const history = await request(live.url, 'GET', `/api/boards/${board.id}/history`, {
    token: board.leadToken,
  });
  const hers = history.body.events.filter(
    (e: { actor: { id: string } }) => e.actor.id === inviteId,
  );
  expect(hers.length).toBeGreaterThan(1);
  expect(new Set(hers.map((e: { actor: { name: string } }) => e.actor.name))).toEqual(
    new Set([SENT_NAME]),
  );
});
