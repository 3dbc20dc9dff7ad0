/**
 * Builds the client for one test file or bench run into a directory of its own, so a build
 * elsewhere (`npm start`, another test file) cannot swap dist/ out from under a page that is
 * loading. Vite builds it in about a second.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface BuiltClient {
  readonly dir: string;
  remove(): void;
}

/** Builds the client of this checkout, or of the source tree at `root` (the bench's baseline). */
export function buildClient(root = ROOT): BuiltClient {
  const dir = mkdtempSync(join(tmpdir(), 'factboard-client-'));
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--outDir',
      dir,
      '--emptyOutDir',
    ],
    {
      cwd: root,
      stdio: 'pipe',
      // Vitest sets NODE_ENV=test, which would give a development build.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
