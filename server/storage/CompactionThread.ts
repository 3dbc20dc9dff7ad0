/**
 * The main thread's side of compactionWorker.ts: starts the worker at the first job, sends it
 * jobs and settles each job's promise with its reply. Only big boards' compactions come here,
 * so a server without one never pays for the thread (about 0.24 s of CPU to start, off the
 * event loop, and about 30 MB of RSS). If the worker dies (out of memory on a huge board, say),
 * its jobs fail, the caller retries them later, and the next job starts a new worker.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/startWorker';
import type { CompactionJob, Compactor, FromCompactor, ToCompactor } from './compactionJobs';
import { StorageError } from './StorageError';

interface Waiting {
  /** The worker the job was sent to: only its death fails the job. */
  readonly worker: Worker;
  resolve(bytes: number): void;
  reject(error: Error): void;
}

export class CompactionThread implements Compactor {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** The jobs running or waiting (their promises, settled or not). */
  private readonly jobs = new Set<Promise<number>>();

  constructor(private readonly file: string) {}

  /** Whether a job is running or waiting. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }

  run(job: CompactionJob): Promise<number> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const done = new Promise<number>((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      // Held only while it has work: an idle worker never keeps the process alive.
      worker.ref();
      worker.postMessage({ ...job, type: 'compact', id } satisfies ToCompactor);
    });
    const settled = () => this.jobs.delete(done);
    done.then(settled, settled);
    this.jobs.add(done);
    return done;
  }

  /** Resolves once no job runs or waits (their callers see how each ended). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs]);
  }

  /** Lets the jobs given so far finish, then ends the worker. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    worker.ref();
    worker.postMessage({ type: 'stop' } satisfies ToCompactor);
    await this.exited;
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
      if (message.type === 'done') waiting?.resolve(message.bytes);
      else waiting?.reject(new StorageError('compaction_failed', message.message));
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.waiting) {
        if (waiting.worker !== worker) continue;
        this.waiting.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', (error) =>
      failAll(new StorageError('compaction_failed', `compaction thread failed: ${error.message}`)),
    );
    this.exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        failAll(new StorageError('compaction_failed', `compaction thread exited with ${code}`));
        resolve();
      }),
    );
    return worker;
  }
}
