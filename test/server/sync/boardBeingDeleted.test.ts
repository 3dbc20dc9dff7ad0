/**
 * While a board is being deleted (SyncServer.deleteBoard, storage's part still running): a new
 * connection is told 1001 "board being deleted" and, trying again as y-websocket does, 4404
 * once the deletion is done. If storage's part fails, the board carries on: the sockets held
 * for the deletion are let go, one that sent nothing meanwhile stays open and edits on, and one
 * whose edit arrived while held (dropped) is closed with 1001 "board not deleted", so that its
 * client's next sync sends the edit again: nothing of either is lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addClaim, readBoard } from '../../../shared/board';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { connectRaw } from '../../helpers/rawClient';
import { serverHasRead } from '../../helpers/serverHasRead';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';
import type { WebSocket } from 'ws';

let server: SyncTestServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = null;
});

/** Storage's part of a deletion, held until the test lets it go on (or fail). */
function heldRemoval(run: () => Promise<boolean>) {
  let started = false;
  let go!: (outcome: 'delete' | Error) => void;
  const outcome = new Promise<'delete' | Error>((resolve) => (go = resolve));
  return {
    started: () => started,
    go,
    remove: async () => {
      started = true;
      const o = await outcome;
      if (o instanceof Error) throw o;
      return run();
    },
  };
}

const claims = async (s: SyncTestServer, boardId: string) =>
  s.sync.read(boardId, (doc) =>
    Object.values(readBoard(doc).cards)
      .map((c) => c.claim)
      .sort(),
  );

describe('a board being deleted', () => {
  it('tells a connection opened meanwhile 1001 "board being deleted", and 4404 once it is gone', async () => {
    server = await startSyncTestServer();
    const s = server;
    const boardId = await s.createBoard();
    const lead = await s.invite(boardId, 'lead');
    const removal = heldRemoval(() => s.storage.deleteBoard(boardId));
    const deletion = s.sync.deleteBoard(boardId, removal.remove);
    await waitFor(removal.started, { what: 'storage’s part of the deletion under way' });

    expect(await connectRaw(s.syncUrl, boardId, lead.token).closedWithin()).toEqual({
      code: CLOSE.goingAway,
      reason: 'board being deleted',
    });
    // y-websocket tries again after a 1001, and keeps being told so until the deletion ends.
    const client = connectProvider(s.syncUrl, boardId, lead.token);
    clients.push(client);
    await waitFor(() => client.closes.length >= 2, { what: 'a second try during the deletion' });
    expect(client.closes.every((c) => c.code === CLOSE.goingAway)).toBe(true);

    removal.go('delete');
    expect(await deletion).toBe(true);
    await waitFor(() => client.closes.some((c) => c.code === CLOSE.unknownBoard), {
      what: 'the next try told the board is gone',
    });
    expect(client.closes.at(-1)).toEqual({ code: CLOSE.unknownBoard, reason: 'unknown board' });
    expect(client.provider.synced).toBe(false);
  });

  it('lets the held sockets go on when storage fails to delete: the quiet one stays open, the one whose edit was dropped is closed and sends it again', async () => {
    server = await startSyncTestServer();
    const s = server;
    const boardId = await s.createBoard();
    const quiet = connectProvider(s.syncUrl, boardId, (await s.invite(boardId, 'editor')).token);
    const busy = connectProvider(s.syncUrl, boardId, (await s.invite(boardId, 'editor')).token);
    clients.push(quiet, busy);
    await Promise.all([quiet.synced(), busy.synced()]);
    addClaim(quiet.doc, { claim: 'Stored before the deletion' }, quiet.as);
    await quiet.allSaved();

    const removal = heldRemoval(() => s.storage.deleteBoard(boardId));
    const deletion = s.sync.deleteBoard(boardId, removal.remove);
    await waitFor(removal.started, { what: 'storage’s part of the deletion under way' });
    // Sent while the socket is held: the server reads it and drops it.
    addClaim(busy.doc, { claim: 'Sent while the board was being deleted' }, busy.as);
    await serverHasRead(busy.provider.ws as unknown as WebSocket);

    removal.go(new Error('disk I/O error'));
    await expect(deletion).rejects.toThrow('disk I/O error');

    await waitFor(() => busy.closes.length > 0, { what: 'the socket that lost an edit closed' });
    expect(busy.closes[0]).toEqual({ code: CLOSE.goingAway, reason: 'board not deleted' });
    // y-websocket reconnects, and its sync sends the dropped edit again.
    await busy.allSaved();
    addClaim(quiet.doc, { claim: 'Written after the failed deletion' }, quiet.as);
    await quiet.allSaved();
    expect(quiet.closes).toEqual([]);
    expect(await claims(s, boardId)).toEqual([
      'Sent while the board was being deleted',
      'Stored before the deletion',
      'Written after the failed deletion',
    ]);
    expect((await s.storage.getBoard(boardId))?.id).toBe(boardId);
    // And new connections are taken again.
    const late = connectRaw(s.syncUrl, boardId, (await s.invite(boardId, 'viewer')).token);
    await late.sync();
    late.close();
  });
});
