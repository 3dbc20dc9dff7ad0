/**
 * What is wrong with FACTBOARD_DATA_DIR, said in words, so a bad one is refused as a
 * configuration error naming the variable instead of a file-system error's stack trace; and
 * startFileProblem for a file-system error the checks could not foresee.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
  } catch (err) {
    // EACCES, or EROFS on a file system mounted read-only.
    const reason = REASONS[(err as NodeJS.ErrnoException).code ?? ''] ?? 'permission denied';
    return existing === path
      ? `${path} is not writable: ${reason}`
      : `${path} cannot be created: ${reason} in ${existing}`;
  }
  return null;
}

/** Why creating the data directory failed, for a check that passed and a mkdir that did not. */
export function dataDirCreateProblem(dataDir: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const reason = REASONS[code] ?? (error as Error)?.message ?? String(error);
  return `${resolve(dataDir)} cannot be created: ${reason}${code ? ` (${code})` : ''}`;
}

/** The SQLite database's file in the data directory. */
export const DATABASE_FILE = 'factboard.sqlite';

/** Factboard's files in its data directory, and whether it only reads them. */
const DATA_FILES: readonly (readonly [name: string, readOnly: boolean])[] = [
  ['secret.key', true],
  ['secret.check', true],
  [DATABASE_FILE, false],
  [`${DATABASE_FILE}-wal`, false],
  [`${DATABASE_FILE}-shm`, false],
  [`${DATABASE_FILE}-pending`, false],
  [`${DATABASE_FILE}-pending.lock-guard`, false],
];

/**
 * Checked once the directory is usable: a file in it this process may not read or write (a
 * backup restored as root, the server run as a service user) is said by name, instead of a
 * stack trace from deep in the storage, or SQLite quietly opening the database read-only.
 */
export function dataFilesProblem(dataDir: string): string | null {
  const denied: string[] = [];
  const immutable: string[] = [];
  for (const [name, readOnly] of DATA_FILES) {
    const file = join(resolve(dataDir), name);
    try {
      accessSync(file, readOnly ? constants.R_OK : constants.R_OK | constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // access() says EPERM, not EACCES, for a file marked immutable: no owner may write it.
      if (code === 'EPERM') immutable.push(file);
      else if (code !== 'ENOENT') denied.push(file);
    }
  }
  const user = process.getuid ? ` (uid ${process.getuid()})` : '';
  const problems = [
    denied.length > 0 &&
      `${denied.join(', ')} cannot be read or written by this user${user}: permission denied. Give the data directory's files to the user that runs Factboard (chown -R), or run it as their owner`,
    immutable.length > 0 &&
      `${immutable.join(', ')} ${immutable.length > 1 ? 'are' : 'is'} marked immutable (lsattr shows the i flag): nobody may write ${immutable.length > 1 ? 'them' : 'it'}, root included. Clear the flag (chattr -i, as root), or restore the data directory from a backup`,
  ].filter((problem) => problem !== false);
  return problems.length > 0 ? problems.join('; ') : null;
}

/**
 * Factboard makes its data directory 0700 and its files 0600 (main.ts sets the umask), but
 * does not change the modes of a directory or files an operator made: it says so at start
 * when users other than the owner can read a data file (group or others may enter the
 * directory and read the file). Null when none can.
 */
export function dataDirExposure(dataDir: string): string | null {
  const dir = resolve(dataDir);
  const dirMode = statSync(dir).mode;
  const exposed = DATA_FILES.flatMap(([name]) => {
    const file = join(dir, name);
    if (!existsSync(file)) return [];
    const mode = statSync(file).mode;
    const byGroup = (dirMode & 0o010) !== 0 && (mode & 0o040) !== 0;
    const byOthers = (dirMode & 0o001) !== 0 && (mode & 0o004) !== 0;
    return byGroup || byOthers ? [`${name} (${octal(mode)})`] : [];
  });
  if (exposed.length === 0) return null;
  return `Warning: users other than its owner can read ${exposed.join(', ')} in ${dir} (${octal(dirMode)}): every board and the secret that signs invites. Unless that is meant, chmod 700 ${dir}`;
}

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

/** What to do about each file-system error startFileProblem speaks of. */
const REMEDIES: Readonly<Record<string, string>> = {
  EACCES: `chown it to the user that runs Factboard${uid()}, or run Factboard as its owner`,
  EPERM: `chown it to the user that runs Factboard${uid()}, or run Factboard as its owner`,
  EROFS:
    'mount that file system read-write, or set FACTBOARD_DATA_DIR to a directory on a writable one',
  ENOSPC: 'free space on that device, or set FACTBOARD_DATA_DIR to a directory on another',
  ENOTDIR:
    'move away the file that stands where a directory of the path should be, or set FACTBOARD_DATA_DIR elsewhere',
};

function uid(): string {
  return process.getuid ? ` (uid ${process.getuid()})` : '';
}

/**
 * A file-system error that stopped the start (permission denied, a read-only file system, a
 * full disk, a file where a directory should be) in one line naming the path and what to do:
 * e.g. a lock file another user left, or a disk that filled up. An error without a path (a
 * write to an open file) names the data directory. Null for any other error.
 */
export function startFileProblem(error: unknown, dataDir: string): string | null {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  const remedy = code === undefined ? undefined : REMEDIES[code];
  if (remedy === undefined) return null;
  const what = [code, syscall].filter(Boolean).join(', ');
  const reason = `${REASONS[code as string]} (${what})`;
  const problem = path ? `${path}: ${reason}` : `${reason} in ${resolve(dataDir)}`;
  return `Factboard cannot start: ${problem}. To fix it, ${remedy}.`;
}
