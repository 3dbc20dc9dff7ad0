/**
 * The answers Idempotency-Keys get again (server/http/IdempotencyKeys.ts), in the SQLite file
 * (layout 11): those the server's memory keeps, so that a repeat after a restart gets the same
 * answer and its change is not done twice. A change's own entry (HELD, its result) is stored
 * with its batch (sqliteBatchStore); the writes here come after the batches the pending log
 * holds (`current`), so that a batch moved into the tables later never puts back the entry a
 * key had before an answer replaced it or it was removed.
 */
import type Database from 'better-sqlite3';

/** The status of a held entry: its body is the change's result, not an answer. */
export const HELD = 0;

export interface StoredAnswer {
  readonly boardId: string;
  readonly key: string;
  /** The request's hash: the same key with another request is refused. */
  readonly digest: string;
  readonly status: number;
  readonly body: unknown;
  readonly createdAt: number;
}

export interface IdempotencyStore {
  /** Those created at or after `since`, oldest first. */
  list(since: number): StoredAnswer[];
  save(answer: StoredAnswer): Promise<void>;
  remove(boardId: string, key: string): Promise<void>;
  /** Those created before `at`. */
  removeBefore(at: number): Promise<void>;
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
    save: db.prepare(
      `INSERT OR REPLACE INTO idempotency_keys (board_id, key, digest, status, body, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    remove: db.prepare('DELETE FROM idempotency_keys WHERE board_id = ? AND key = ?'),
    removeBefore: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
  };
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
      q.save.run(a.boardId, a.key, a.digest, a.status, JSON.stringify(a.body), a.createdAt);
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
