/**
 * A REST change sent again with its Idempotency-Key (found by QA: a change answered 507 after
 * it was applied is stored once the disk has space, and a client that sent it again made it
 * again). The server, its SQLite file and the requests are real; the rooms' appendBatch meets
 * a real SQLITE_FULL while `full` holds, as in storageFull.test.ts.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addClaim, addComment, deleteCard } from '../../../shared/board';
import type { SyncStorage } from '../../../server/storage/Storage';
import { connectProvider } from '../../helpers/connectProvider';
import { sqliteFullError } from '../../helpers/diskFullErrors';
import { exportOverRest } from '../../helpers/http/exportOverRest';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';

let server: TestServer;
let full = false;
beforeAll(async () => {
  server = await startTestServer();
  const storage = server.storage as SyncStorage;
  const append = storage.appendBatch.bind(storage);
  vi.spyOn(storage, 'appendBatch').mockImplementation(async (boardId, batch) => {
    if (full) throw sqliteFullError();
    return append(boardId, batch);
  });
});
afterAll(async () => {
  full = false;
  vi.restoreAllMocks();
  await server?.stop();
});

const TEXT = 'The deficit rose to $1.2 trillion in 2023, the Treasury said.';

async function newBoard() {
  const res = await request(server.url, 'POST', '/api/boards', { json: { title: 'News' } });
  return res.body as { id: string; leadToken: string };
}
const importArticle = (board: { id: string; leadToken: string }, key: string, text = TEXT) =>
  request(server.url, 'POST', `/api/boards/${board.id}/articles`, {
    token: board.leadToken,
    json: { text },
    headers: { 'idempotency-key': key },
  });

describe('an Idempotency-Key', () => {
  it('makes an import answered 507 and sent again one change, answered as the first would be', async () => {
    const board = await newBoard();
    full = true;
    const first = await importArticle(board, 'import-1');
    expect(first.status).toBe(507);
    expect(first.body.error.message).toMatch(/not saved yet/);
    // Sent again while the disk is still full: 507, nothing done again.
    const meanwhile = await importArticle(board, 'import-1');
    expect(meanwhile.status).toBe(507);
    full = false;
    await vi.waitFor(async () => expect((await server.board(board.id)).articles).toHaveLength(1), {
      timeout: 10_000,
      interval: 100,
    });
    const onBoard = await server.board(board.id);
    const again = await importArticle(board, 'import-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.cards.map((c: { id: string }) => c.id).sort()).toEqual(
      Object.keys(onBoard.cards).sort(),
    );
    expect(again.body.found).toBe(1);
    // A repeat of an answered request is that answer again; the board changed once.
    const third = await importArticle(board, 'import-1');
    expect([third.status, third.body]).toEqual([again.status, again.body]);
    const after = await server.board(board.id);
    expect(Object.keys(after.cards)).toHaveLength(1);
    expect(after.articles).toHaveLength(1);
  }, 30_000);

  it('makes a restore answered 507 and sent again one restore, answered with the card', async () => {
    const board = await newBoard();
    const ana = connectProvider(
      `${server.url.replace(/^http/, 'ws')}/sync`,
      board.id,
      board.leadToken,
    );
    try {
      await ana.synced();
      const cardId = addClaim(ana.doc, { claim: 'Homicides fell 57% in 2023.' }, ana.as);
      await ana.allSaved();
      deleteCard(ana.doc, cardId, ana.as);
      await vi.waitFor(async () =>
        expect((await server.board(board.id)).cards[cardId]).toBeUndefined(),
      );
      const restore = (headers: Record<string, string>) =>
        request(server.url, 'POST', `/api/boards/${board.id}/cards/${cardId}/restore`, {
          token: board.leadToken,
          headers,
        });
      full = true;
      expect((await restore({ 'idempotency-key': 'restore-1' })).status).toBe(507);
      full = false;
      await vi.waitFor(
        async () => expect((await server.board(board.id)).cards[cardId]).toBeDefined(),
        { timeout: 10_000, interval: 100 },
      );
      const again = await restore({ 'idempotency-key': 'restore-1' });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotency-replayed')).toBe('true');
      expect(again.body.card).toMatchObject({ id: cardId, claim: 'Homicides fell 57% in 2023.' });
      // Without the key, a repeat is a new request, refused as the card is back.
      expect((await restore({})).body.error.code).toBe('card_exists');
    } finally {
      ana.destroy();
    }
  }, 30_000);

  it('is refused with another request (409), and when malformed (400)', async () => {
    const board = await newBoard();
    expect((await importArticle(board, 'k')).status).toBe(201);
    const other = await importArticle(board, 'k', 'Unemployment fell to 3.9 percent, it said.');
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    const bad = await importArticle(board, 'a key with spaces');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
    expect(Object.keys((await server.board(board.id)).cards)).toHaveLength(1);
  });

  it('makes a new board and an invite sent again one board and one invite', async () => {
    const create = () =>
      request(server.url, 'POST', '/api/boards', {
        json: { title: 'Elections desk' },
        headers: { 'idempotency-key': 'board-1' },
      });
    const first = await create();
    expect(first.status).toBe(201);
    // As after an answer lost on the network: the same board, its lead link, replayed.
    const again = await create();
    expect([again.status, again.headers.get('idempotency-replayed')]).toEqual([201, 'true']);
    expect(again.body).toEqual(first.body);
    const board = first.body as { id: string; leadToken: string };
    const invite = () =>
      request(server.url, 'POST', `/api/boards/${board.id}/invites`, {
        token: board.leadToken,
        json: { name: 'Eddie', role: 'editor' },
        headers: { 'idempotency-key': 'invite-1' },
      });
    const made = await invite();
    expect(made.status).toBe(201);
    const repeat = await invite();
    expect([repeat.status, repeat.headers.get('idempotency-replayed')]).toEqual([201, 'true']);
    expect(repeat.body).toEqual(made.body);
    const listed = await request(server.url, 'GET', `/api/boards/${board.id}/invites`, {
      token: board.leadToken,
    });
    expect(listed.body.invites.map((i: { name: string }) => i.name).sort()).toEqual([
      'Eddie',
      'Lead',
    ]);
  });

  it('makes a board import sent again one board, and one with another key another', async () => {
    const source = await newBoard();
    const file = await exportOverRest(server.url, source.id, source.leadToken, 'json');
    const boards = () => {
      const db = new Database(join(server.dataDir, 'factboard.sqlite'), { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = boards();
    const importBoard = (key: string) =>
      request(server.url, 'POST', '/api/boards/import?name=Imogen', {
        json: file,
        headers: { 'idempotency-key': key },
      });
    const first = await importBoard('import-board-1');
    expect(first.status).toBe(201);
    // As after an answer lost on the network: the same board, its lead link, replayed.
    const again = await importBoard('import-board-1');
    expect([again.status, again.headers.get('idempotency-replayed')]).toEqual([201, 'true']);
    expect(again.body).toEqual(first.body);
    expect(boards()).toBe(before + 1);
    // Another key is another import: a second board.
    const other = await importBoard('import-board-2');
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(boards()).toBe(before + 2);
    // Kept apart from created boards' keys (IMPORTED_BOARDS, 100 of their own): the same key
    // with POST /api/boards is a creation's, not a reuse of the import's.
    const created = await request(server.url, 'POST', '/api/boards', {
      json: { title: 'News' },
      headers: { 'idempotency-key': 'import-board-1' },
    });
    expect(created.status).toBe(201);
    expect(boards()).toBe(before + 3);
  });

  it('answers a redaction that failed after its change was stored with the first’s change, not a second', async () => {
    // Its key was forgotten as if nothing was done: the repeat ran the redaction's change again,
    // as a new request (not replayed).
    const board = await newBoard();
    const lead = connectProvider(
      `${server.url.replace(/^http/, 'ws')}/sync`,
      board.id,
      board.leadToken,
    );
    const scrub = vi
      .spyOn(server.storage, 'redactComment')
      .mockRejectedValueOnce(new Error('the scrub failed'));
    try {
      await lead.synced();
      const cardId = addClaim(lead.doc, { claim: 'Homicides fell 57% in 2023.' }, lead.as);
      const commentId = addComment(lead.doc, cardId, { text: 'Call Ana at 555-0100.' }, lead.as);
      await lead.allSaved();
      const redact = () =>
        request(server.url, 'POST', `/api/boards/${board.id}/comments/${commentId}/redact`, {
          token: board.leadToken,
          headers: { 'idempotency-key': 'redact-1' },
        });
      expect((await redact()).status).toBe(500);
      const events = async () =>
        (await server.storage.listHistory(board.id, { limit: 100 })).events.filter(
          (e) => e.type === 'comment.redacted',
        );
      expect(await events()).toHaveLength(1);
      const again = await redact();
      expect([again.status, again.headers.get('idempotency-replayed')]).toEqual([200, 'true']);
      expect(scrub).toHaveBeenCalledTimes(2);
      expect(await events()).toHaveLength(1);
    } finally {
      scrub.mockRestore();
      lead.destroy();
    }
  });

  it('is 409 idempotency_key_in_use for a repeat while the first is still answered', async () => {
    const board = await newBoard();
    const failures = server.syncServer.counters.saveFailures;
    full = true;
    try {
      const first = importArticle(board, 'slow-1');
      // The first is under way: its change is on the board, and storing it fails.
      await vi.waitFor(() =>
        expect(server.syncServer.counters.saveFailures).toBeGreaterThan(failures),
      );
      const meanwhile = await importArticle(board, 'slow-1');
      expect([meanwhile.status, meanwhile.body.error.code]).toEqual([
        409,
        'idempotency_key_in_use',
      ]);
      expect((await first).status).toBe(507);
    } finally {
      full = false;
    }
  }, 30_000);
});
