/**
 * createFileOnce: the data directory's secret files are created whole and never overwritten,
 * so that of two servers started at once on an empty directory, the second signs with the
 * first's secret instead of replacing it (every invite the first made would stop working at its
 * next start); and a copy one left when it stopped before removing it (a crash) is removed at
 * the next start, not left to lie about with a secret in it.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileOnce, removeLeftCopies } from '../../../server/auth/createFileOnce';
import { request } from '../../helpers/http/request';
import { startTestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest } from '../../helpers/restApi';
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

describe('the copies a server stopped while creating the file left', () => {
  /** A copy as createFileOnce names its own, left by a process that no longer runs. */
  const leftCopy = (name: string, content: string) => {
    const file = join(dir.path, name);
    writeFileSync(file, content, { mode: 0o600 });
    return file;
  };

  it('are removed, and nothing else: removeLeftCopies', () => {
    writeFileSync(join(dir.path, 'secret.key'), 'the secret');
    leftCopy('secret.key.4242-0123abcd.new', 'the secret');
    leftCopy('secret.key.77-deadbeef.new', 'a secret never linked');
    writeFileSync(join(dir.path, 'secret.key.bak'), 'an operator’s backup');
    writeFileSync(join(dir.path, 'other.4242-0123abcd.new'), 'not a copy of secret.key');
    removeLeftCopies(join(dir.path, 'secret.key'));
    expect(readdirSync(dir.path).sort()).toEqual([
      'other.4242-0123abcd.new',
      'secret.key',
      'secret.key.bak',
    ]);
    expect(readFileSync(join(dir.path, 'secret.key'), 'utf8')).toBe('the secret');
  });

  it(
    'are removed at the next start, which signs with the secret the first start kept',
    { timeout: 30_000 },
    async () => {
      const first = await startTestServer({ dataDir: dir.path });
      const board = await createBoardOverRest(first.url, 'Kept');
      await first.stop();
      const secret = readFileSync(join(dir.path, 'secret.key'), 'utf8');
      leftCopy('secret.key.4242-0123abcd.new', secret);
      leftCopy('secret.key.77-deadbeef.new', 'a secret never linked');
      leftCopy('secret.check.99-00ff00ff.new', 'a check value never linked');

      const second = await startTestServer({ dataDir: dir.path });
      try {
        expect(readdirSync(dir.path).filter((name) => name.endsWith('.new'))).toEqual([]);
        expect(readFileSync(join(dir.path, 'secret.key'), 'utf8')).toBe(secret);
        const members = await request(second.url, 'GET', `/api/boards/${board.id}/invites`, {
          token: board.leadToken,
        });
        expect(members.status).toBe(200);
      } finally {
        await second.stop();
      }
    },
  );
});
