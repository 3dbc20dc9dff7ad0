/**
 * The page's card restore sent again after a 507 (the restore waited on the board for the
 * server's full disk): it sends the Idempotency-Key it sent the first time (client/app/retryKeys
 * through `call`'s retrySafe), so the restore is done once and the person gets the card back as
 * the answer, where a second restore without the key was refused 409 card_exists. A restore
 * after that answer is a new request, with a new key; one answered 409 idempotency_key_in_use
 * (sent while the first was still answered) keeps its key. The server, its SQLite file, the sync
 * client and the requests are real; the rooms' appendBatch meets a real SQLITE_FULL while
 * `full` holds; fetch is Node's, the page's relative paths sent to the server. (The article
 * import sends its key the same way, through an XMLHttpRequest Node does not have.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../client/app/api';
import { restoreCard } from '../../../client/history/restoreCard';
import type { SyncStorage } from '../../../server/storage/Storage';
import { addClaim, deleteCard } from '../../../shared/board';
import { connectProvider } from '../../helpers/connectProvider';
import { appendFailsWhile } from '../../helpers/diskFullErrors';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest } from '../../helpers/restApi';

let server: TestServer;
let full = false;
const keys: (string | null)[] = [];
beforeAll(async () => {
  server = await startTestServer();
  appendFailsWhile(server.storage as SyncStorage, () => full);
  const fetchServer = globalThis.fetch;
  vi.stubGlobal('fetch', (path: string, init?: RequestInit) => {
    if (path.endsWith('/restore')) keys.push(new Headers(init?.headers).get('Idempotency-Key'));
    return fetchServer(new URL(path, server.url), init);
  });
});
afterAll(async () => {
  full = false;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await server?.stop();
});

/** A board with a card Ana deleted, stored; `done` ends her connection. */
async function deletedCard() {
  const board = await createBoardOverRest(server.url, 'News', 'Ana');
  const ana = connectProvider(
    `${server.url.replace(/^http/, 'ws')}/sync`,
    board.id,
    board.leadToken,
  );
  await ana.synced();
  const cardId = addClaim(ana.doc, { claim: 'Homicides fell 57% in 2023.' }, ana.as);
  await ana.allSaved();
  deleteCard(ana.doc, cardId, ana.as);
  await vi.waitFor(async () =>
    expect((await server.board(board.id)).cards[cardId]).toBeUndefined(),
  );
  return { board, cardId, done: () => ana.destroy() };
}

/** Ends the full disk, and waits for the held restore to be stored. */
async function spaceFreed(boardId: string, cardId: string) {
  full = false;
  await vi.waitFor(async () => expect((await server.board(boardId)).cards[cardId]).toBeDefined(), {
    timeout: 10_000,
    interval: 100,
  });
}

describe('a card restore sent again after a 507', () => {
  it('is done once, and answered with the card', async () => {
    const { board, cardId, done } = await deletedCard();
    try {
      keys.length = 0;
      full = true;
      const first = await restoreCard(board.id, board.leadToken, cardId).catch((e: unknown) => e);
      expect(first).toBeInstanceOf(ApiError);
      expect((first as ApiError).status).toBe(507);
      await spaceFreed(board.id, cardId);
      const again = await restoreCard(board.id, board.leadToken, cardId);
      expect(again).toMatchObject({ id: cardId, claim: 'Homicides fell 57% in 2023.' });
      // Answered: the same restore sent now is a new request, with a new key, refused.
      const third = await restoreCard(board.id, board.leadToken, cardId).catch((e: unknown) => e);
      expect((third as ApiError).code).toBe('card_exists');
      expect(keys).toHaveLength(3);
      expect(keys[0]).toMatch(/^[a-z0-9]{16}$/);
      expect(keys[1]).toBe(keys[0]);
      expect(keys[2]).not.toBe(keys[0]);
    } finally {
      done();
    }
  }, 30_000);

  it('sent while the first is still answered (409 idempotency_key_in_use) keeps its key, and is done once', async () => {
    // The page forgot the key at that 409, so its next try was a new request: a second restore
    // (refused card_exists, the person told it failed) where the first's card was the answer.
    const { board, cardId, done } = await deletedCard();
    try {
      keys.length = 0;
      const failures = server.syncServer.counters.saveFailures;
      full = true;
      // The first waits on the full disk (fullDiskWaitMs) before it is answered 507.
      const first = restoreCard(board.id, board.leadToken, cardId).catch((e: unknown) => e);
      await vi.waitFor(() =>
        expect(server.syncServer.counters.saveFailures).toBeGreaterThan(failures),
      );
      const meanwhile = await restoreCard(board.id, board.leadToken, cardId).catch(
        (e: unknown) => e,
      );
      expect((meanwhile as ApiError).code).toBe('idempotency_key_in_use');
      expect(((await first) as ApiError).status).toBe(507);
      await spaceFreed(board.id, cardId);
      const again = await restoreCard(board.id, board.leadToken, cardId);
      expect(again).toMatchObject({ id: cardId, claim: 'Homicides fell 57% in 2023.' });
      expect(keys).toHaveLength(3);
      expect(new Set(keys).size).toBe(1);
    } finally {
      done();
    }
  }, 30_000);
});
