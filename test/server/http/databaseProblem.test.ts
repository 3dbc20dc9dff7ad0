/**
 * `npm start` as a child process on a data directory whose SQLite database it cannot use: it
 * exits 1 with one line naming the file, SQLite's code and what to do (server/databaseProblem.ts),
 * not a stack trace. Each case is made for real: a file of random bytes, a damaged database, a
 * directory in the file's place, a file SQLite can open read-only only, another program holding
 * it locked, and (in a mount namespace of the server's own, as root) a full tmpfs.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSqliteStorage } from '../../../server/storage/createSqliteStorage';
import { freePort, refusedStart, type ServerProcessOptions } from '../../helpers/serverProcess';
import { canMount } from '../../helpers/smallDisk';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let dir: TempDir;
let dataDir: string;
let databaseFile: string;

beforeEach(() => {
  dir = makeTempDir('factboard-database-');
  dataDir = join(dir.path, 'data');
  mkdirSync(dataDir);
  databaseFile = join(dataDir, 'factboard.sqlite');
});

afterEach(() => dir.remove());

/** The one line the server printed as it refused to start (exit code 1). */
async function refusal(options: Partial<ServerProcessOptions> = {}): Promise<string> {
  const output = await refusedStart({
    dataDir,
    port: await freePort(),
    env: { FACTBOARD_DEMO: '0' },
    ...options,
  });
  expect(output).not.toMatch(/^\s+at /m);
  expect(output.split('\n')).toHaveLength(1);
  return output;
}

/** A database as the server leaves it, with every table made. */
async function makeDatabase(): Promise<void> {
  await createSqliteStorage(databaseFile).close();
}

it('a file that is not a database', async () => {
  writeFileSync(databaseFile, randomBytes(8192));
  expect(await refusal()).toBe(
    `Factboard cannot start: ${databaseFile}: not an SQLite database (SQLITE_NOTADB). To fix it, restore the file from a backup, or move it away to start with no boards (a new database is made in its place).`,
  );
}, 30_000);

it('a damaged database', async () => {
  await makeDatabase();
  // Page 1 past the file's 100-byte header: the b-tree page that lists the tables.
  const fd = openSync(databaseFile, 'r+');
  writeSync(fd, Buffer.alloc(1948, 0xff), 0, 1948, 100);
  closeSync(fd);
  expect(await refusal()).toBe(
    `Factboard cannot start: ${databaseFile}: the database is damaged (SQLITE_CORRUPT). To fix it, restore the file from a backup (sqlite3 .recover may save part of it into a new file), or move it away to start with no boards.`,
  );
}, 30_000);

it('a directory in the database file’s place', async () => {
  mkdirSync(databaseFile);
  expect(await refusal()).toBe(
    `Factboard cannot start: ${databaseFile}: SQLite cannot open it (SQLITE_CANTOPEN). To fix it, make it a database file this user may read and write (move away a directory or anything else in its place), or set FACTBOARD_DATA_DIR elsewhere.`,
  );
}, 30_000);

// The append-only flag lets no one, root included, open the file for writing, while access()
// still calls it writable: SQLite opens it read-only, and before this the server started and
// failed every edit. Only root may set it, on a file system that has it (ext4, xfs, btrfs).
const appendOnly = (file: string, on: boolean) =>
  spawnSync('chattr', [on ? '+a' : '-a', file]).status === 0;
it('a database file SQLite can open read-only only (skipped unless chattr +a works here)', async (context) => {
  await makeDatabase();
  if (!appendOnly(databaseFile, true)) context.skip();
  try {
    expect(await refusal()).toBe(
      `Factboard cannot start: ${databaseFile}: SQLite can open it read-only only (SQLITE_READONLY). To fix it, make it and its data directory writable by the user that runs Factboard (lsattr shows an append-only or immutable flag; mount shows a read-only file system).`,
    );
  } finally {
    appendOnly(databaseFile, false);
  }
}, 30_000);

it('a database another program holds locked', async () => {
  await makeDatabase();
  // A program that takes the file's exclusive lock and keeps it (as a sqlite3 shell can).
  const holder: ChildProcess = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require('better-sqlite3'))(${JSON.stringify(databaseFile)});
       db.pragma('locking_mode = EXCLUSIVE');
       db.pragma('user_version = ' + db.pragma('user_version', { simple: true }));
       console.log('locked');
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => holder.once('exit', resolve));
  try {
    await new Promise<void>((locked, failed) => {
      holder.stdout?.on('data', () => locked());
      holder.once('exit', (code) => failed(new Error(`the lock holder exited with ${code}`)));
    });
    expect(await refusal()).toBe(
      `Factboard cannot start: ${databaseFile}: another program holds the database locked (SQLITE_BUSY). To fix it, stop the program that has it open (fuser shows which: a sqlite3 shell, a backup tool), then start Factboard again.`,
    );
  } finally {
    holder.kill('SIGKILL');
    await exited;
  }
}, 30_000);

// A tmpfs too small for the database, mounted in a mount namespace of the server's own: it goes
// when the server exits, and nothing else on the machine sees it. Needs root (CAP_SYS_ADMIN).
const onTmpfs = (size: string, mountPoint: string): ServerProcessOptions['runUnder'] => [
  'unshare',
  '-m',
  '--propagation',
  'private',
  'sh',
  '-c',
  `mount -t tmpfs -o size=${size} tmpfs "$0" && exec "$@"`,
  mountPoint,
];
it.skipIf(!canMount)(
  'a device with no space left for the database (skipped unless root may make a mount namespace)',
  async () => {
    const mountPoint = join(dir.path, 'small');
    mkdirSync(mountPoint);
    const inMount = join(mountPoint, 'data');
    const file = join(inMount, 'factboard.sqlite');
    // 64 KiB holds the secret and the lock, not the new database's tables.
    expect(await refusal({ dataDir: inMount, runUnder: onTmpfs('64k', mountPoint) })).toBe(
      `Factboard cannot start: ${file}: no space left on the device (SQLITE_FULL). To fix it, free space on that device, or set FACTBOARD_DATA_DIR to a directory on another.`,
    );
    // 16 KiB does not even hold the WAL's index (-shm) that SQLite extends first: an I/O error.
    expect(await refusal({ dataDir: inMount, runUnder: onTmpfs('16k', mountPoint) })).toBe(
      `Factboard cannot start: ${file}: a disk I/O error (SQLITE_IOERR_SHMSIZE). To fix it, check that device (its free space, the kernel log), or set FACTBOARD_DATA_DIR to a directory on another.`,
    );
  },
  30_000,
);
