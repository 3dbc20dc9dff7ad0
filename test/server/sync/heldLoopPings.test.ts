/**
 * A server whose event loop is held for longer than a ping interval (a long task, a GC pause, a
 * stalled machine) keeps the connections that answered its pings meanwhile. The ping round due
 * during the hold fires before the loop has read their pongs; judged there, they were
 * terminated, and their pages shown reconnecting while presence flickered.
 */
import { describe, expect, it } from 'vitest';
import { readBoard } from '../../../shared/board';
import { startWorker } from '../../../server/workers/startWorker';
import { connectRaw } from '../../helpers/rawClient';
import { startSyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';
import type { FromClient, OtherThreadClientData } from './fixtures/otherThreadClient';

const PING_INTERVAL_MS = 200;
/** Two and a half intervals: the round due meanwhile fires late, right after the hold. */
const HOLD_MS = 500;
const HOLDS = 3;

/** Holds this thread's event loop, the server's, as a long synchronous task would. */
function holdLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // held
  }
}

describe('pings while the server’s event loop is held', () => {
  it('keep the sockets that answered them; a write still syncs', async () => {
    const server = await startSyncTestServer({ options: { pingIntervalMs: PING_INTERVAL_MS } });
    const boardId = await server.createBoard();
    const data: OtherThreadClientData = {
      syncUrl: server.syncUrl,
      boardId,
      token: (await server.invite(boardId, 'editor')).token,
    };
    const editor = startWorker(new URL('./fixtures/otherThreadClient.ts', import.meta.url), {
      ...data,
    });
    const heard: FromClient[] = [];
    editor.on('message', (message: FromClient) => heard.push(message));
    const count = (type: FromClient['type']) => heard.filter((m) => m.type === type).length;
    try {
      await waitFor(() => count('synced') > 0, {
        timeout: 15_000,
        what: 'the editor on its own thread to sync',
      });

      // A client on this thread, so in the server's loop: it answers a ping as it reads it, then
      // holds the loop (right after a ping round, when the pongs of the round are unread). The
      // editor answers the same ping during the hold.
      const holder = connectRaw(
        server.syncUrl,
        boardId,
        (await server.invite(boardId, 'viewer')).token,
      );
      let holderClosed = false;
      void holder.closed.then(() => (holderClosed = true));
      await holder.opened();
      let holds = 0;
      holder.ws.on('ping', () => {
        if (holds === HOLDS) return;
        holds++;
        setImmediate(() => holdLoop(HOLD_MS));
      });
      const dropped = () => count('closed') > 0 || holderClosed;
      await waitFor(() => holds === HOLDS || dropped(), { timeout: 10_000, what: 'the holds' });
      const pingsThen = count('ping');
      await waitFor(() => count('ping') >= pingsThen + 3 || dropped(), {
        timeout: 10_000,
        what: 'three more ping rounds',
      });

      expect(heard.filter((m) => m.type === 'closed')).toEqual([]);
      expect(holderClosed).toBe(false);
      editor.postMessage({ type: 'write', claim: 'Turnout was 80%' });
      const saved = await waitFor(
        () => heard.find((m): m is Extract<FromClient, { type: 'saved' }> => m.type === 'saved'),
        {
          what: 'the write to be stored',
        },
      );
      const stored = await server.sync.read(boardId, (doc) => readBoard(doc));
      expect(stored.cards[saved.cardId]?.claim).toBe('Turnout was 80%');
      holder.close();
    } finally {
      await editor.terminate();
      await server.close();
    }
  });
});
