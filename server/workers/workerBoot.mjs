// Worker threads start without the tsx loader the server runs under (`node --import tsx`
// does not reach a worker's own module graph in every Node 20 release, nor under vitest), so
// the worker registers it itself before loading its TypeScript entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
