/**
 * The server's pool of board threads (boardWorker): exports, imports and card reads each build
 * a whole board off the event loop. Two threads at most (one per core here), which is also a
 * cap on boards built at once: each holds a whole board in memory (a few hundred MB for 10,000
 * cards), so a burst queues here, first come first served, instead of exhausting the server's
 * memory, and past `maxWaiting` jobs is refused (JobError 'busy'). A job holding its thread
 * past `timeoutMs` (an export's download included: a client that never reads would hold it
 * forever) is stopped with its thread. A thread stays for the next job (starting one under tsx
 * costs 1.4–2.7 s, far more than exporting a small board) and ends after `idleMs` without one,
 * giving back what a big board left in its heap.
 */
import type { FromBoardWorker, ToBoardWorker } from './boardWorkerMessages';
import { createWorkerPool, type WorkerPool } from './createWorkerPool';

export type BoardWorkers = WorkerPool<ToBoardWorker, FromBoardWorker>;

export function createBoardWorkers(options: {
  readonly maxWaiting: number;
  readonly timeoutMs: number;
  readonly idleMs: number;
}): BoardWorkers {
  return createWorkerPool<ToBoardWorker, FromBoardWorker>({
    entry: new URL('./boardWorker.ts', import.meta.url),
    threads: 2,
    ...options,
  });
}
