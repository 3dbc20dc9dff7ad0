/**
 * A colleague whose connection drops without a close frame (Wi-Fi lost, laptop shut) leaves the
 * others' presence once the server's pings find the connection dead (QA14 F1: it stayed for
 * 30 s, the awareness timeout, which 30 s pings did not beat). An idle colleague, whose socket
 * answers the pings, stays, and so does one back on a new socket before the old one is found
 * dead (the old one's close took their presence away).
 */
import { describe, expect, it } from 'vitest';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { startRelay } from '../../helpers/startRelay';
import { startSyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

/** What the brief for QA14 F1 asks: gone from the others' boards within about 15 s. */
const GONE_WITHIN_MS = 15_000;

describe('presence of a colleague whose connection drops without a close', () => {
  it('leaves the others within 15 s with the default ping interval; an idle one stays', async () => {
    const server = await startSyncTestServer();
    const relay = await startRelay(server.syncUrl);
    const clients: TestClient[] = [];
    try {
      const boardId = await server.createBoard();
      const join = async (url: string) => {
        const client = connectProvider(
          url,
          boardId,
          (await server.invite(boardId, 'editor')).token,
        );
        clients.push(client);
        await client.synced();
        return client;
      };
      const dropped = await join(relay.url);
      const idle = await join(server.syncUrl);
      const watcher = await join(server.syncUrl);
      const seen = (client: TestClient) =>
        watcher.provider.awareness.getStates().get(client.doc.clientID);
      idle.provider.awareness.setLocalStateField('openCard', 'idle card');
      await waitFor(() => seen(idle)?.openCard === 'idle card', { what: 'idle presence' });
      // A fresh state just before the drop: awareness alone would keep it for 30 s.
      dropped.provider.awareness.setLocalStateField('openCard', 'last card');
      await waitFor(() => seen(dropped)?.openCard === 'last card', { what: 'dropped presence' });

      relay.silence();

      await waitFor(() => !seen(dropped), {
        timeout: GONE_WITHIN_MS,
        what: 'the dropped colleague to leave presence',
      });
      expect(seen(idle)).toMatchObject({ openCard: 'idle card' });
    } finally {
      await relay.close();
      for (const client of clients) client.destroy();
      await server.close();
    }
  });

  it('stays for a colleague back on a new socket before the old one is found dead', async () => {
    const server = await startSyncTestServer({ options: { pingIntervalMs: 100 } });
    const relay = await startRelay(server.syncUrl);
    const clients: TestClient[] = [];
    try {
      const boardId = await server.createBoard();
      const join = async (url: string) => {
        const client = connectProvider(
          url,
          boardId,
          (await server.invite(boardId, 'editor')).token,
        );
        clients.push(client);
        await client.synced();
        return client;
      };
      const back = await join(relay.url);
      const watcher = await join(server.syncUrl);
      const seen = () => watcher.provider.awareness.getStates().get(back.doc.clientID);
      let left = false;
      watcher.provider.awareness.on('change', ({ removed }: { removed: number[] }) => {
        if (removed.includes(back.doc.clientID)) left = true;
      });
      back.provider.awareness.setLocalStateField('openCard', 'first');
      await waitFor(() => seen()?.openCard === 'first', { what: 'presence' });

      // Offline and back, as the page does: its old socket is dead but not yet closed.
      relay.silence();
      back.provider.disconnect();
      back.provider.connect();
      await back.synced();
      await waitFor(() => relay.openLinks() === 1, { what: 'the dead socket to be closed' });
      back.provider.awareness.setLocalStateField('openCard', 'second');

      await waitFor(() => seen()?.openCard === 'second', { what: 'the new presence' });
      expect(left).toBe(false);
    } finally {
      await relay.close();
      for (const client of clients) client.destroy();
      await server.close();
    }
  });
});
