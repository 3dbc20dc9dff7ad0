/**
 * A redaction (Storage.redactComment) on one SQLite connection: the storage's thread runs it
 * on its own connection (compactionWorker.ts), an in-memory database in place. Decoding every
 * stored update and snapshot of a big board and rebuilding the file take hundreds of ms to
 * seconds (776 ms for 162,001 updates in a 13 MB file; VACUUM about 13 ms per MB), which the
 * event loop that relays every board's edits used to spend in one go.
 */
import type Database from 'better-sqlite3';
import { redactHistoryData } from '../../shared/history/redactHistoryData';
import { decodePendingRecord } from './pendingLog';
import { redactUpdate } from './redactUpdate';
import type { CommentRedaction, RedactionCounts } from './Storage';
import { sqliteBatchStore } from './sqliteBatchStore';
import { bytesOf } from './bytesOf';

export interface RedactionJob extends CommentRedaction {
  /**
   * The pending log's records (as written there) not yet in the tables: they may hold the
   * words, and the storage's own connection must not write while the job holds the file.
   */
  readonly pending: readonly Uint8Array[];
}

/** Rewrites the board's rows and rebuilds the file; the caller then empties the WAL. */
export type SqliteRedaction = (job: RedactionJob) => RedactionCounts;

export function sqliteRedaction(db: Database.Database): SqliteRedaction {
  const { storeRecords } = sqliteBatchStore(db);
  const q = {
    boardUpdateSeqs: db.prepare('SELECT seq FROM updates WHERE board_id = ?'),
    updateData: db.prepare('SELECT data FROM updates WHERE seq = ?'),
    setUpdate: db.prepare('UPDATE updates SET data = ? WHERE seq = ?'),
    boardSnapshotSeqs: db.prepare('SELECT upto_seq FROM snapshots WHERE board_id = ?'),
    snapshotData: db.prepare('SELECT data FROM snapshots WHERE board_id = ? AND upto_seq = ?'),
    setSnapshot: db.prepare('UPDATE snapshots SET data = ? WHERE board_id = ? AND upto_seq = ?'),
    commentHistory: db.prepare(
      `SELECT seq, data FROM history WHERE board_id = ? AND json_extract(data, '$.commentId') = ?`,
    ),
    setHistoryData: db.prepare('UPDATE history SET data = ? WHERE seq = ?'),
  };

  // One transaction: the board's stored past is rewritten whole or not at all, a crash included.
  const rewrite = db.transaction((job: RedactionJob): RedactionCounts => {
    const { boardId, commentId, ranges, by, at } = job;
    storeRecords(job.pending.map(decodePendingRecord));
    let updates = 0;
    // One row at a time would keep the statement open while the rows are rewritten, which
    // SQLite refuses on one connection: the board's seqs first, then each row.
    for (const { seq } of q.boardUpdateSeqs.all(boardId) as { seq: number }[]) {
      const row = q.updateData.get(seq) as { data: Buffer };
      const data = redactUpdate(bytesOf(row.data), ranges);
      if (data) updates += q.setUpdate.run(data, seq).changes;
    }
    // Likewise the snapshots, one in memory at a time (a big board's are tens of MB each).
    let snapshots = 0;
    for (const { upto_seq } of q.boardSnapshotSeqs.all(boardId) as { upto_seq: number }[]) {
      const row = q.snapshotData.get(boardId, upto_seq) as { data: Buffer };
      const data = redactUpdate(bytesOf(row.data), ranges);
      if (data) snapshots += q.setSnapshot.run(data, boardId, upto_seq).changes;
    }
    let history = 0;
    for (const row of q.commentHistory.all(boardId, commentId) as { seq: number; data: string }[]) {
      const data = redactHistoryData(JSON.parse(row.data) as Record<string, unknown>, { by, at });
      if (data) history += q.setHistoryData.run(JSON.stringify(data), row.seq).changes;
    }
    return { updates, snapshots, history };
  });

  return (job) => {
    // IMMEDIATE: the write lock up front, as the compaction's writes take it.
    const counts = rewrite.immediate(job);
    // Rewritten rows leave their old bytes behind: in the free space of pages, in pages freed
    // earlier (SQLite zeroes neither), in the WAL. VACUUM rebuilds the file from the live rows
    // alone; the caller's checkpoint then moves it out of the WAL and empties that.
    db.exec('VACUUM');
    return counts;
  };
}
