/**
 * Makes every move of the pending log's batches into the tables of the SQLite file at `file`
 * fail, until the returned undo: SQLite's own failure, from a trigger a second connection adds
 * to the real file (a full disk cannot be made in-process). Appends to the pending log go on.
 */
import Database from 'better-sqlite3';

export function refuseMoves(file: string): () => void {
  const other = new Database(file);
  other.exec(
    "CREATE TRIGGER refuse BEFORE INSERT ON updates BEGIN SELECT RAISE(ABORT, 'no space'); END",
  );
  return () => {
    other.exec('DROP TRIGGER refuse');
    other.close();
  };
}
