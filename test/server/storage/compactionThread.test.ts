/**
 * The SQLite storage builds big boards' snapshots on its compaction thread (server/storage/
 * CompactionThread.ts, compactionWorker.ts): the event loop goes on meanwhile, batches appended
 * during a job are kept, close waits for the jobs given, a deletion of the board waits for its
 * job (which then writes nothing back), and a thread that dies fails only its own jobs.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CompactionThread } from '../../../server/storage/CompactionThread';
import { createSqliteStorage } from '../../../server/storage/createSqliteStorage';
import type { StoredContent, SyncStorage } from '../../../server/storage/Storage';
import { countBoardRows } from '../../helpers/boardTables';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

/** `n` updates, each appending a 1 KiB paragraph to text `t`. */
function paragraphs(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(i * 1024, String(i % 10).repeat(1024));
  return updates;
}

/** No state: the storage builds the snapshot, on its thread. Nothing is pruned. */
const KEEP = { pruneBefore: 0 };

const text = (content: StoredContent) => {
  const doc = new Y.Doc();
  for (const u of [content.snapshot, ...content.updates]) if (u) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
};

const expected = (n: number) =>
  Array.from({ length: n }, (_, i) => String(i % 10).repeat(1024)).join('');

describe('the SQLite storage’s compaction thread', () => {
  let dir: TempDir;
  let file: string;
  let storage: SyncStorage | null;
  const updates = paragraphs(600);
  beforeEach(async () => {
    dir = makeTempDir();
    file = `${dir.path}/factboard.sqlite`;
    storage = createSqliteStorage(file);
    await storage.createBoard({ id: 'b', title: 'B', createdAt: 1 });
  });
  afterEach(async () => {
    await storage?.close();
    dir.remove();
  });
  const append = (s: SyncStorage, from: number, to: number) =>
    updates.slice(from, to).reduce(async (seq, u) => {
      await seq;
      return s.appendBatch('b', { updates: [u], bindings: [], history: [], at: 10 });
    }, Promise.resolve(0));

  it('compacts while the event loop keeps turning, and keeps what is appended meanwhile', async () => {
    const s = storage as SyncStorage;
    const seq = await append(s, 0, 500);
    let done = false;
    const compacted = s.compact('b', seq, 11, KEEP).finally(() => (done = true));
    // Done in place, the whole job would run inside the call above and be over by the first
    // turn of the event loop.
    let turnsWhileRunning = 0;
    for (;;) {
      await nextTurn();
      if (done) break;
      turnsWhileRunning++;
      // Batches appended during the job wait in the pending log, durable, and are kept.
      if (turnsWhileRunning <= 100)
        await append(s, 499 + turnsWhileRunning, 500 + turnsWhileRunning);
    }
    const bytes = await compacted;
    expect(turnsWhileRunning).toBeGreaterThan(0);
    const appendedMeanwhile = Math.min(turnsWhileRunning, 100);
    const content = await s.loadContent('b');
    expect(content.snapshot?.byteLength).toBe(bytes);
    expect(content.updates).toHaveLength(appendedMeanwhile);
    expect(text(content)).toBe(expected(500 + appendedMeanwhile));
  });

  it('close lets a compaction it was given finish', async () => {
    const s = storage as SyncStorage;
    const seq = await append(s, 0, 50);
    const compacted = s.compact('b', seq, 11, KEEP);
    await s.close();
    const bytes = await compacted;
    storage = createSqliteStorage(file);
    const content = await storage.loadContent('b');
    expect(content.snapshot?.byteLength).toBe(bytes);
    expect(content.updates).toHaveLength(0);
    expect(text(content)).toBe(expected(50));
  });

  it('a deletion of the board waits for its compaction under way, which leaves nothing behind', async () => {
    const s = storage as SyncStorage;
    const seq = await append(s, 0, 50);
    // Into the tables (the pending log is empty after a read), so that only the thread writes.
    await s.loadContent('b');
    // Another program holds the write lock: the thread reads the board and builds the snapshot,
    // then waits to store it. A deletion that did not wait for the job would wait for the lock
    // on the event loop (and fail with SQLITE_BUSY, this lock being held on it), or, given it
    // first, be followed by the job's snapshot of a board no longer there.
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    const order: string[] = [];
    const compacted = s.compact('b', seq, 11, KEEP).then(
      () => order.push('compacted'),
      (error: unknown) => order.push(`compaction failed: ${String(error)}`),
    );
    await nextTurn();
    const deletion = s.deleteBoard('b').then((existed) => order.push(`deleted: ${existed}`));
    for (let i = 0; i < 20; i++) await nextTurn();
    expect(order).toEqual([]);
    other.exec('COMMIT');
    await Promise.all([compacted, deletion]);
    expect(order).toEqual(['compacted', 'deleted: true']);
    // Nothing of the board in any table: no snapshot written back by the job.
    expect(countBoardRows(other, 'b')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    other.close();
  });

  it('a thread that dies fails its jobs, and the next job starts a new one', async () => {
    // A ready store, to be copied where the thread looks once it has died.
    const s = storage as SyncStorage;
    const seq = await append(s, 0, 5);
    await s.close();
    storage = null;
    // The worker cannot open a file in a directory that does not exist: it dies at start.
    const later = `${dir.path}/later/factboard.sqlite`;
    const thread = new CompactionThread(later);
    const job = { boardId: 'b', uptoSeq: seq, at: 11, pruneBefore: 0 };
    // The next job is sent as soon as the first fails, before the dead thread has exited: its
    // exit must not fail the new thread's job.
    let second: Promise<number> | null = null;
    await expect(
      thread.run(job).catch((error: unknown) => {
        mkdirSync(`${dir.path}/later`);
        copyFileSync(file, later);
        second = thread.run(job);
        throw error;
      }),
    ).rejects.toMatchObject({
      name: 'StorageError',
      code: 'compaction_failed',
      message: expect.stringMatching(/directory does not exist/),
    });
    const bytes = await (second as Promise<number> | null);
    await thread.stop();
    expect(thread.busy).toBe(false);
    storage = createSqliteStorage(later);
    const content = await storage.loadContent('b');
    expect(content.snapshot?.byteLength).toBe(bytes);
    expect(text(content)).toBe(expected(5));
  });
});
