/**
 * Opening a board whose own edits wait in the pending log while the disk is full (found by QA:
 * it could not be opened, 4507, until space was freed, though the server held every byte of
 * it). The board now loads from the tables plus its batches that wait, in memory: a reload
 * during the outage sees every edit, its new edits wait like any other, and once space returns
 * everything is stored, each edit once, as a restart shows. The server, its SQLite file and the
 * y-websocket clients are real; the pending log's moves into the tables meet SQLite's own
 * failure (refuseMoves), and the rooms' appends a real SQLITE_FULL while `full` holds.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { addClaim, readBoard } from '../../../shared/board';
import type { SqliteStorage } from '../../../server/storage/createSqliteStorage';
import type { SyncStorage } from '../../../server/storage/Storage';
import { DATABASE_FILE } from '../../../server/dataDirProblem';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { sqliteFullError } from '../../helpers/diskFullErrors';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { refuseMoves } from '../../helpers/refuseMoves';
import { createBoardOverRest } from '../../helpers/restApi';
import { makeTempDir } from '../../helpers/tempDir';

const dir = makeTempDir();
const servers: TestServer[] = [];
const clients: TestClient[] = [];
let undo: (() => void) | null = null;

afterAll(async () => {
  undo?.();
  for (const c of clients) c.destroy();
  vi.restoreAllMocks();
  for (const s of servers) await s.stop();
  dir.remove();
});

const until = (fn: () => boolean) =>
  vi.waitFor(() => expect(fn()).toBe(true), { timeout: 15_000, interval: 20 });
const claims = (client: TestClient) =>
  Object.values(readBoard(client.doc).cards)
    .map((c) => c.claim)
    .sort();

describe('a board whose edits wait in the pending log on a full disk', () => {
  it('opens during the outage with every edit, and is stored in full, once, when space returns', async () => {
    const server = await startTestServer({ dataDir: dir.path, roomGraceMs: 100 });
    servers.push(server);
    const syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
    const storage = server.storage as SyncStorage;
    let full = false;
    const append = storage.appendBatch.bind(storage);
    vi.spyOn(storage, 'appendBatch').mockImplementation(async (boardId, batch) => {
      if (full) throw sqliteFullError();
      return append(boardId, batch);
    });
    const board = await createBoardOverRest(server.url, 'Outage', 'Ana');
    const ana = connectProvider(syncUrl, board.id, board.leadToken);
    clients.push(ana);
    await ana.synced();
    addClaim(ana.doc, { claim: 'Stored before' }, ana.as);
    await ana.allSaved();

    // The tables take nothing more; the pending log still takes Ana's edits (acknowledged).
    undo = refuseMoves(join(dir.path, DATABASE_FILE));
    for (const n of [1, 2, 3]) addClaim(ana.doc, { claim: `Waiting ${n}` }, ana.as);
    await ana.allSaved();
    expect((server.storage as SqliteStorage).pendingLog().batches).toBeGreaterThan(0);
    // Now the disk is full for the pending log too; Ana leaves and the board unloads.
    full = true;
    ana.destroy();
    await until(() => server.syncServer.stats().rooms === 0);

    // A reload: the board opens with every edit, and a new edit waits, said so.
    const again = connectProvider(syncUrl, board.id, board.leadToken);
    clients.push(again);
    await again.synced();
    expect(again.closes).toEqual([]);
    expect(claims(again)).toEqual(['Stored before', 'Waiting 1', 'Waiting 2', 'Waiting 3']);
    addClaim(again.doc, { claim: 'Written during the outage' }, again.as);
    await until(() => again.storageFull.length === 1);
    expect(again.storageFull).toEqual([true]);

    // Space returns: what waited is stored and acknowledged.
    full = false;
    undo();
    undo = null;
    await again.allSaved(15_000);
    expect(again.storageFull).toEqual([true, false]);
    again.destroy();
    await server.close();
    servers.splice(0);

    // A restart shows every edit, each stored once.
    const restarted = await startTestServer({ dataDir: dir.path });
    servers.push(restarted);
    const cards = Object.values((await restarted.board(board.id)).cards).map((c) => c.claim);
    expect(cards.sort()).toEqual([
      'Stored before',
      'Waiting 1',
      'Waiting 2',
      'Waiting 3',
      'Written during the outage',
    ]);
    const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
    try {
      const twice = db
        .prepare(
          'SELECT COUNT(*) AS n FROM (SELECT data FROM updates WHERE board_id = ? GROUP BY data HAVING COUNT(*) > 1)',
        )
        .get(board.id) as { n: number };
      expect(twice.n).toBe(0);
      const created = db
        .prepare("SELECT COUNT(*) AS n FROM history WHERE board_id = ? AND type = 'card.created'")
        .get(board.id) as { n: number };
      expect(created.n).toBe(5);
    } finally {
      db.close();
    }
  }, 60_000);
});
