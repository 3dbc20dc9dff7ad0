/**
 * An error SQLite itself gave while the server started (the database file damaged, not a
 * database, locked by another program, read-only, on a full disk), in one line naming the file
 * and what to do, as startFileProblem (dataDirProblem.ts) does for the file system's errors.
 */
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './dataDirProblem';

/** What each primary result code means for the file, and what to do. */
const PROBLEMS: Readonly<Record<string, { readonly reason: string; readonly remedy: string }>> = {
  SQLITE_CANTOPEN: {
    reason: 'SQLite cannot open it',
    remedy:
      'make it a database file this user may read and write (move away a directory or anything else in its place), or set FACTBOARD_DATA_DIR elsewhere',
  },
  SQLITE_NOTADB: {
    reason: 'not an SQLite database',
    remedy:
      'restore the file from a backup, or move it away to start with no boards (a new database is made in its place)',
  },
  SQLITE_CORRUPT: {
    reason: 'the database is damaged',
    remedy:
      'restore the file from a backup (sqlite3 .recover may save part of it into a new file), or move it away to start with no boards',
  },
  SQLITE_BUSY: {
    reason: 'another program holds the database locked',
    remedy:
      'stop the program that has it open (fuser shows which: a sqlite3 shell, a backup tool), then start Factboard again',
  },
  SQLITE_READONLY: {
    reason: 'SQLite can open it read-only only',
    remedy:
      'make it and its data directory writable by the user that runs Factboard (lsattr shows an append-only or immutable flag; mount shows a read-only file system)',
  },
  SQLITE_FULL: {
    reason: 'no space left on the device',
    remedy: 'free space on that device, or set FACTBOARD_DATA_DIR to a directory on another',
  },
  SQLITE_IOERR: {
    reason: 'a disk I/O error',
    remedy:
      'check that device (its free space, the kernel log), or set FACTBOARD_DATA_DIR to a directory on another',
  },
};

/**
 * The line for an SQLite error that stopped the start, with its code (extended, as
 * better-sqlite3 gives it: SQLITE_READONLY_DBMOVED reads as SQLITE_READONLY); null for any
 * other error, and for an SQLite code not listed above.
 */
export function databaseProblem(error: unknown, dataDir: string): string | null {
  if (!(error instanceof Database.SqliteError)) return null;
  const primary = /^SQLITE_[A-Z]+/.exec(error.code)?.[0];
  const problem = primary === undefined ? undefined : PROBLEMS[primary];
  if (problem === undefined) return null;
  const file = join(resolve(dataDir), DATABASE_FILE);
  return `Factboard cannot start: ${file}: ${problem.reason} (${error.code}). To fix it, ${problem.remedy}.`;
}
