/**
 * A client on a slow link (a hotel's Wi-Fi, a phone connection) joining a board bigger than it
 * can read in two ping intervals: the pings queued behind the board's sync reply are answered
 * only once the client has read all of it. Judged on them alone, the connection was taken for
 * dead and terminated every 10 s ("no answer to ping"), and the board never loaded: found by
 * QA with a 300-card board (500 KB) at 30 KB/s. The sync reply now buys its bytes' time at
 * the slowest link the server waits for.
 */
import { describe, expect, it } from 'vitest';
import { addClaims } from '../../../shared/board/commands/cards';
import { SYSTEM_ACTOR } from '../../../shared/board/actor';
import { cardsMap } from '../../../shared/board/schema';
import { connectProvider } from '../../helpers/connectProvider';
import { startRelay } from '../../helpers/startRelay';
import { startSyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

const PING_INTERVAL_MS = 200;
const CARDS = 100;
/** About 150 KB of board: at 40 KB/s, about 4 s to read, twenty ping intervals. */
const CLAIM =
  'A claim long enough to make a board that a slow link takes seconds to bring. '.repeat(19);
const BYTES_PER_SECOND = 40_000;

describe('a board joined over a slow link', () => {
  it('loads, on its first connection, however many pings wait behind it', async () => {
    const server = await startSyncTestServer({ options: { pingIntervalMs: PING_INTERVAL_MS } });
    const relay = await startRelay(server.syncUrl, { bytesPerSecond: BYTES_PER_SECOND });
    try {
      const boardId = await server.createBoard();
      await server.sync.change(boardId, SYSTEM_ACTOR, (doc) =>
        addClaims(
          doc,
          Array.from({ length: CARDS }, (_, i) => ({ claim: `${i} ${CLAIM}` })),
          { actor: SYSTEM_ACTOR },
        ),
      );
      const slow = connectProvider(
        relay.url,
        boardId,
        (await server.invite(boardId, 'editor')).token,
      );
      try {
        await waitFor(() => slow.provider.synced, { what: 'the board loaded', timeout: 15_000 });
        expect(cardsMap(slow.doc).size).toBe(CARDS);
        expect(slow.closes).toEqual([]);
      } finally {
        slow.destroy();
      }
    } finally {
      await relay.close();
      await server.close();
    }
  }, 30_000);
});
