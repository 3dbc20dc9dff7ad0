/**
 * A graceful restart of the real server (startServer) on the same data directory keeps boards,
 * content, history and invites; the signing secret survives, so old tokens still work.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addClaim, readBoard } from '../../../shared/board';
import { startServer } from '../../../server/startServer';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { readAllHistory } from '../../../server/storage/readAllHistory';

describe('restart on the same data directory', () => {
  let dir: TempDir;
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    dir.remove();
  });
  const start = () =>
    startServer(
      { port: 0, host: '127.0.0.1', dataDir: dir.path, roomGraceMs: 100 },
      { client: null },
    );

  it('keeps everything: content, history, invites', async () => {
    dir = makeTempDir();
    let server = await start();
    const board = await createBoardOverRest(server.url, 'Budget speech');
    const a = await inviteOverRest(server.url, board, 'Ada', 'editor');
    const b = await inviteOverRest(server.url, board, 'Bo', 'editor');
    const sync = (url: string, token: string) => {
      const c = connectProvider(`${url.replace('http', 'ws')}/sync`, board.id, token);
      clients.push(c);
      return c;
    };
    const ca = sync(server.url, a.token);
    const cb = sync(server.url, b.token);
    await Promise.all([ca.synced(), cb.synced()]);
    for (let i = 0; i < 30; i++) {
      addClaim(ca.doc, { claim: `a${i}` }, { actor: { id: a.inviteId, name: 'Ada' } });
      addClaim(cb.doc, { claim: `b${i}` }, { actor: { id: b.inviteId, name: 'Bo' } });
    }
    await Promise.all([ca.allSaved(), cb.allSaved()]);
    const before = readBoard(ca.doc);
    const historyBefore = await readAllHistory(server.storage, board.id);
    for (const c of clients.splice(0)) c.destroy();
    await server.close();

    server = await start();
    try {
      const fresh = sync(server.url, b.token);
      await fresh.synced();
      const after = readBoard(fresh.doc);
      expect(Object.keys(after.cards)).toHaveLength(60);
      expect(after.cards).toEqual(before.cards);
      expect(after.meta.title).toBe('Budget speech');
      expect(await readAllHistory(server.storage, board.id)).toEqual(historyBefore);
      expect(historyBefore.filter((e) => e.type === 'card.created')).toHaveLength(60);
      expect((await server.storage.listInvites(board.id)).map((i) => i.name)).toEqual([
        'Lead',
        'Ada',
        'Bo',
      ]);
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      await server.close();
    }
  });
});
