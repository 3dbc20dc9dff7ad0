/**
 * A REST write that meets a full disk (found by QA: creating a board on a full data directory
 * was answered 500 "internal server error") is answered 507 `storage_full`, saying the disk is
 * full, to be tried again once space is freed. The errors are real: SQLite's own SQLITE_FULL from a database
 * held to a few pages, and a file write's ENOSPC from /dev/full.
 */
import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toHttpError } from '../../../server/http/errorHandler';

function thrownBy(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('it did not throw');
}

describe('a full disk over REST', () => {
  it('SQLite’s SQLITE_FULL is 507 storage_full', () => {
    const db = new Database(':memory:');
    db.pragma('max_page_count = 2');
    db.exec('CREATE TABLE t (x BLOB)');
    const full = thrownBy(() => db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(64_000)));
    db.close();
    expect((full as { code?: string }).code).toBe('SQLITE_FULL');
    const http = toHttpError(full);
    expect(http.status).toBe(507);
    expect(http.code).toBe('storage_full');
    expect(http.message).toMatch(/disk is full, so this could not be done/);
  });

  it.skipIf(!existsSync('/dev/full'))(
    'a file write’s ENOSPC (the pending log’s) is 507 storage_full (skipped where there is no /dev/full)',
    () => {
      const full = thrownBy(() => writeFileSync('/dev/full', 'x'));
      expect(toHttpError(full)).toMatchObject({ status: 507, code: 'storage_full' });
    },
  );

  it('other failures stay 500 internal', () => {
    expect(toHttpError(new Error('boom'))).toMatchObject({ status: 500, code: 'internal' });
  });
});
