/** A compaction as the SQLite storage runs it (sqliteCompaction.ts), and who runs it. */
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

/** Between the storage and its compaction thread (CompactionThread, compactionWorker). */
export type ToCompactor =
  (CompactionJob & { readonly type: 'compact'; readonly id: number }) | { readonly type: 'stop' };

export type FromCompactor =
  | { readonly type: 'done'; readonly id: number; readonly bytes: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
