import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(
  new URL('../../fixtures/scripts/openAndCloseStorage.ts', import.meta.url),
);

describe('SQLite storage close', () => {
  it('finishes in a process with nothing else pending (the checkpoint worker holds the loop)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factboard-close-'));
    try {
      // execFileSync throws on a non-zero exit, e.g. 13 for an await that never settles.
      const out = execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, dir], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(out.trim()).toBe('closed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
