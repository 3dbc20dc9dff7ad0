/**
 * Durability under crash (issue 2 item 8): the real server as a child process, two clients
 * writing about 100 updates a second each, SIGKILL mid-stream, restart on the same data dir.
 * Every update acknowledged as saved is in the stored data before anyone reconnects, and every
 * unacknowledged one arrives after the clients reconnect: zero lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, readBoard } from '../../../shared/board';
import { createSqliteStorage } from '../../../server/storage/createSqliteStorage';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { freePort, type ServerProcess, startServerProcess } from '../../helpers/serverProcess';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { waitFor } from '../../helpers/waitFor';

interface Writer {
  readonly client: TestClient;
  /** Claim text → the client's own clock once that claim was written. */
  readonly clocks: Map<string, number>;
  timer?: NodeJS.Timeout;
}

describe('crash: SIGKILL mid-stream', () => {
  let dir: TempDir;
  let server: ServerProcess | null = null;
  const writers: Writer[] = [];
  afterEach(async () => {
    for (const w of writers.splice(0)) {
      clearInterval(w.timer);
      w.client.destroy();
    }
    await server?.kill('SIGKILL');
    dir.remove();
  });

  it('loses no acknowledged update, and no unacknowledged one after reconnecting', async () => {
    dir = makeTempDir();
    const port = await freePort();
    server = await startServerProcess({ dataDir: dir.path, port });
    const board = await createBoardOverRest(server.url, 'Crash board');
    const syncUrl = `ws://127.0.0.1:${port}/sync`;
    for (const name of ['Ada', 'Bo']) {
      const invite = await inviteOverRest(server.url, board, name, 'editor');
      const client = connectProvider(syncUrl, board.id, invite.token);
      await client.synced();
      const w: Writer = { client, clocks: new Map() };
      const ctx = { actor: { id: invite.inviteId, name } };
      let n = 0;
      // About 100 updates a second, also while the server is down (kept until reconnect).
      w.timer = setInterval(() => {
        const claim = `${name}-${n++}`;
        addClaim(client.doc, { claim }, ctx);
        w.clocks.set(claim, Y.getState(client.doc.store, client.doc.clientID));
      }, 10);
      writers.push(w);
    }
    await waitFor(
      () => writers.every((w) => (w.client.saved.size > 0 ? w.clocks.size > 80 : false)),
      {
        what: 'writers under way and acknowledged',
      },
    );

    await server.kill('SIGKILL');
    server = null;
    const acked = writers.flatMap((w) => {
      const savedClock = w.client.saved.get(w.client.doc.clientID) ?? 0;
      return [...w.clocks].filter(([, clock]) => clock <= savedClock).map(([claim]) => claim);
    });
    expect(acked.length).toBeGreaterThan(100);
    // Keep writing while the server is down.
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Before anyone reconnects: what the dead server stored holds every acknowledged update.
    const storage = createSqliteStorage(`${dir.path}/factboard.sqlite`);
    const content = await storage.loadContent(board.id);
    await storage.close();
    const stored = new Y.Doc();
    for (const u of [content.snapshot, ...content.updates]) if (u) Y.applyUpdate(stored, u);
    const storedClaims = new Set(Object.values(readBoard(stored).cards).map((c) => c.claim));
    expect(acked.filter((claim) => !storedClaims.has(claim))).toEqual([]);

    server = await startServerProcess({ dataDir: dir.path, port });
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const w of writers) clearInterval(w.timer);
    const written = writers.flatMap((w) => [...w.clocks.keys()]);
    expect(written.length).toBeGreaterThan(acked.length);
    await Promise.all(writers.map((w) => w.client.allSaved(15_000)));

    const fresh = connectProvider(syncUrl, board.id, board.leadToken);
    try {
      await fresh.synced();
      const claims = new Set(Object.values(readBoard(fresh.doc).cards).map((c) => c.claim));
      expect(written.filter((claim) => !claims.has(claim))).toEqual([]);
      expect(claims.size).toBe(written.length);
    } finally {
      fresh.destroy();
    }
  });
});
