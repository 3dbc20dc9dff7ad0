/** Runs renderExport in a worker thread and hands its output to a sink as it arrives. */
import { Worker } from 'node:worker_threads';
import { ExportError } from '../../shared/export/ExportError';
import type { ExportJob, RenderedExport } from './renderExport';
import type { WorkerMessage } from './workerMessages';

export interface ExportSink {
  /** Called once, before the first chunk. */
  start(head: Pick<RenderedExport, 'title' | 'skipped'>): void;
  write(chunk: string): void;
}

const BOOT = new URL('./workerBoot.mjs', import.meta.url);
const ENTRY = new URL('./exportWorker.ts', import.meta.url).href;

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
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY, job } });
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

    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      try {
        switch (message.type) {
          case 'head':
            sink.start({ title: message.title, skipped: message.skipped });
            break;
          case 'chunk':
            sink.write(message.text);
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
  });
}
