/**
 * An Idempotency-Key's answer outlives a restart (it was in the server's memory only: a change
 * answered, or answered 507 and stored as the server stopped, then sent again after a restart,
 * was done again). The server, its SQLite file and the requests are real; the second server
 * opens the first's data directory; the rooms' appends meet a real SQLITE_FULL while `full`.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../server/dataDirProblem';
import type { SyncStorage } from '../../../server/storage/Storage';
import { appendFailsWhile } from '../../helpers/diskFullErrors';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { makeTempDir } from '../../helpers/tempDir';

const dir = makeTempDir();
const heldDir = makeTempDir();
const stopDir = makeTempDir();
const servers: TestServer[] = [];
afterAll(async () => {
  vi.restoreAllMocks();
  for (const s of servers) await s.close();
  dir.remove();
  heldDir.remove();
  stopDir.remove();
});

const TEXT = 'The deficit rose to $1.2 trillion in 2023, the Treasury said.';

describe('an Idempotency-Key across a restart', () => {
  it('answers a repeat after the restart as before it, with one change', async () => {
    const first = await startTestServer({ dataDir: dir.path });
    servers.push(first);
    const made = await request(first.url, 'POST', '/api/boards', { json: { title: 'News' } });
    const board = made.body as { id: string; leadToken: string };
    const importArticle = (url: string) =>
      request(url, 'POST', `/api/boards/${board.id}/articles`, {
        token: board.leadToken,
        json: { text: TEXT },
        headers: { 'idempotency-key': 'import-1' },
      });
    const answered = await importArticle(first.url);
    expect(answered.status).toBe(201);
    await first.close();
    servers.splice(0);

    const second = await startTestServer({ dataDir: dir.path });
    servers.push(second);
    const again = await importArticle(second.url);
    expect([again.status, again.body]).toEqual([answered.status, answered.body]);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    const onBoard = await second.board(board.id);
    expect(onBoard.articles).toHaveLength(1);
    expect(Object.keys(onBoard.cards)).toHaveLength(1);
    // The same key with another request is still refused as reused.
    const other = await request(second.url, 'POST', `/api/boards/${board.id}/articles`, {
      token: board.leadToken,
      json: { text: `${TEXT} Another sentence.` },
      headers: { 'idempotency-key': 'import-1' },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_key_reused');

    // A deleted board's answers go with it.
    const gone = await request(second.url, 'DELETE', `/api/boards/${board.id}`, {
      token: board.leadToken,
    });
    expect(gone.status).toBe(204);
    await second.close();
    servers.splice(0);
    const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM idempotency_keys').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  }, 60_000);

  it('answers a repeat after the restart of a change held for a full disk and then stored', async () => {
    const first = await startTestServer({ dataDir: heldDir.path });
    servers.push(first);
    let full = false;
    appendFailsWhile(first.storage as SyncStorage, () => full);
    const made = await request(first.url, 'POST', '/api/boards', { json: { title: 'News' } });
    const board = made.body as { id: string; leadToken: string };
    const importArticle = (url: string) =>
      request(url, 'POST', `/api/boards/${board.id}/articles`, {
        token: board.leadToken,
        json: { text: TEXT },
        headers: { 'idempotency-key': 'held-1' },
      });
    full = true;
    const held = await importArticle(first.url);
    expect(held.status).toBe(507);
    full = false;
    // Stored once there is space, its entry with it (in the batch's transaction).
    const db = new Database(join(heldDir.path, DATABASE_FILE), { readonly: true });
    try {
      await vi.waitFor(
        () =>
          expect(db.prepare('SELECT status FROM idempotency_keys').all()).toEqual([{ status: 0 }]),
        { timeout: 15_000, interval: 100 },
      );
    } finally {
      db.close();
    }
    const stored = await first.board(board.id);
    await first.close();
    servers.splice(0);

    const second = await startTestServer({ dataDir: heldDir.path });
    servers.push(second);
    const again = await importArticle(second.url);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.cards.map((c: { id: string }) => c.id).sort()).toEqual(
      Object.keys(stored.cards).sort(),
    );
    const onBoard = await second.board(board.id);
    expect(onBoard.articles).toHaveLength(1);
    expect(Object.keys(onBoard.cards)).toHaveLength(1);
  }, 60_000);

  it('answers a repeat after a stop right as a held change is stored, with one change', async () => {
    // Its entry was saved a second or more after the change (a timer then a read): a stop
    // within that second left the change stored and its key forgotten, and the repeat after
    // the restart imported the article again (200, no cards, where the first's 201 was due).
    const first = await startTestServer({ dataDir: stopDir.path });
    servers.push(first);
    let full = false;
    appendFailsWhile(first.storage as SyncStorage, () => full);
    const made = await request(first.url, 'POST', '/api/boards', { json: { title: 'News' } });
    const board = made.body as { id: string; leadToken: string };
    const importArticle = (url: string) =>
      request(url, 'POST', `/api/boards/${board.id}/articles`, {
        token: board.leadToken,
        json: { text: TEXT },
        headers: { 'idempotency-key': 'stop-1' },
      });
    full = true;
    const held = await importArticle(first.url);
    expect(held.status).toBe(507);
    full = false;
    // A read answers once the held batch is stored; the server stops at once after it.
    const stored = await vi.waitFor(() => first.board(board.id), { timeout: 15_000, interval: 20 });
    expect(Object.keys(stored.cards)).toHaveLength(1);
    await first.close();
    servers.splice(0);

    const second = await startTestServer({ dataDir: stopDir.path });
    servers.push(second);
    const again = await importArticle(second.url);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.cards.map((c: { id: string }) => c.id)).toEqual(Object.keys(stored.cards));
    const onBoard = await second.board(board.id);
    expect(onBoard.articles).toHaveLength(1);
    expect(Object.keys(onBoard.cards)).toHaveLength(1);
  }, 60_000);
});
