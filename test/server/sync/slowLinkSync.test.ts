/**
 * A client on a slow link (a hotel's Wi-Fi, a phone connection) joining a board bigger than it
 * can read in two ping intervals: the pings queued behind the board's sync reply are answered
 * only once the client has read all of it. Judged on them alone, the connection was taken for
 * dead and terminated every 10 s ("no answer to ping"), and the board never loaded: found by
 * QA with a 300-card board (500 KB) at 30 KB/s. The sync reply now buys its bytes' time at
 * the slowest link the server waits for, until a ping sent after it is answered: a client that
 * read the board and then dropped without a close is found dead by its pings as any other, not
 * kept for the board's time at the slowest link (18 s for this one; 35 min for 17 MB).
 */
import { describe, expect, it } from 'vitest';
import { addClaims } from '../../../shared/board/commands/cards';
import { SYSTEM_ACTOR } from '../../../shared/board/actor';
import { cardsMap } from '../../../shared/board/schema';
import { connectProvider } from '../../helpers/connectProvider';
import { startRelay } from '../../helpers/startRelay';
import { type SyncTestServer, startSyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

const PING_INTERVAL_MS = 200;
const CARDS = 100;
/** About 150 KB of board: at 40 KB/s, about 4 s to read, twenty ping intervals. */
const CLAIM =
  'A claim long enough to make a board that a slow link takes seconds to bring. '.repeat(19);
const BYTES_PER_SECOND = 40_000;

/** A sync server on a board of CARDS cards; all closed after `run`. */
async function withBigBoard(
  run: (server: SyncTestServer, boardId: string) => Promise<void>,
): Promise<void> {
  const server = await startSyncTestServer({ options: { pingIntervalMs: PING_INTERVAL_MS } });
  try {
    const boardId = await server.createBoard();
    await server.sync.change(boardId, SYSTEM_ACTOR, (doc) =>
      addClaims(
        doc,
        Array.from({ length: CARDS }, (_, i) => ({ claim: `${i} ${CLAIM}` })),
        { actor: SYSTEM_ACTOR },
      ),
    );
    await run(server, boardId);
  } finally {
    await server.close();
  }
}

describe('a board joined over a slow link', () => {
  it('loads, on its first connection, however many pings wait behind it', async () => {
    await withBigBoard(async (server, boardId) => {
      const relay = await startRelay(server.syncUrl, { bytesPerSecond: BYTES_PER_SECOND });
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
        await relay.close();
      }
    });
  }, 30_000);

  it('once read, no longer keeps a connection that drops without a close from its pings', async () => {
    await withBigBoard(async (server, boardId) => {
      const relay = await startRelay(server.syncUrl);
      const join = async (url: string) => {
        const client = connectProvider(
          url,
          boardId,
          (await server.invite(boardId, 'editor')).token,
        );
        await client.synced();
        return client;
      };
      const dropped = await join(relay.url);
      const watcher = await join(server.syncUrl);
      try {
        const seen = () => watcher.provider.awareness.getStates().get(dropped.doc.clientID);
        dropped.provider.awareness.setLocalStateField('openCard', 'last card');
        await waitFor(() => seen()?.openCard === 'last card', { what: 'its presence' });
        // A few rounds: a ping sent after the board's sync reply is answered.
        await new Promise((resolve) => setTimeout(resolve, 5 * PING_INTERVAL_MS));
        relay.silence();
        // Well under the 18 s the reply's 150 KB buy at 8 KB/s.
        await waitFor(() => !seen(), { what: 'the dropped connection found dead', timeout: 8_000 });
      } finally {
        await relay.close();
        dropped.destroy();
        watcher.destroy();
      }
    });
  }, 30_000);
});
