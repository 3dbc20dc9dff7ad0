/**
 * Factboard makes its data directory and files private (main.ts's umask) but leaves the modes
 * of an operator's own directory alone: it warns at start when other users can read a data
 * file, as a data directory made by a version before that one, 0755 with 0644 files, lets them.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dataDirExposure } from '../../../server/dataDirProblem';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let dir: TempDir;
let dataDir: string;
beforeEach(() => {
  dir = makeTempDir('factboard-exposure-');
  dataDir = join(dir.path, 'data');
  mkdirSync(dataDir);
  for (const name of ['factboard.sqlite', 'secret.key', 'notes.txt']) {
    writeFileSync(join(dataDir, name), '');
  }
  chmodSync(join(dataDir, 'secret.key'), 0o600);
});
afterEach(() => dir.remove());

it('warns when others may enter the directory and read a data file', () => {
  chmodSync(dataDir, 0o755);
  chmodSync(join(dataDir, 'factboard.sqlite'), 0o644);
  chmodSync(join(dataDir, 'notes.txt'), 0o644);
  expect(dataDirExposure(dataDir)).toBe(
    `Warning: users other than its owner can read factboard.sqlite (644) in ${dataDir} (755): every board and the secret that signs invites. Unless that is meant, chmod 700 ${dataDir}`,
  );
});

it('says nothing when no one else can reach a data file', () => {
  chmodSync(join(dataDir, 'factboard.sqlite'), 0o644);
  chmodSync(dataDir, 0o700);
  expect(dataDirExposure(dataDir)).toBeNull();
  // A group that may enter, files only their owner reads (what Factboard makes).
  chmodSync(dataDir, 0o750);
  chmodSync(join(dataDir, 'factboard.sqlite'), 0o600);
  expect(dataDirExposure(dataDir)).toBeNull();
});
