/**
 * Two tabs of one browser on one board share their save record (localStorage): a tab opened
 * after the other had written counts the other's client id as its own, so it waits for the
 * server to have stored the other tab's changes too. The server acknowledges a write only to
 * the socket that sent it; what tells the later tab is the update the server relays, which it
 * does only once stored. Found in colleagueCrossings' other-tab test, and by hand: the later
 * tab said "Saving…", then "Still saving: no answer from the server yet", until it wrote.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardConnection } from '../../client/sync/BoardConnection';
import { storageAckStore } from '../../client/sync/SaveTracker';
import { connectWithToken } from '../helpers/connectWithToken';
import { memoryStorage } from '../helpers/memoryStorage';
import {
  type Invite,
  startSyncTestServer,
  type SyncTestServer,
} from '../helpers/startSyncTestServer';

const status = (c: BoardConnection) => c.getSnapshot().status.kind;
const until = (what: () => unknown, expected: unknown) =>
  vi.waitFor(() => expect(what()).toBe(expected), { timeout: 5000 });

describe('a later tab of the same browser', () => {
  let server: SyncTestServer;
  const open: BoardConnection[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await server?.close();
  });

  it('is saved once the server relays the earlier tab’s change, which it writes nothing after', async () => {
    server = await startSyncTestServer();
    const boardId = await server.createBoard();
    const invite: Invite = await server.invite(boardId, 'editor', 'Edie');
    const { storage } = memoryStorage();
    const tab = () => {
      const c = connectWithToken(server.syncUrl.replace(/\/sync$/, ''), boardId, invite.token, {
        ackStore: storageAckStore(storage, `saved:${boardId}`),
      });
      open.push(c);
      return c;
    };

    const first = tab();
    await until(() => status(first), 'saved');
    first.commands.addClaim({ claim: 'The first tab wrote this' });
    await until(() => status(first), 'saved');

    const later = tab();
    await until(() => status(later), 'saved');
    first.commands.addClaim({ claim: 'The first tab wrote this too' });
    await until(() => status(first), 'saved');
    await until(() => Object.keys(later.getSnapshot().board.cards).length, 2);
    await until(() => status(later), 'saved');
  });
});
