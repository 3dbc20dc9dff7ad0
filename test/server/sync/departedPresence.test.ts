/**
 * A board held open by one page while visitors come and go: presence (y-protocols awareness)
 * kept the clock of every client id that ever left, on the server and in the page, until the
 * room unloaded or the page closed (201 entries after 200 visits, README "Memory over weeks").
 * It forgets a departed id once that can no longer matter (forgetDepartedClients: 60 s by
 * default, 0 here so that the test need not wait). And the test helper's clients leave nothing
 * running behind them: each visitor's awareness kept its 3 s interval, and with it its doc, for
 * as long as the test process lived.
 */
import { describe, expect, it } from 'vitest';
import type { BoardConnection } from '../../../client/sync/BoardConnection';
import { connectProvider } from '../../helpers/connectProvider';
import { connectWithToken } from '../../helpers/connectWithToken';
import { startSyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

const VISITS = 200;

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('presence of clients that left a board held open', () => {
  it(`is forgotten on the server and in the page after ${VISITS} visits`, async () => {
    const server = await startSyncTestServer({ options: { presenceForgetMs: 0 } });
    let page: BoardConnection | undefined;
    try {
      const boardId = await server.createBoard();
      const lead = await server.invite(boardId, 'lead');
      const visitor = await server.invite(boardId, 'editor');
      page = connectWithToken(server.syncUrl.replace(/\/sync$/, ''), boardId, lead.token, {
        presenceForgetMs: 0,
      });
      const shown = (clientId: number) => page!.awareness.getStates().has(clientId);
      await waitFor(() => page!.getSnapshot().status.kind === 'saved', { what: 'the page' });
      const timersBefore = timers();
      for (let i = 0; i < VISITS; i++) {
        const client = connectProvider(server.syncUrl, boardId, visitor.token);
        // y-protocols ignores a client's first state at clock 0: this one is its clock 1.
        client.provider.awareness.setLocalStateField('openCard', `card ${i}`);
        await waitFor(() => shown(client.doc.clientID), { what: `visitor ${i} shown` });
        client.destroy();
        await waitFor(() => !shown(client.doc.clientID), { what: `visitor ${i} gone` });
      }
      // The page's and the server's own ids, and at most the last visitor's.
      expect(server.sync.stats().presenceRemembered).toBeLessThanOrEqual(3);
      expect(page.awareness.meta.size).toBeLessThanOrEqual(2);
      // Without destroying its awareness, each visitor left one interval running (+200).
      expect(timers() - timersBefore).toBeLessThan(VISITS / 10);
    } finally {
      page?.destroy();
      await server.close();
    }
  });
});
