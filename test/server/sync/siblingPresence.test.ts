/**
 * Two tabs of one invite (a person with two windows, or a newsroom sharing a link): when one
 * closes, its presence leaves the other's board at once (QA27: it stayed up to 30 s in 7 of 12
 * runs). y-protocols ignores a new client's first state at clock 0, the {} a provider starts
 * with, so a tab that had set nothing owned no presence id on the server, and took over the
 * other tab's when its provider relayed it back; the other tab's close then removed nothing.
 */
import { describe, expect, it } from 'vitest';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { startSyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

describe('presence of a tab that closes beside another tab of the same invite', () => {
  it('leaves the other tab and a newcomer, each of 4 times', async () => {
    const server = await startSyncTestServer({});
    const clients: TestClient[] = [];
    try {
      const boardId = await server.createBoard();
      const { token } = await server.invite(boardId, 'editor');
      const join = async () => {
        const client = connectProvider(server.syncUrl, boardId, token);
        clients.push(client);
        await client.synced();
        return client;
      };
      // Its state stays the provider's initial {}.
      const stays = await join();
      const seenBy = (watcher: TestClient, tab: TestClient) =>
        watcher.provider.awareness.getStates().get(tab.doc.clientID);
      for (let round = 0; round < 4; round++) {
        const closes = await join();
        closes.provider.awareness.setLocalStateField('openCard', `card ${round}`);
        await waitFor(() => seenBy(stays, closes)?.openCard === `card ${round}`, {
          what: 'the closing tab’s presence',
        });
        // Long enough for the other tab's provider to relay it back to the server.
        await new Promise((resolve) => setTimeout(resolve, 200));
        closes.destroy();
        await waitFor(() => !seenBy(stays, closes), {
          timeout: 3_000,
          what: `the closed tab to leave the other tab’s presence (round ${round})`,
        });
        const newcomer = await join();
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(seenBy(newcomer, closes)).toBeUndefined();
        newcomer.destroy();
      }
    } finally {
      for (const client of clients) client.destroy();
      await server.close();
    }
  });
});
