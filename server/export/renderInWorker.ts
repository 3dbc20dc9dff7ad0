/** Runs renderExport in a worker thread and hands its output to a sink as it arrives. */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { ExportError } from '../../shared/export/ExportError';
import type { ExportJob, RenderedExport } from './renderExport';
import { startWorker } from '../workers/startWorker';
import type { FromWorker, ToWorker } from './workerMessages';

export interface ExportSink {
  /** Called once, before the first chunk. */
  start(head: Pick<RenderedExport, 'title' | 'skipped' | 'placeholderUrl'>): void;
  /** May return a promise (e.g. until the response drains): the next chunk waits for it. */
  write(chunk: string): void | Promise<void>;
}

/** Per message: about 2 MB of updates or 2,000 history events, a few ms to copy each. */
const UPDATE_BYTES_PER_MESSAGE = 2 * 1024 * 1024;
const EVENTS_PER_MESSAGE = 2_000;

/** The job's content and history as messages, with a turn of the event loop between them. */
async function sendJob(worker: Worker, job: ExportJob, isStopped: () => boolean): Promise<void> {
  const send = async (message: ToWorker) => {
    if (isStopped()) return;
    worker.postMessage(message);
    await yieldToLoop();
  };
  await send({ type: 'content', snapshot: job.snapshot });
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  for (const update of job.updates) {
    batch.push(update);
    batchBytes += update.byteLength;
    if (batchBytes >= UPDATE_BYTES_PER_MESSAGE) {
      await send({ type: 'updates', updates: batch });
      batch = [];
      batchBytes = 0;
    }
  }
  if (batch.length > 0) await send({ type: 'updates', updates: batch });
  for (let i = 0; i < job.history.length; i += EVENTS_PER_MESSAGE) {
    await send({ type: 'history', events: job.history.slice(i, i + EVENTS_PER_MESSAGE) });
  }
  await send({ type: 'render' });
}

/**
 * Resolves once the sink has the whole text. Rejects with the worker's ExportError when it
 * refuses (before `start`), or with an Error when it fails. Aborting terminates the worker.
 */
export function renderInWorker(
  job: ExportJob,
  sink: ExportSink,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const { snapshot: _snapshot, updates: _updates, history: _history, ...small } = job;
    const worker = startWorker(new URL('./exportWorker.ts', import.meta.url), { job: small });
    let settled = false;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (err === undefined) resolve();
      else reject(err);
    };
    const onAbort = () => finish(new Error('export aborted'));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);

    // Each message is handled in its own turn of the event loop; the worker sends the next
    // slice only when asked (see exportWorker).
    const more = () => {
      if (!settled) worker.postMessage({ type: 'more' } satisfies ToWorker);
    };
    worker.on('message', (message: FromWorker) => {
      if (settled) return;
      try {
        switch (message.type) {
          case 'head':
            sink.start({
              title: message.title,
              skipped: message.skipped,
              placeholderUrl: message.placeholderUrl,
            });
            more();
            break;
          case 'chunk':
            Promise.resolve(sink.write(message.text)).then(more, finish);
            break;
          case 'end':
            finish();
            break;
          case 'refused':
            finish(new ExportError(message.code, message.message));
            break;
        }
      } catch (err) {
        finish(err);
      }
    });
    worker.on('error', (err) => finish(err));
    worker.on('exit', (code) => finish(new Error(`export worker exited with code ${code}`)));
    sendJob(worker, job, () => settled).catch(finish);
  });
}
