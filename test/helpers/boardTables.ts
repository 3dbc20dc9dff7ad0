/**
 * Every SQLite table that holds a board's rows, with the column that names the board: what a
 * board's deletion must leave empty for it (and untouched for every other board). Listed here,
 * not read from the storage's own list, so that a table the deletion forgets fails the tests.
 */
import type Database from 'better-sqlite3';

export const BOARD_TABLES = [
  ['boards', 'id'],
  ['invites', 'board_id'],
  ['updates', 'board_id'],
  ['snapshots', 'board_id'],
  ['history', 'board_id'],
  ['client_bindings', 'board_id'],
  ['deleted_holders', 'board_id'],
  ['deleted_structs', 'board_id'],
  ['idempotency_keys', 'board_id'],
] as const;

/** How many rows each of BOARD_TABLES holds for the board, in that order. */
export const countBoardRows = (db: Database.Database, boardId: string): number[] =>
  BOARD_TABLES.map(
    ([table, column]) =>
      (
        db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(boardId) as {
          n: number;
        }
      ).n,
  );
