/**
 * The export worker: renders one export off the main thread and streams the text back in
 * slices. Loading a 10,000-card board into a doc and reading it takes about a second of
 * uninterrupted work that cannot be split (one Y.applyUpdate of the snapshot); here it holds
 * only this thread, never the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ExportError } from '../../shared/export/ExportError';
import { type ExportJob, renderExport } from './renderExport';
import type { WorkerMessage } from './workerMessages';

/** Slices small enough that the main thread copies each one in well under a millisecond. */
const SLICE_CHARS = 256 * 1024;

const port = parentPort;
if (!port) throw new Error('exportWorker runs as a worker thread only');
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const rendered = renderExport((workerData as { job: ExportJob }).job);
  post({ type: 'head', title: rendered.title, skipped: rendered.skipped });
  for (let i = 0; i < rendered.text.length; i += SLICE_CHARS) {
    post({ type: 'chunk', text: rendered.text.slice(i, i + SLICE_CHARS) });
  }
  post({ type: 'end' });
} catch (err) {
  if (!(err instanceof ExportError)) throw err;
  post({ type: 'refused', code: err.code, message: err.message });
}
