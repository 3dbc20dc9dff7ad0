import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** How often the checkpoint worker runs. */
const CHECKPOINT_INTERVAL_MS = 1_000;

/** Checkpoints on a worker thread; if the worker cannot run, SQLite's own come back. */
export function startCheckpointer(db: Database.Database, file: string) {
  db.pragma('wal_autocheckpoint = 0');
  const fallback = () => db.open && db.pragma('wal_autocheckpoint = 1000');
  let worker: Worker;
  try {
    worker = new Worker(new URL('./checkpointWorker.mjs', import.meta.url), {
      workerData: { file, intervalMs: CHECKPOINT_INTERVAL_MS },
    });
  } catch {
    fallback();
    return { stop: async () => {} };
  }
  worker.unref();
  worker.on('error', fallback);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Unref'd while it runs, so that it never keeps the process alive; but while close()
      // waits for it to exit it must hold the loop, or a process with nothing else pending
      // ends mid-await (exit code 13: unsettled top-level await).
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
