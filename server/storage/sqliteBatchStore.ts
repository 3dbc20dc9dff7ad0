/**
 * Writes update batches and history rows on one SQLite connection. The storage's own
 * connection writes them as they come (createSqliteStorage); the storage's thread writes the
 * batches still in the pending log before a redaction rewrites the board on its connection
 * (sqliteRedaction), so that the event loop never waits for the thread's write lock. A batch's
 * REST change keys go into idempotency_keys in its transaction.
 */
import type Database from 'better-sqlite3';
import type { HistoryEvent, UpdateBatch } from './Storage';
import type { PendingRecord } from './pendingLog';
import { HELD } from './sqliteIdempotencyKeys';

export interface SqliteBatchStore {
  insertHistory(events: readonly HistoryEvent[]): void;
  /** Inside a transaction: the batch's updates numbered from `firstSeq`, and what it carries. */
  insertBatch(boardId: string, firstSeq: number, batch: UpdateBatch): void;
  /**
   * Stores pending-log records in the tables, each once however often it is given (the table
   * pending_applied says up to which one), in one transaction; returns those stored now.
   */
  storeRecords: Database.Transaction<(records: readonly PendingRecord[]) => PendingRecord[]>;
}

export function sqliteBatchStore(db: Database.Database): SqliteBatchStore {
  const q = {
    insertUpdate: db.prepare('INSERT INTO updates (seq, board_id, data, at) VALUES (?, ?, ?, ?)'),
    insertHistory: db.prepare(
      `INSERT INTO history (board_id, card_id, type, actor_id, actor_name, at, data)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertBinding: db.prepare(
      'INSERT OR IGNORE INTO client_bindings (board_id, client_id, invite_id) VALUES (?, ?, ?)',
    ),
    insertHolder: db.prepare('INSERT INTO deleted_holders (board_id, data) VALUES (?, ?)'),
    insertStruct: db.prepare(
      `INSERT OR IGNORE INTO deleted_structs (board_id, client_id, clock, length, key, holder)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    // Over an entry the key had: its change is newer (a repeat's, once the first's was dropped).
    insertKey: db.prepare(
      `INSERT OR REPLACE INTO idempotency_keys (board_id, key, digest, status, body, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    appliedRecord: db.prepare('SELECT upto FROM pending_applied'),
    setAppliedRecord: db.prepare('UPDATE pending_applied SET upto = ?'),
  };

  const insertHistory = (events: readonly HistoryEvent[]) => {
    for (const e of events) {
      q.insertHistory.run(
        e.boardId,
        e.cardId,
        e.type,
        e.actor.id,
        e.actor.name,
        e.at,
        JSON.stringify(e.data),
      );
    }
  };

  const insertBatch = (boardId: string, firstSeq: number, batch: UpdateBatch) => {
    batch.updates.forEach((update, i) =>
      q.insertUpdate.run(firstSeq + i, boardId, update, batch.at),
    );
    for (const b of batch.bindings) q.insertBinding.run(boardId, b.clientId, b.inviteId);
    insertHistory(batch.history);
    for (const { holder, structs } of batch.places ?? []) {
      const id = q.insertHolder.run(boardId, JSON.stringify(holder)).lastInsertRowid;
      for (const s of structs) q.insertStruct.run(boardId, s.client, s.clock, s.length, s.key, id);
    }
    for (const k of batch.keys ?? []) {
      q.insertKey.run(boardId, k.key, k.digest, HELD, k.result, k.createdAt);
    }
  };

  const storeRecords = db.transaction((records: readonly PendingRecord[]) => {
    const applied = (q.appliedRecord.get() as { upto: number }).upto;
    const fresh = records.filter((r) => r.rec > applied);
    for (const r of fresh) insertBatch(r.boardId, r.firstSeq, r.batch);
    const last = fresh[fresh.length - 1];
    if (last) q.setAppliedRecord.run(last.rec);
    return fresh;
  });

  return { insertHistory, insertBatch, storeRecords };
}
