/**
 * Compaction on one SQLite connection: store a snapshot, then prune what retention no longer
 * needs. Building a big board's snapshot means loading the whole board (a 10,000-card board's
 * is 17 MB), so the SQLite storage hands those to its compaction thread (compactionWorker.ts),
 * which has a connection of its own; a snapshot the room encoded is stored in place.
 */
import type Database from 'better-sqlite3';
import { snapshotOf } from './applyStoredContent';
import type { CompactionJob, Compactor } from './compactionJobs';

/** Snapshots inside the retention period are thinned to the first of each day (and the newest). */
const DAY_MS = 86_400_000;

/** Runs a job (see Storage.compact); returns the snapshot's size in bytes. */
export type SqliteCompaction = (job: CompactionJob) => number;

export function sqliteCompaction(db: Database.Database): SqliteCompaction {
  const q = {
    snapshotUpTo: db.prepare(
      `SELECT upto_seq, data FROM snapshots WHERE board_id = ? AND upto_seq <= ?
       ORDER BY upto_seq DESC LIMIT 1`,
    ),
    updatesBetween: db.prepare(
      'SELECT data FROM updates WHERE board_id = ? AND seq > ? AND seq <= ? ORDER BY seq',
    ),
    insertSnapshot: db.prepare(
      'INSERT OR REPLACE INTO snapshots (board_id, upto_seq, data, at) VALUES (?, ?, ?, ?)',
    ),
    snapshotSeqAt: db.prepare(
      `SELECT upto_seq FROM snapshots WHERE board_id = ? AND at <= ?
       ORDER BY at DESC, upto_seq DESC LIMIT 1`,
    ),
    thinSnapshots: db.prepare(
      `DELETE FROM snapshots AS s WHERE s.board_id = @board AND s.upto_seq > @base
       AND s.upto_seq < (SELECT MAX(upto_seq) FROM snapshots WHERE board_id = @board)
       AND s.upto_seq <> (SELECT MIN(d.upto_seq) FROM snapshots AS d
                          WHERE d.board_id = @board AND d.at / ${DAY_MS} = s.at / ${DAY_MS})`,
    ),
    pruneSnapshots: db.prepare('DELETE FROM snapshots WHERE board_id = ? AND upto_seq < ?'),
    pruneUpdates: db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?'),
  };

  // One read transaction: the snapshot and the rows after it are from the same moment.
  const readUpTo = db.transaction((boardId: string, uptoSeq: number) => {
    const base = q.snapshotUpTo.get(boardId, uptoSeq) as
      { upto_seq: number; data: Buffer } | undefined;
    const rows = q.updatesBetween.all(boardId, base?.upto_seq ?? 0, uptoSeq) as { data: Buffer }[];
    return { base, updates: rows.map((r) => r.data) };
  });
  /** The snapshot up to `uptoSeq`, or, when nothing follows the newest one, that one's size. */
  const build = (boardId: string, uptoSeq: number): Uint8Array | number => {
    const { base, updates } = readUpTo(boardId, uptoSeq);
    if (updates.length === 0) return base?.data.byteLength ?? 0;
    return snapshotOf({ snapshot: base?.data ?? null, updates });
  };

  /** Stores the snapshot (if there is a new one) and prunes, in one transaction. */
  const store = db.transaction((job: CompactionJob, snapshot: Uint8Array | null) => {
    if (snapshot) q.insertSnapshot.run(job.boardId, job.uptoSeq, snapshot, job.at);
    // The newest snapshot at or before the cut is where "the board as of any moment since the
    // cut" starts; everything it covers can go. Later snapshots are only shortcuts: one a day
    // is enough, since the log between them is kept.
    const base = q.snapshotSeqAt.get(job.boardId, job.pruneBefore) as
      { upto_seq: number } | undefined;
    q.thinSnapshots.run({ board: job.boardId, base: base?.upto_seq ?? 0 });
    if (!base) return;
    q.pruneSnapshots.run(job.boardId, base.upto_seq);
    q.pruneUpdates.run(job.boardId, base.upto_seq);
  });

  // IMMEDIATE: the job may have read first, and another connection may write meanwhile.
  return (job) => {
    const snapshot = job.state ?? build(job.boardId, job.uptoSeq);
    if (typeof snapshot === 'number') {
      store.immediate(job, null);
      return snapshot;
    }
    store.immediate(job, snapshot);
    return snapshot.byteLength;
  };
}

/** For a database no other connection can open (':memory:'), or a job not worth a thread. */
export function inPlaceCompactor(db: Database.Database): Compactor {
  const compact = sqliteCompaction(db);
  return { run: async (job) => compact(job) };
}
