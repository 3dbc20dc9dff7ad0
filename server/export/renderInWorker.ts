/** Runs renderExport on a board thread (createBoardWorkers) and hands its output to a sink as it arrives. */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ExportError } from '../../shared/export/ExportError';
import type { FromBoardWorker, ToBoardWorker } from '../workers/boardWorkerMessages';
import type { BoardWorkers } from '../workers/createBoardWorkers';
import type { PoolThread } from '../workers/createWorkerPool';
import { UnexpectedReplyError } from '../workers/UnexpectedReplyError';
import type { ExportHead, ExportJob } from './renderExport';

export interface ExportSink {
  /** Called once, before the first chunk. */
  start(head: ExportHead): void;
  /** May return a promise (e.g. until the response drains): the next chunk waits for it. */
  write(chunk: string): void | Promise<void>;
}

type BoardThread = PoolThread<ToBoardWorker, FromBoardWorker>;

/** Per message: about 2 MB of updates or 2,000 history events, a few ms to copy each. */
const UPDATE_BYTES_PER_MESSAGE = 2 * 1024 * 1024;
const EVENTS_PER_MESSAGE = 2_000;

/** The job, its content and history as messages, with a turn of the event loop between them. */
async function sendJob(thread: BoardThread, job: ExportJob, signal?: AbortSignal): Promise<void> {
  const send = async (message: ToBoardWorker) => {
    signal?.throwIfAborted();
    thread.post(message);
    await yieldToLoop();
  };
  const { snapshot, updates, history, ...head } = job;
  await send({ type: 'export', job: head });
  await send({ type: 'content', snapshot });
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  for (const update of updates) {
    batch.push(update);
    batchBytes += update.byteLength;
    if (batchBytes >= UPDATE_BYTES_PER_MESSAGE) {
      await send({ type: 'updates', updates: batch });
      batch = [];
      batchBytes = 0;
    }
  }
  if (batch.length > 0) await send({ type: 'updates', updates: batch });
  for (let i = 0; i < history.length; i += EVENTS_PER_MESSAGE) {
    await send({ type: 'history', events: history.slice(i, i + EVENTS_PER_MESSAGE) });
  }
  await send({ type: 'render' });
}

/**
 * Resolves once the sink has the whole text. `job` may be a function that loads it, called
 * once a thread is free, so that an export waiting for one holds no board in memory. Rejects
 * with the worker's ExportError when it refuses (before `start`; the thread takes the next
 * job), with the signal's reason when `signal` aborts, with a JobError ('export') when the
 * queue is full, the job runs past the time limit or its thread fails, and with what the sink
 * failed with (the thread is then stopped: see createWorkerPool).
 */
export async function renderInWorker(
  workers: BoardWorkers,
  job: ExportJob | (() => Promise<ExportJob>),
  sink: ExportSink,
  signal?: AbortSignal,
): Promise<void> {
  const refusal = await workers.run(
    'export',
    async (thread) => {
      await sendJob(thread, typeof job === 'function' ? await job() : job, signal);
      // The worker sends each slice only when asked (see streamExport).
      for (;;) {
        const message = await thread.next();
        switch (message.type) {
          case 'head':
            sink.start({
              title: message.title,
              skipped: message.skipped,
              placeholderUrl: message.placeholderUrl,
              unverifiedVerdicts: message.unverifiedVerdicts,
              cutCells: message.cutCells,
            });
            break;
          case 'chunk':
            await sink.write(message.text);
            break;
          case 'end':
            return null;
          case 'refused':
            return message;
          default:
            throw new UnexpectedReplyError('an export', message.type);
        }
        thread.post({ type: 'more' });
      }
    },
    signal,
  );
  if (refusal) throw new ExportError(refusal.code, refusal.message);
}
