/**
 * A cap on worker threads running at once. An export, import or card read holds a whole board
 * in memory (a few hundred MB for 10,000 cards), so a burst of them queues here (workerSlots),
 * first come first served, instead of exhausting the server's memory; the extraction pool
 * keeps its own slots the same way (createExtractionPool).
 */
export interface Slots {
  /** Runs `work` once a slot is free; the slot is freed when it settles, either way. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Jobs running and waiting, for tests and health. */
  stats(): { running: number; waiting: number };
}

export function createSlots(limit: number): Slots {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run(work) {
      if (running < limit) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}

/** The server's one pool: two boards exported or imported at a time (one per core here). */
export const workerSlots = createSlots(2);
