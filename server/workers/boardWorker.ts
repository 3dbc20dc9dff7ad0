/**
 * A thread of the board pool (createBoardWorkers): builds boards off the main thread, one job after
 * another, for an export (streamExport), an import (buildImport) or a card read (readCardAt).
 * Whatever fails other than an export's refusal is thrown and ends the thread, which the pool
 * sees as a failed job.
 */
import { parentPort } from 'node:worker_threads';
import { readCardAt } from '../cards/readCardAt';
import { buildImport } from '../export/buildImport';
import { streamExport } from '../export/streamExport';
import type { FromBoardWorker, ToBoardWorker } from './boardWorkerMessages';

const port = parentPort;
if (!port) throw new Error('boardWorker runs as a worker thread only');
const post = (message: FromBoardWorker | { type: 'ready' }, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

// One listener for the thread's life, so no message arrives while nobody listens.
const inbox: ToBoardWorker[] = [];
let waiting: ((message: ToBoardWorker) => void) | null = null;
port.on('message', (message: ToBoardWorker) => {
  if (!waiting) return void inbox.push(message);
  const resolve = waiting;
  waiting = null;
  resolve(message);
});
const receive = (): Promise<ToBoardWorker> =>
  inbox.length > 0
    ? Promise.resolve(inbox.shift() as ToBoardWorker)
    : new Promise((resolve) => (waiting = resolve));

post({ type: 'ready' });
for (;;) {
  const job = await receive();
  switch (job.type) {
    case 'export':
      await streamExport(job.job, receive, post);
      break;
    case 'import': {
      const built = buildImport(job.text, job.at);
      post({ type: 'imported', built }, built.ok ? [built.update.buffer as ArrayBuffer] : []);
      break;
    }
    case 'card':
      post({ type: 'card', card: readCardAt(job.job) });
      break;
    default:
      throw new Error(`a board job cannot start with '${job.type}'`);
  }
}
