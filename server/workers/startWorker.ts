import { Worker } from 'node:worker_threads';

const BOOT = new URL('./workerBoot.mjs', import.meta.url);

/**
 * Starts a TypeScript worker entry with `data` as its workerData. Pass the entry as
 * `new URL('./file.ts', import.meta.url)` from the module beside it.
 */
export function startWorker(entry: URL, data: Readonly<Record<string, unknown>>): Worker {
  return new Worker(BOOT, { workerData: { ...data, entry: entry.href } });
}
