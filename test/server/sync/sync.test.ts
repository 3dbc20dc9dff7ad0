import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, addClaims, moveCard, readBoard } from '../../../shared/board';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

describe('sync server with y-websocket clients', () => {
  let server: SyncTestServer;
  const clients: TestClient[] = [];
  const connect = (boardId: string, token: string) => {
    const c = connectProvider(server.syncUrl, boardId, token);
    clients.push(c);
    return c;
  };
  beforeEach(async () => {
    server = await startSyncTestServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });

  it('two unmodified WebsocketProviders converge through the server (B4)', async () => {
    const boardId = await server.createBoard('Election night');
    const a = connect(boardId, (await server.invite(boardId, 'editor')).token);
    const b = connect(boardId, (await server.invite(boardId, 'editor')).token);
    await Promise.all([a.synced(), b.synced()]);
    expect(readBoard(a.doc).meta.title).toBe('Election night');
    const id = addClaim(a.doc, { claim: 'Turnout was 80%' }, a.as);
    const other = addClaim(b.doc, { claim: 'Taxes fell' }, b.as);
    moveCard(b.doc, other, { column: 'disputed', index: 0 }, b.as);
    await waitFor(
      () => Object.keys(readBoard(a.doc).cards).length === 2 && readBoard(b.doc).cards[id],
    );
    await waitFor(() => readBoard(a.doc).cards[other]?.column === 'disputed');
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(Y.encodeStateAsUpdate(b.doc));
    const stored = await server.sync.read(boardId, (doc) => readBoard(doc));
    expect(stored.columns.disputed).toEqual([other]);
  });

  it('acknowledges stored updates with the clocks of the client’s own id (saved, type 100)', async () => {
    const boardId = await server.createBoard();
    const a = connect(boardId, (await server.invite(boardId, 'editor')).token);
    await a.synced();
    for (let i = 0; i < 20; i++) addClaim(a.doc, { claim: `Claim ${i}` }, a.as);
    await a.allSaved();
    expect(a.saved.get(a.doc.clientID)).toBe(Y.getState(a.doc.store, a.doc.clientID));
    // Everything acknowledged is in storage.
    const content = await server.storage.loadContent(boardId);
    const stored = new Y.Doc();
    for (const u of [content.snapshot, ...content.updates]) if (u) Y.applyUpdate(stored, u);
    expect(Object.keys(readBoard(stored).cards)).toHaveLength(20);
  });

  it('a server-side change() reaches connected clients and resolves after it is stored', async () => {
    const boardId = await server.createBoard();
    const a = connect(boardId, (await server.invite(boardId, 'viewer')).token);
    await a.synced();
    const id = await server.sync.change(boardId, { id: 'system', name: 'Factboard' }, (doc) =>
      addClaim(doc, { claim: 'From the server' }, { actor: { id: 'system', name: 'Factboard' } }),
    );
    expect((await server.storage.loadContent(boardId)).updates.length).toBeGreaterThan(1);
    await waitFor(() => readBoard(a.doc).cards[id]);
  });

  it('fresh clients of a large board get its current state, changes included', async () => {
    // Over a MiB of state: the server keeps the whole-board reply between changes.
    const boardId = await server.createBoard();
    const token = (await server.invite(boardId, 'editor')).token;
    const writer = connect(boardId, token);
    await writer.synced();
    for (let batch = 0; batch < 4; batch++) {
      const claims = Array.from({ length: 150 }, (_, i) => ({
        claim: `Claim ${batch}.${i} `.padEnd(2_000, 'x'),
      }));
      addClaims(writer.doc, claims, writer.as);
      await writer.allSaved();
    }
    const first = connect(boardId, token);
    await first.synced();
    expect(Object.keys(readBoard(first.doc).cards)).toHaveLength(600);
    const late = addClaim(writer.doc, { claim: 'Added after the first join' }, writer.as);
    await writer.allSaved();
    const second = connect(boardId, token);
    await second.synced();
    expect(readBoard(second.doc).cards[late]?.claim).toBe('Added after the first join');
    expect(Object.keys(readBoard(second.doc).cards)).toHaveLength(601);
    expect(Y.encodeStateVector(second.doc)).toEqual(Y.encodeStateVector(writer.doc));
  });

  it('change() and read() on an unknown board reject with board_not_found', async () => {
    await expect(server.sync.read('nope', () => 1)).rejects.toMatchObject({
      code: 'board_not_found',
    });
  });
});
