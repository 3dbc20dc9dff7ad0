/**
 * The main thread's side of compactionWorker.ts: starts the worker a moment after the storage
 * opens (or at the first job, if sooner), sends it jobs and settles each job's promise with its
 * reply. If the worker dies (out of memory on a
 * huge board, say), its jobs fail, the caller retries them later, and the next job starts a
 * new worker.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/startWorker';
import type { CompactionJob, Compactor, FromCompactor, ToCompactor } from './compactionJobs';

const WARM_UP_AFTER_MS = 1_000;

interface Waiting {
  resolve(bytes: number): void;
  reject(error: Error): void;
}

export class CompactionThread implements Compactor {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  private readonly warmUp: NodeJS.Timeout;

  constructor(private readonly file: string) {
    // Starting the worker costs about 0.24 s of CPU (a V8 isolate, the TypeScript loader, yjs,
    // SQLite). Paid at the first compaction, it lands on a server under load, on whichever
    // core the edits need; paid soon after start, it lands on an idle one. A storage closed
    // before then (tests, tools) never starts it.
    this.warmUp = setTimeout(() => this.worker ?? this.start(), WARM_UP_AFTER_MS).unref();
  }

  get busy(): boolean {
    return this.waiting.size > 0;
  }

  run(job: CompactionJob): Promise<number> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Held only while it has work: an idle worker never keeps the process alive.
      worker.ref();
      worker.postMessage({ ...job, type: 'compact', id } satisfies ToCompactor);
    });
  }

  async stop(): Promise<void> {
    clearTimeout(this.warmUp);
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
      else waiting?.reject(new Error(`compaction failed: ${message.message}`));
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    worker.on('error', failAll);
    this.exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        failAll(new Error(`compaction thread exited with code ${code}`));
        resolve();
      }),
    );
    return worker;
  }
}
