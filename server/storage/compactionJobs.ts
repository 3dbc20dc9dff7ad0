/** The jobs the SQLite storage hands off (sqliteCompaction.ts), and who runs them. */
export type CompactionJob =
  | {
      readonly type: 'compact';
      readonly boardId: string;
      readonly uptoSeq: number;
      readonly at: number;
      /** The snapshot, if the caller encoded it (see Storage.compact). */
      readonly state?: Uint8Array;
    }
  | { readonly type: 'prune'; readonly boardId: string; readonly before: number };

/** Runs jobs one at a time, in the order given. */
export interface Compactor {
  /** Whether a job is running or waiting. */
  readonly busy: boolean;
  /** Resolves with the job's result: a compaction's snapshot size in bytes, a prune's 0. */
  run(job: CompactionJob): Promise<number>;
  /** Lets the jobs given so far finish, then stops. */
  stop(): Promise<void>;
}

/** Between the storage and its compaction thread (CompactionThread, compactionWorker). */
export type ToCompactor = (CompactionJob & { readonly id: number }) | { readonly type: 'stop' };

export type FromCompactor =
  | { readonly type: 'done'; readonly id: number; readonly bytes: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
