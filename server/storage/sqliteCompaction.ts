/**
 * Compaction and pruning on one SQLite connection. Both rewrite a lot (a 10,000-card board's
 * snapshot is 17 MB, and building it means loading the board), so the SQLite storage runs them
 * on its compaction thread (compactionWorker.ts) with a connection of its own; an in-memory
 * database, which no other connection can open, runs them in place.
 */
import type Database from 'better-sqlite3';
import { snapshotOf } from './applyStoredContent';
import type { CompactionJob, Compactor } from './compactionJobs';

/** Snapshots inside the retention period are thinned to the first of each day (and the newest). */
const DAY_MS = 86_400_000;

export interface SqliteCompaction {
  /** See Storage.compact. */
  compact(boardId: string, uptoSeq: number, at: number, state?: Uint8Array): number;
  /** See Storage.prune. */
  prune(boardId: string, before: number): void;
}

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

  return {
    compact(boardId, uptoSeq, at, state) {
      const snapshot = state ?? build(boardId, uptoSeq);
      if (typeof snapshot === 'number') return snapshot;
      q.insertSnapshot.run(boardId, uptoSeq, snapshot, at);
      return snapshot.byteLength;
    },
    prune(boardId, before) {
      // The newest snapshot at or before `before` is where "the board as of any moment since
      // `before`" starts; everything it covers can go. Later snapshots are only shortcuts:
      // one a day is enough, since the log between them is kept.
      // IMMEDIATE: it reads, then writes, while the storage's own connection writes too.
      db.transaction(() => {
        const base = q.snapshotSeqAt.get(boardId, before) as { upto_seq: number } | undefined;
        q.thinSnapshots.run({ board: boardId, base: base?.upto_seq ?? 0 });
        if (!base) return;
        q.pruneSnapshots.run(boardId, base.upto_seq);
        q.pruneUpdates.run(boardId, base.upto_seq);
      }).immediate();
    },
  };
}

/** Runs one job on `work`: a compaction returns its snapshot's size, a prune 0. */
export function runCompactionJob(work: SqliteCompaction, job: CompactionJob): number {
  if (job.type === 'compact') return work.compact(job.boardId, job.uptoSeq, job.at, job.state);
  work.prune(job.boardId, job.before);
  return 0;
}

/** For a database no other connection can open (':memory:'): the jobs run in place. */
export function inPlaceCompactor(db: Database.Database): Compactor {
  const work = sqliteCompaction(db);
  return {
    busy: false,
    run: async (job) => runCompactionJob(work, job),
    stop: async () => {},
  };
}
