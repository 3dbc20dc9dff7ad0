/**
 * The answers Idempotency-Keys get again (server/http/IdempotencyKeys.ts), in the SQLite file
 * (layout 11): those the server's memory keeps, so that a repeat after a restart gets the same
 * answer and its change is not done twice. A change's own entry (HELD, its result) is stored
 * with its batch (sqliteBatchStore); the writes here come after the batches the pending log
 * holds (`current`), so that a batch moved into the tables later never puts back the entry a
 * key had before an answer replaced it or it was removed. An invite's, a new board's and an
 * imported board's answer is stored with the write that makes them (answerInsert), for the
 * same reason a change's key is stored with its batch.
 */
import type Database from 'better-sqlite3';
import type { StoredAnswer } from './Storage';

/** The status of a held entry: its body is the change's result, not an answer. */
export const HELD = 0;

export interface IdempotencyStore {
  /** Those created at or after `since`, oldest first. */
  list(since: number): StoredAnswer[];
  save(answer: StoredAnswer): Promise<void>;
  remove(boardId: string, key: string): Promise<void>;
  /** Those created before `at`. */
  removeBefore(at: number): Promise<void>;
}

/** Stores an answer, over the entry its key had; inside a caller's transaction or alone. */
export function answerInsert(db: Database.Database): (answer: StoredAnswer) => void {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO idempotency_keys (board_id, key, digest, status, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  return (a) =>
    void insert.run(a.boardId, a.key, a.digest, a.status, JSON.stringify(a.body), a.createdAt);
}

export function sqliteIdempotencyKeys(
  db: Database.Database,
  current: () => Promise<void>,
  open: () => void,
): IdempotencyStore {
  const q = {
    list: db.prepare(
      `SELECT board_id, key, digest, status, body, created_at FROM idempotency_keys
       WHERE created_at >= ? ORDER BY created_at, rowid`,
    ),
    remove: db.prepare('DELETE FROM idempotency_keys WHERE board_id = ? AND key = ?'),
    removeBefore: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
  };
  const save = answerInsert(db);
  return {
    list(since) {
      open();
      const rows = q.list.all(since) as {
        board_id: string;
        key: string;
        digest: string;
        status: number;
        body: string;
        created_at: number;
      }[];
      return rows.map((r) => ({
        boardId: r.board_id,
        key: r.key,
        digest: r.digest,
        status: r.status,
        body: JSON.parse(r.body) as unknown,
        createdAt: r.created_at,
      }));
    },
    async save(a) {
      await current();
      save(a);
    },
    async remove(boardId, key) {
      await current();
      q.remove.run(boardId, key);
    },
    async removeBefore(at) {
      await current();
      q.removeBefore.run(at);
    },
  };
}
