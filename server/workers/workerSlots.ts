/**
 * A cap on jobs running at once, first come first served, with an optional bound on those
 * waiting: each worker pool (createWorkerPool) runs its jobs through its own slots.
 */
export interface Slots {
  /**
   * Runs `work` once a slot is free; the slot is freed when it settles, either way. A job whose
   * `signal` aborts while it waits leaves the queue and rejects with the signal's reason; a
   * job that would wait behind a full queue rejects at once with SlotsFullError.
   */
  run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Jobs running and waiting, for tests and health. */
  stats(): { running: number; waiting: number };
}

/** The queue already holds its `maxWaiting` jobs: the caller refuses this one now. */
export class SlotsFullError extends Error {
  constructor(readonly maxWaiting: number) {
    super(`${maxWaiting} jobs are already waiting for a slot`);
    this.name = 'SlotsFullError';
  }
}

export function createSlots(limit: number, maxWaiting = Infinity): Slots {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  const turn = (signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      // Its place is given up: the jobs behind move on, and nobody hands it a slot.
      const leave = () => {
        waiting.splice(waiting.indexOf(start), 1);
        reject(signal?.reason);
      };
      waiting.push(start);
      signal?.addEventListener('abort', leave, { once: true });
    });
  return {
    async run(work, signal) {
      signal?.throwIfAborted();
      if (running < limit) running++;
      else if (waiting.length >= maxWaiting) throw new SlotsFullError(maxWaiting);
      else await turn(signal);
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}
