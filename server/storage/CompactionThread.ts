/**
 * The main thread's side of compactionWorker.ts: starts the worker at the first job, sends it
 * jobs and settles each job's promise with its reply. Only big boards' compactions,
 * redactions and the WAL's emptying after a deletion come here, so a server without one never
 * pays for the thread (about 0.24 s of CPU to start, off the event loop, and about 30 MB of
 * RSS). If the worker dies (out of memory on
 * a huge board, say), its jobs fail, the caller retries them later, and the next job starts a
 * new worker.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/startWorker';
import type {
  CompactionJob,
  Compactor,
  FromCompactor,
  RedactionDone,
  ToCompactor,
} from './compactionJobs';
import type { RedactionJob } from './sqliteRedaction';
import { StorageError, type StorageErrorCode } from './StorageError';

type Done = Exclude<FromCompactor, { type: 'failed' }>;
type Job = Exclude<ToCompactor, { type: 'stop' }>;
/** Each kind of job's message without the id the thread gives it. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = WithoutId<Job>;

interface Waiting {
  /** The worker the job was sent to: only its death fails the job. */
  readonly worker: Worker;
  /** What a failure of the job is called. */
  readonly code: StorageErrorCode;
  resolve(done: Done): void;
  reject(error: Error): void;
}

const FAILED: Record<Job['type'], StorageErrorCode> = {
  compact: 'compaction_failed',
  redact: 'redaction_failed',
  emptyWal: 'wal_busy',
};

export class CompactionThread implements Compactor {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(private readonly file: string) {}

  /** Whether a job is running or waiting. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }

  async run(job: CompactionJob): Promise<number> {
    const done = await this.send({ ...job, type: 'compact' });
    if (done.type !== 'compacted') throw new StorageError('compaction_failed', 'wrong reply');
    return done.bytes;
  }

  /** A redaction (sqliteRedaction), after the jobs given before it. */
  async redact(job: RedactionJob): Promise<RedactionDone> {
    const done = await this.send({ ...job, type: 'redact' });
    if (done.type !== 'redacted') throw new StorageError('redaction_failed', 'wrong reply');
    return done.done;
  }

  /**
   * Copies the WAL into the file and truncates it, after the jobs given before: whatever it held
   * of rows deleted meanwhile is gone from it. False when other checkpoints kept it busy.
   */
  async emptyWal(): Promise<boolean> {
    const done = await this.send({ type: 'emptyWal' });
    if (done.type !== 'walEmptied') throw new StorageError('wal_busy', 'wrong reply');
    return done.emptied;
  }

  /** Lets the jobs given so far finish, then ends the worker. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    worker.ref();
    worker.postMessage({ type: 'stop' } satisfies ToCompactor);
    await this.exited;
  }

  private send(request: Request): Promise<Done> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Done>((resolve, reject) => {
      this.waiting.set(id, { worker, code: FAILED[request.type], resolve, reject });
      // Held only while it has work: an idle worker never keeps the process alive.
      worker.ref();
      worker.postMessage({ ...request, id } satisfies ToCompactor);
    });
  }

  private start(): Worker {
    const worker = startWorker(new URL('./compactionWorker.ts', import.meta.url), {
      file: this.file,
    });
    this.worker = worker;
    worker.unref();
    worker.on('message', (message: FromCompactor) => {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (this.waiting.size === 0) worker.unref();
      if (message.type === 'failed')
        waiting?.reject(new StorageError(waiting.code, message.message));
      else waiting?.resolve(message);
    });
    const failAll = (reason: string) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.waiting) {
        if (waiting.worker !== worker) continue;
        this.waiting.delete(id);
        waiting.reject(new StorageError(waiting.code, reason));
      }
    };
    worker.on('error', (error) => failAll(`compaction thread failed: ${error.message}`));
    this.exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        failAll(`compaction thread exited with ${code}`);
        resolve();
      }),
    );
    return worker;
  }
}
