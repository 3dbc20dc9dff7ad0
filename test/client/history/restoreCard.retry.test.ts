/**
 * The page's card restore sent again after a 507 (the restore waited on the board for the
 * server's full disk): it sends the Idempotency-Key it sent the first time (client/app/retryKeys
 * through `call`'s retrySafe), so the restore is done once and the person gets the card back as
 * the answer, where a second restore without the key was refused 409 card_exists. A restore
 * after that answer is a new request, with a new key. The server, its SQLite file, the sync
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

describe('a card restore sent again after a 507', () => {
  it('is done once, and answered with the card', async () => {
    const board = await createBoardOverRest(server.url, 'News', 'Ana');
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
      full = true;
      const first = await restoreCard(board.id, board.leadToken, cardId).catch((e: unknown) => e);
      expect(first).toBeInstanceOf(ApiError);
      expect((first as ApiError).status).toBe(507);
      full = false;
      await vi.waitFor(
        async () => expect((await server.board(board.id)).cards[cardId]).toBeDefined(),
        { timeout: 10_000, interval: 100 },
      );
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
      ana.destroy();
    }
  }, 30_000);
});
