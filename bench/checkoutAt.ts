/**
 * The source tree of a git commit in a temporary directory, sharing this checkout's
 * node_modules, for a bench that compares the code before a change with the code after it in
 * one run. `git archive` reads the commit and writes nothing in the repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Checkout {
  readonly dir: string;
  /** The full commit hash the ref named. */
  readonly commit: string;
  remove(): void;
}

export function checkoutAt(ref: string): Checkout {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: ROOT })
    .toString()
    .trim();
  const dir = mkdtempSync(join(tmpdir(), 'factboard-checkout-'));
  const archive = execFileSync('git', ['archive', '--format=tar', commit], {
    cwd: ROOT,
    maxBuffer: 512 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  return { dir, commit, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
