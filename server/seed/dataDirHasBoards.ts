/**
 * Whether the server's data directory already holds a board, read from its SQLite file.
 *
 * The Storage interface has no way to list or count boards, so this opens the file that
 * startServer uses read-only (a second connection is safe in WAL mode). A `hasBoards()` on
 * Storage would let the seed work on any backend; until then the seed is SQLite-only, like
 * startServer.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The file name startServer gives the SQLite database inside the data directory. */
const SQLITE_FILE = 'factboard.sqlite';

export function dataDirHasBoards(dataDir: string): boolean {
  const file = join(resolve(dataDir), SQLITE_FILE);
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT 1 FROM boards LIMIT 1').get() !== undefined;
  } finally {
    db.close();
  }
}
