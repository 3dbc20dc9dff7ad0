/**
 * Builds the client once for all browser tests: `vite build` into dist/, skipped when dist/ is
 * newer than every source the client is made of. A lock directory keeps parallel test files
 * from building at the same time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SOURCES = ['client', 'shared', 'index.html', 'vite.config.ts', 'package-lock.json'];
const LOCK = join(ROOT, 'node_modules', '.factboard-client-build.lock');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isFresh(): boolean {
  const index = join(ROOT, 'dist', 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((s) => !existsSync(join(ROOT, s)) || newestMtime(join(ROOT, s)) < built);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function buildClient(): Promise<void> {
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes is left from a crash.
      if (waited > 120_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    if (isFresh()) return;
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: 'pipe',
        // Vitest sets NODE_ENV=test, which would give a development build.
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
