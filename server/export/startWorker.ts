import { Worker } from 'node:worker_threads';

const BOOT = new URL('./workerBoot.mjs', import.meta.url);

/** Starts a TypeScript worker entry (a file beside this one) with `data` as its workerData. */
export function startWorker(entry: string, data: Readonly<Record<string, unknown>>): Worker {
  return new Worker(BOOT, {
    workerData: { ...data, entry: new URL(entry, import.meta.url).href },
  });
}
