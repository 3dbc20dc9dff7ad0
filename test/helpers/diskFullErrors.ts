/**
 * Real errors of a full disk, for tests that make storage meet one: SQLite's own SQLITE_FULL
 * from a database held to a few pages, and a file write's ENOSPC from /dev/full (Linux).
 */
import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { vi } from 'vitest';
import type { SyncStorage } from '../../server/storage/Storage';

function thrownBy(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('it did not throw');
}

/** SQLite's SQLITE_FULL, as an insert into a database that may not grow throws it. */
export function sqliteFullError(): unknown {
  const db = new Database(':memory:');
  try {
    db.pragma('max_page_count = 2');
    db.exec('CREATE TABLE t (x BLOB)');
    return thrownBy(() => db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(64_000)));
  } finally {
    db.close();
  }
}

/** Whether this machine has /dev/full, where every write fails with ENOSPC. */
export const hasDevFull = existsSync('/dev/full');

/** A file write's ENOSPC (the pending log's, say). */
export function enospcError(): unknown {
  return thrownBy(() => writeFileSync('/dev/full', 'x'));
}

/**
 * Makes `storage` refuse every batch, and every new board (createBoardWithLead), with
 * SQLITE_FULL while `full()` says so (vi.spyOn).
 */
export function appendFailsWhile(storage: SyncStorage, full: () => boolean): void {
  const append = storage.appendBatch.bind(storage);
  vi.spyOn(storage, 'appendBatch').mockImplementation(async (boardId, batch) => {
    if (full()) throw sqliteFullError();
    return append(boardId, batch);
  });
  const create = storage.createBoardWithLead.bind(storage);
  vi.spyOn(storage, 'createBoardWithLead').mockImplementation(async (created) => {
    if (full()) throw sqliteFullError();
    return create(created);
  });
}
