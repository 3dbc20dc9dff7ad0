/**
 * A board deleted from storage while its room is storing a batch (the sync server deletes it
 * after its room's queue, but storage is the last word): the batch, refused as the board's
 * (board_not_found), is not retried for ever; the server changes in it and queued behind it
 * fail as an unknown board (REST: 404), and nothing of them is stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../shared/board/actor';
import { addClaim } from '../../../shared/board';
import { createMemoryStorage } from '../../../server/storage/createMemoryStorage';
import { UnknownBoardError } from '../../../server/sync/UnknownBoardError';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';
import { pausableStorage } from '../../client/pausableStorage';

let server: SyncTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('a board deleted while its room stores a batch', () => {
  it('fails the changes in that batch and behind it as an unknown board, without retrying', async () => {
    const inner = createMemoryStorage();
    const paused = pausableStorage(inner);
    server = await startSyncTestServer({
      storage: paused.storage,
      options: { retryMinMs: 5, retryMaxMs: 20 },
    });
    const boardId = await server.createBoard('Doomed');
    const before = (await inner.loadContent(boardId)).updates.length;

    paused.pause();
    const change = (claim: string) =>
      server!.sync
        .change(boardId, SYSTEM_ACTOR, (doc) => addClaim(doc, { claim }, { actor: SYSTEM_ACTOR }))
        .then(
          () => 'stored',
          (error: unknown) => (error instanceof UnknownBoardError ? 'unknown board' : error),
        );
    const first = change('Stored as the board is deleted');
    await waitFor(() => paused.waiting === 1, { what: 'the first batch on its way to storage' });
    const second = change('Queued behind it');

    expect(await inner.deleteBoard(boardId)).toBe(true);
    paused.resume();
    expect(await first).toBe('unknown board');
    expect(await second).toBe('unknown board');
    expect(before).toBeGreaterThan(0);
    expect((await inner.loadContent(boardId)).updates).toEqual([]);
  });
});
