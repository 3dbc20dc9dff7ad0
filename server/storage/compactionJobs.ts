/**
 * A compaction as the SQLite storage runs it (sqliteCompaction.ts), and who runs it; and the
 * messages between the storage and its thread, which also runs redactions (sqliteRedaction.ts)
 * and empties the WAL after a board's deletion.
 */
import type { RedactionJob } from './sqliteRedaction';
import type { RedactionCounts } from './Storage';

export interface CompactionJob {
  readonly boardId: string;
  readonly uptoSeq: number;
  readonly at: number;
  /** The snapshot, if the room encoded it (stored in place); else built from the stored log. */
  readonly state?: Uint8Array;
  readonly pruneBefore: number;
}

/** Runs jobs one at a time, in the order given: in place, or on the compaction thread. */
export interface Compactor {
  /** Resolves with the job's snapshot size in bytes (see Storage.compact). */
  run(job: CompactionJob): Promise<number>;
}

/** What the thread did of a redaction: its rows' counts, and whether the WAL was emptied. */
export interface RedactionDone {
  readonly counts: RedactionCounts;
  /** False when checkpoints running meanwhile kept it busy past every try. */
  readonly walEmptied: boolean;
}

/** Between the storage and its thread (CompactionThread, compactionWorker). */
export type ToCompactor =
  | (CompactionJob & { readonly type: 'compact'; readonly id: number })
  | (RedactionJob & { readonly type: 'redact'; readonly id: number })
  | { readonly type: 'emptyWal'; readonly id: number }
  | { readonly type: 'stop' };

export type FromCompactor =
  | { readonly type: 'compacted'; readonly id: number; readonly bytes: number }
  | { readonly type: 'redacted'; readonly id: number; readonly done: RedactionDone }
  /** Whether the WAL was emptied (false: checkpoints kept it busy past every try). */
  | { readonly type: 'walEmptied'; readonly id: number; readonly emptied: boolean }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
