/**
 * createFileOnce: the data directory's secret files are created whole and never overwritten,
 * so that of two servers started at once on an empty directory, the second signs with the
 * first's secret instead of replacing it (every invite the first made would stop working at its
 * next start).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createFileOnce } from '../../../server/auth/createFileOnce';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir('factboard-once-');
});
afterEach(() => dir.remove());

it('creates the file with its content, readable by its owner only, and leaves nothing else', () => {
  const file = join(dir.path, 'secret.key');
  expect(createFileOnce(file, 'abc123')).toBe('abc123');
  expect(readFileSync(file, 'utf8')).toBe('abc123');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(readdirSync(dir.path)).toEqual(['secret.key']);
});

it('keeps a file that is there, answering with what it holds', () => {
  const file = join(dir.path, 'secret.key');
  writeFileSync(file, 'the first server’s');
  expect(createFileOnce(file, 'the second server’s')).toBe('the first server’s');
  expect(readFileSync(file, 'utf8')).toBe('the first server’s');
  expect(readdirSync(dir.path)).toEqual(['secret.key']);
});
