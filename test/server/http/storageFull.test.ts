/**
 * A REST write that meets a full disk (found by QA: creating a board on a full data directory
 * was answered 500 "internal server error") is answered 507 `storage_full`, saying the disk is
 * full, to be tried again once space is freed. The errors are real (test/helpers/diskFullErrors).
 */
import { describe, expect, it } from 'vitest';
import { toHttpError } from '../../../server/http/errorHandler';
import { enospcError, hasDevFull, sqliteFullError } from '../../helpers/diskFullErrors';

describe('a full disk over REST', () => {
  it('SQLite’s SQLITE_FULL is 507 storage_full', () => {
    const full = sqliteFullError();
    expect((full as { code?: string }).code).toBe('SQLITE_FULL');
    const http = toHttpError(full);
    expect(http.status).toBe(507);
    expect(http.code).toBe('storage_full');
    expect(http.message).toMatch(/disk is full, so this could not be done/);
  });

  it.skipIf(!hasDevFull)(
    'a file write’s ENOSPC (the pending log’s) is 507 storage_full (skipped where there is no /dev/full)',
    () => {
      expect(toHttpError(enospcError())).toMatchObject({ status: 507, code: 'storage_full' });
    },
  );

  it('other failures stay 500 internal', () => {
    expect(toHttpError(new Error('boom'))).toMatchObject({ status: 500, code: 'internal' });
  });
});
