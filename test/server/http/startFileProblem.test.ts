/**
 * startFileProblem (server/dataDirProblem.ts) on real file-system errors: a write to a full
 * device has no path of its own, so the line names the data directory. (A path's error, as the
 * server as a child process prints it: main.test.ts.)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startFileProblem } from '../../../server/dataDirProblem';

function thrownBy(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

describe('startFileProblem', () => {
  // /dev/full answers every write with ENOSPC, as a full disk does.
  it.skipIf(!existsSync('/dev/full'))(
    'a full device: the data directory, and what to do (skipped where there is no /dev/full)',
    () => {
      const full = thrownBy(() => writeFileSync('/dev/full', 'x'));
      expect(startFileProblem(full, '/srv/factboard')).toBe(
        'Factboard cannot start: no space left on the device (ENOSPC, write) in /srv/factboard. To fix it, free space on that device, or set FACTBOARD_DATA_DIR to a directory on another.',
      );
    },
  );

  it('a file where a directory should be', () => {
    const notDir = thrownBy(() => writeFileSync('/dev/null/secret.key', 'x'));
    expect(startFileProblem(notDir, '/srv/factboard')).toBe(
      'Factboard cannot start: /dev/null/secret.key: a part of its path is not a directory (ENOTDIR, open). To fix it, move away the file that stands where a directory of the path should be, or set FACTBOARD_DATA_DIR elsewhere.',
    );
  });

  it('says nothing of other errors', () => {
    const missing = thrownBy(() => writeFileSync('/no-such-dir/x', 'x'));
    expect(startFileProblem(missing, '/srv/factboard')).toBeNull();
    expect(startFileProblem(new Error('boom'), '/srv/factboard')).toBeNull();
    expect(startFileProblem(undefined, '/srv/factboard')).toBeNull();
  });
});
