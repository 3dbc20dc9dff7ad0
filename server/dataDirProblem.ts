/**
 * What is wrong with FACTBOARD_DATA_DIR, said in words, so a bad one is refused as a
 * configuration error naming the variable instead of a file-system error's stack trace.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'something that is not a directory is in the way',
  ENOTDIR: 'a part of its path is not a directory',
};

/**
 * Checked when the configuration is read, before anything is created: the directory, or the
 * nearest part of its path that exists, must be a directory this process may write in.
 * Null when it looks usable (creating it may still fail: see dataDirCreateProblem).
 */
export function dataDirProblem(dataDir: string): string | null {
  const path = resolve(dataDir);
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const stats = statSync(existing);
  if (!stats.isDirectory()) {
    const what = stats.isFile() ? 'a file, not a directory' : 'not a directory';
    return existing === path
      ? `${path} is ${what}`
      : `${path} cannot be created: ${existing} is ${what}`;
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    return existing === path
      ? `${path} is not writable: permission denied`
      : `${path} cannot be created: permission denied in ${existing}`;
  }
  return null;
}

/** Why creating the data directory failed, for a check that passed and a mkdir that did not. */
export function dataDirCreateProblem(dataDir: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const reason = REASONS[code] ?? (error as Error)?.message ?? String(error);
  return `${resolve(dataDir)} cannot be created: ${reason}${code ? ` (${code})` : ''}`;
}
