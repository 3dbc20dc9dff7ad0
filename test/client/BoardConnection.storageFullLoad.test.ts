/**
 * Opening a board that is not loaded while the server's disk is full (found by QA: the load,
 * which first moves the pending log into the tables, failed, its sockets closed with 1001
 * "board could not be loaded", and the failure was logged up to 10 times a second as clients
 * retried). The sockets now close with 4507 "server storage full", the page says the server is
 * out of space, a failed load is tried again and logged once a second at most, and the board
 * opens once there is space. The server, its SQLite file and the sockets are real; its
 * storage's loadContent meets a real SQLITE_FULL while `full` holds.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SyncStorage } from '../../server/storage/Storage';
import type { SyncLog } from '../../server/sync/syncLog';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { statusLabel } from '../../client/sync/connectionStatus';
import { connectProvider, type TestClient } from '../helpers/connectProvider';
import { sqliteFullError } from '../helpers/diskFullErrors';
import { useTestServer } from '../helpers/http/useTestServer';
import { createBoardOverRest } from '../helpers/restApi';

let full = false;
/** performance.now() at each load that failed. */
const failedLoads: number[] = [];
const failures: unknown[] = [];
const raw: TestClient[] = [];

const log: SyncLog = (level, event, fields) => {
  if (event === 'loading the board failed') failures.push(fields);
};
const live = useTestServer({ roomGraceMs: 100 }, { log });

beforeAll(() => {
  const storage = live.server.storage as SyncStorage;
  const load = storage.loadContent.bind(storage);
  vi.spyOn(storage, 'loadContent').mockImplementation(async (boardId) => {
    if (full) {
      failedLoads.push(performance.now());
      throw sqliteFullError();
    }
    return load(boardId);
  });
});

afterAll(() => {
  full = false;
  for (const c of raw.splice(0)) c.destroy();
  vi.restoreAllMocks();
});

const until = (fn: () => boolean) =>
  vi.waitFor(() => expect(fn()).toBe(true), { timeout: 10_000, interval: 20 });

describe('a board that cannot be loaded for a full disk', () => {
  it('closes with 4507, which the page says, is tried once a second at most, and opens once there is space', async () => {
    const board = await createBoardOverRest(live.server.url, 'Not loaded', 'Ana');
    await until(() => live.server.syncServer.stats().rooms === 0);
    full = true;
    const page = live.open(board.id, board.leadToken);
    // Scripts retrying every 0.1–0.2 s, as y-websocket does after a first failure.
    for (let i = 0; i < 4; i++) raw.push(connectProvider(live.syncUrl, board.id, board.leadToken));
    await until(() => page.getSnapshot().status.kind === 'storageFull');
    expect(statusLabel(page.getSnapshot().status, { unsaved: false })).toBe(
      'The server is out of space, so it cannot open this board until it has space again',
    );
    await until(() => failedLoads.length >= 3);
    for (const c of raw) {
      expect(c.closes[0]).toEqual({ code: CLOSE.storageFull, reason: 'server storage full' });
    }
    // Joins every 0.1–0.2 s each, yet a load a second at most, and a line for each.
    const closes = raw.reduce((n, c) => n + c.closes.length, 0);
    const gaps = failedLoads.slice(1).map((at, i) => at - (failedLoads[i] as number));
    console.log(`${closes} closes, ${failedLoads.length} loads, gaps ${gaps.map(Math.round)} ms`);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(990);
    expect(failures.length).toBe(failedLoads.length);

    full = false;
    await until(() => page.getSnapshot().status.kind === 'saved');
    expect(page.getSnapshot().board.meta.title).toBe('Not loaded');
    await Promise.all(raw.map((c) => c.synced()));
  });
});
