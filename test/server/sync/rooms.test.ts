import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  readBoard,
  readMeta,
  SCHEMA_VERSION,
  schemaVersionOf,
} from '../../../shared/board';
import { createMemoryStorage } from '../../../server/storage/createMemoryStorage';
import { createSqliteStorage } from '../../../server/storage/createSqliteStorage';
import type { SyncStorage } from '../../../server/storage/Storage';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { makeTempDir } from '../../helpers/tempDir';
import { waitFor } from '../../helpers/waitFor';

const ada = { actor: { id: 'ada', name: 'Ada' } };

/** Memory storage whose loads can be counted and delayed, and whose saves can be made to fail. */
function instrumented() {
  const inner = createMemoryStorage();
  const s = {
    loads: 0,
    loadDelayMs: 0,
    failLoads: 0,
    failSaves: 0,
    failedSaves: 0,
    failCompactions: false,
    compactions: 0,
  };
  const storage: SyncStorage = {
    ...inner,
    async loadContent(boardId) {
      s.loads++;
      if (s.failLoads > 0) {
        s.failLoads--;
        throw Object.assign(new Error('disk gone'), { code: 'SQLITE_IOERR' });
      }
      if (s.loadDelayMs) await new Promise((r) => setTimeout(r, s.loadDelayMs));
      return inner.loadContent(boardId);
    },
    async appendBatch(boardId, batch) {
      if (s.failSaves > 0) {
        s.failSaves--;
        s.failedSaves++;
        throw Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
      }
      return inner.appendBatch(boardId, batch);
    },
    async compact(boardId, uptoSeq, at, options) {
      s.compactions++;
      if (s.failCompactions) throw new Error('compaction thread died');
      return inner.compact(boardId, uptoSeq, at, options);
    },
  };
  return { storage, s };
}

describe('rooms', () => {
  let server: SyncTestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });
  const connect = (boardId: string, token: string) => {
    const c = connectProvider(server.syncUrl, boardId, token);
    clients.push(c);
    return c;
  };
  /** Waits for the room to unload, then joins again: exactly one more load. */
  const rejoinAfterUnload = async (boardId: string, token: string, s: { loads: number }) => {
    await waitFor(() => server.sync.stats().rooms === 0, { what: 'room unloaded' });
    const loads = s.loads;
    const client = connect(boardId, token);
    await client.synced();
    expect(s.loads).toBe(loads + 1);
    return client;
  };

  it('concurrent first joins share one load, and messages wait for it', async () => {
    const { storage, s } = instrumented();
    server = await startSyncTestServer({ storage, options: { roomGraceMs: 50 } });
    const boardId = await server.createBoard();
    await waitFor(() => server.sync.stats().rooms === 0, { what: 'room unloaded' });
    s.loads = 0;
    s.loadDelayMs = 300;
    const { token } = await server.invite(boardId, 'editor');
    const many = Array.from({ length: 8 }, () => connect(boardId, token));
    // Writes made before the board has loaded are queued, not lost.
    addClaim(many[0]!.doc, { claim: 'Written during the load' }, many[0]!.as);
    await Promise.all(many.map((c) => c.synced()));
    expect(s.loads).toBe(1);
    for (const c of many) {
      await waitFor(() => Object.keys(readBoard(c.doc).cards).length === 1);
    }
    await many[0]!.allSaved();
  });

  it('a failed load closes the waiting sockets (1001, so clients retry) and the next join loads again', async () => {
    const { storage, s } = instrumented();
    server = await startSyncTestServer({ storage, options: { roomGraceMs: 50 } });
    const boardId = await server.createBoard();
    await waitFor(() => server.sync.stats().rooms === 0, { what: 'room unloaded' });
    s.failLoads = 1;
    const a = connect(boardId, (await server.invite(boardId, 'editor')).token);
    await a.synced();
    expect(a.closes[0]?.code).toBe(1001);
    expect(s.failLoads).toBe(0);
    expect(readBoard(a.doc).meta.title).toBe('Test board');
  });

  it('unloads a room after the grace period and reloads it with everything', async () => {
    const { storage, s } = instrumented();
    server = await startSyncTestServer({ storage, options: { roomGraceMs: 100 } });
    const boardId = await server.createBoard();
    const { token } = await server.invite(boardId, 'editor');
    const a = connect(boardId, token);
    await a.synced();
    for (let i = 0; i < 5; i++) addClaim(a.doc, { claim: `Claim ${i}` }, a.as);
    await a.allSaved();
    a.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.sync.stats().rooms).toBe(1); // still inside the grace period
    const b = await rejoinAfterUnload(boardId, token, s);
    expect(Object.keys(readBoard(b.doc).cards)).toHaveLength(5);
  });

  it('a failing compaction loses nothing and is not retried at every turn', async () => {
    const { storage, s } = instrumented();
    s.failCompactions = true;
    const warnings: string[] = [];
    server = await startSyncTestServer({
      storage,
      options: { roomGraceMs: 50, compactEvery: 3 },
      log: (level, message) => {
        if (level === 'warn') warnings.push(message);
      },
    });
    const boardId = await server.createBoard();
    const { token } = await server.invite(boardId, 'editor');
    const a = connect(boardId, token);
    await a.synced();
    for (let i = 0; i < 12; i++) {
      addClaim(a.doc, { claim: `Claim ${i}` }, a.as);
      await new Promise((r) => setTimeout(r, 2));
    }
    await a.allSaved();
    expect(warnings).toContain('compaction failed; will retry');
    expect(s.compactions).toBe(1); // one try, then a wait of seconds, not one per turn
    a.destroy();
    const b = await rejoinAfterUnload(boardId, token, s);
    expect(Object.keys(readBoard(b.doc).cards)).toHaveLength(12);
    expect((await storage.loadContent(boardId)).snapshot).toBeNull();
  });

  it('migrates a board stored in an older layout when it loads it (B10), once', async () => {
    const { storage, s } = instrumented();
    server = await startSyncTestServer({ storage, options: { roomGraceMs: 50 } });
    // A board written by an old client: a card, no schema version, no meta.
    const boardId = 'old-board';
    await storage.createBoard({ id: boardId, title: 'Old', createdAt: Date.now() });
    const old = new Y.Doc();
    const cardId = addClaim(old, { claim: 'Written before versions' }, ada);
    await storage.appendBatch(boardId, {
      updates: [Y.encodeStateAsUpdate(old)],
      bindings: [],
      history: [],
      at: Date.now(),
    });
    const { token } = await server.invite(boardId, 'viewer');
    const a = connect(boardId, token);
    await a.synced();
    await waitFor(() => schemaVersionOf(a.doc) === SCHEMA_VERSION, { what: 'migrated layout' });
    expect(readMeta(a.doc).ratingScale.labels.length).toBeGreaterThan(0);
    expect(readBoard(a.doc).cards[cardId]?.claim).toBe('Written before versions');
    expect(await storage.listHistory(boardId, { limit: 10 })).toMatchObject({ events: [] });

    // Stored: a reload finds the current layout and has nothing to migrate.
    a.destroy();
    await waitFor(() => server.sync.stats().rooms === 0, { what: 'room unloaded' });
    const content = await storage.loadContent(boardId);
    const stored = new Y.Doc();
    for (const u of [content.snapshot, ...content.updates]) if (u) Y.applyUpdate(stored, u);
    expect(schemaVersionOf(stored)).toBe(SCHEMA_VERSION);
    await rejoinAfterUnload(boardId, token, s);
    expect((await storage.loadContent(boardId)).updates.length).toBe(content.updates.length);
  });

  it('a join within the grace period keeps the loaded room', async () => {
    const { storage, s } = instrumented();
    server = await startSyncTestServer({ storage, options: { roomGraceMs: 300 } });
    const boardId = await server.createBoard();
    const { token } = await server.invite(boardId, 'editor');
    const a = connect(boardId, token);
    await a.synced();
    const loads = s.loads;
    a.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const b = connect(boardId, token);
    await b.synced();
    await new Promise((r) => setTimeout(r, 400));
    expect(server.sync.stats().rooms).toBe(1);
    expect(s.loads).toBe(loads);
  });

  it('a failed save is retried, counted for /metrics, and loses nothing; nothing is broadcast or acknowledged before', async () => {
    const { storage, s } = instrumented();
    server = await startSyncTestServer({ storage, options: { retryMinMs: 100 } });
    const boardId = await server.createBoard();
    const { token } = await server.invite(boardId, 'editor');
    const a = connect(boardId, token);
    const b = connect(boardId, token);
    await Promise.all([a.synced(), b.synced()]);
    s.failSaves = 2;
    const id = addClaim(a.doc, { claim: 'Survives two failed saves' }, a.as);
    await waitFor(() => s.failedSaves === 1);
    expect(readBoard(b.doc).cards[id]).toBeUndefined();
    expect(a.saved.get(a.doc.clientID)).toBeUndefined();
    await a.allSaved();
    expect(s.failedSaves).toBe(2);
    // A full disk logs only warnings: this count (factboard_sync_save_failures_total) is what
    // an operator's alert can watch.
    expect(server.sync.counters.saveFailures).toBe(2);
    await waitFor(() => readBoard(b.doc).cards[id]);
    const content = await storage.loadContent(boardId);
    const stored = new Y.Doc();
    for (const u of [content.snapshot, ...content.updates]) if (u) Y.applyUpdate(stored, u);
    expect(readBoard(stored).cards[id]?.claim).toBe('Survives two failed saves');
  });

  // Compaction runs beside the room (on SQLite's compaction thread): the tests wait for it.
  const backends: [string, () => { storage: SyncStorage; dispose(): void }][] = [
    ['memory', () => ({ storage: createMemoryStorage(), dispose: () => {} })],
    [
      'sqlite',
      () => {
        const dir = makeTempDir();
        return {
          storage: createSqliteStorage(`${dir.path}/factboard.sqlite`),
          dispose: () => dir.remove(),
        };
      },
    ],
  ];

  /** Adds 25 claims, 2 ms apart; returns what the storage holds once compaction settles. */
  const writeAndCompact = async (boardId: string, storage: SyncStorage) => {
    const a = connect(boardId, (await server.invite(boardId, 'editor')).token);
    await a.synced();
    for (let i = 0; i < 25; i++) {
      addClaim(a.doc, { claim: `Claim ${i}` }, a.as);
      await new Promise((r) => setTimeout(r, 2));
    }
    await a.allSaved();
    const content = await waitFor(
      async () => {
        const c = await storage.loadContent(boardId);
        return c.snapshot && c.updatesSinceSnapshot < 10 ? c : null;
      },
      { what: 'a snapshot with fewer than 10 updates after it' },
    );
    const stored = new Y.Doc();
    for (const u of [content.snapshot, ...content.updates]) if (u) Y.applyUpdate(stored, u);
    expect(Object.keys(readBoard(stored).cards)).toHaveLength(25);
  };

  for (const [name, open] of backends) {
    it(`compacts the log into a snapshot every compactEvery updates (${name})`, async () => {
      const { storage, dispose } = open();
      try {
        server = await startSyncTestServer({ storage, options: { compactEvery: 10 } });
        await writeAndCompact(await server.createBoard(), storage);
      } finally {
        await server.close();
        await storage.close();
        dispose();
      }
    });

    it(`prunes what a snapshot covers once it is older than the retention period (${name})`, async () => {
      const { storage, dispose } = open();
      try {
        server = await startSyncTestServer({
          storage,
          options: { compactEvery: 10, logRetentionDays: 0 },
        });
        const boardId = await server.createBoard();
        const startedAt = Date.now();
        await writeAndCompact(boardId, storage);
        // The board as of its first moments is outside retention: those log rows are gone.
        await waitFor(
          async () => (await storage.loadContentAt(boardId, startedAt)).updates.length === 0,
          {
            what: 'the first moments pruned',
          },
        );
      } finally {
        await server.close();
        await storage.close();
        dispose();
      }
    });
  }
});
