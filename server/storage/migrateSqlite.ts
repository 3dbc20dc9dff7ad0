/**
 * Moves a SQLite file's layout up to this version's (MIGRATIONS, numbered by user_version) on
 * open, and refuses one written by a newer version.
 */
import type Database from 'better-sqlite3';
import { StorageError } from './StorageError';
import { isDiskFull } from './isDiskFull';
import { MIGRATIONS } from './sqliteSchema';
import { wellFormStoredNames } from './wellFormStoredNames';

export function migrateSqlite(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  // A newer Factboard's file may hold what this one would misread or let through unchecked
  // (a later write policy relies on what its history records): it is not opened at all.
  if (version > MIGRATIONS.length) {
    throw new StorageError(
      'newer_layout',
      `the data was written by a newer version of Factboard (storage layout ${version}; this version knows up to ${MIGRATIONS.length})`,
    );
  }
  try {
    db.transaction(() => {
      for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v] as string);
      // Not a layout change: names an older version stored unreadably, read right from now on.
      wellFormStoredNames(db);
      // Written even when it is unchanged: a file SQLite could open only read-only (an
      // append-only flag, a mount access() did not show as read-only) is refused at start
      // (SQLITE_READONLY) rather than at the first edit, as is one another program holds
      // locked (SQLITE_BUSY).
      db.pragma(`user_version = ${MIGRATIONS.length}`);
    }).immediate();
  } catch (error) {
    // A full disk with the layout current already: that write was only a check (the file is
    // writable, or it would have failed so), and the server starts to serve what is stored and
    // keep what waits (its pending log: createSqliteStorage). A layout to change cannot start so.
    if (!(isDiskFull(error) && version === MIGRATIONS.length)) throw error;
  }
}
