/**
 * A SQLite file as an older Factboard left it: the first `version` storage layouts only, and
 * rows that `fill` inserts as that version wrote them. Opening it (createSqliteStorage, or a
 * server started on its directory) upgrades it in place, as it would an older data directory.
 */
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../server/storage/sqliteSchema';

export function writeOldLayout(
  file: string,
  version: number,
  fill: (db: Database.Database) => void,
): void {
  const old = new Database(file);
  try {
    MIGRATIONS.slice(0, version).forEach((sql) => old.exec(sql));
    old.pragma(`user_version = ${version}`);
    fill(old);
  } finally {
    old.close();
  }
}
