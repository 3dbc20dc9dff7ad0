/**
 * Article extraction off the main thread. wink-nlp reads an article in one synchronous run
 * that cannot be split (a punctuation-dense paste of 990,000 characters: 3.6 s), and on the
 * event loop every board's sync and every other request would wait for it.
 *
 * The threads live as long as the server: starting one under tsx and loading the language
 * model takes 1.4–2.7 s, while a warm thread extracts the seed article in 10–30 ms. They start
 * on first use, at most `threads` of them (createSlots): more imports at once wait their turn,
 * `maxWaiting` of them at most; more are refused at once ('busy'), since each holds its article
 * in memory and its requester waiting behind every job ahead of it.
 * These slots are not the exports' (workerSlots): a thread holds the model (about 25 MB), not
 * a board, and an import should not wait behind two 10,000-card exports.
 * A job running longer than `timeoutMs` (from when its thread has it) is stopped by
 * terminating its thread; a thread that throws or exits fails its job; either way the next
 * job starts a fresh thread. A job whose signal aborts (its HTTP client went away) leaves the
 * queue, or, when its thread has it, is stopped the same way: nobody is left to read its answer.
 */
import type { Worker } from 'node:worker_threads';
import { ExtractError, type ExtractErrorCode } from '../../shared/extract/ExtractError';
import { abortable } from '../workers/abortable';
import { startWorker } from '../workers/startWorker';
import { createSlots, type Slots, SlotsFullError } from '../workers/workerSlots';
import type { ArticleInput, ExtractedArticle } from './extractArticle';
import { ExtractJobError } from './ExtractJobError';

/** What a board stores of an extracted article. */
export type ArticleForBoard = Pick<ExtractedArticle, 'title' | 'text' | 'language' | 'claims'>;

export interface ExtractJob {
  readonly input: ArticleInput;
}

export type FromExtractWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly article: ArticleForBoard }
  | { readonly type: 'refused'; readonly code: ExtractErrorCode; readonly message: string };

export interface ExtractionPool {
  /**
   * Rejects with ExtractError for input it refuses (empty, too large, binary), with
   * ExtractJobError when the queue is full, the job ran past the time limit or its thread
   * failed, and with the signal's reason when `signal` aborts first.
   */
  extract(input: ArticleInput, signal?: AbortSignal): Promise<ArticleForBoard>;
  /** Jobs running and waiting, for tests and health. */
  stats: Slots['stats'];
  /** Stops every thread; jobs still running fail. */
  close(): Promise<void>;
}

export interface ExtractionPoolOptions {
  /** Threads at most, so jobs at once (two: one per core here). */
  readonly threads?: number;
  /** Jobs that may wait for a thread; the next one is refused ('busy'). */
  readonly maxWaiting: number;
  readonly timeoutMs: number;
  /** The worker entry; tests give one that fails. */
  readonly entry?: URL;
}

interface Thread {
  run(input: ArticleInput, timeoutMs: number, signal?: AbortSignal): Promise<ArticleForBoard>;
  stop(): Promise<void>;
}

/**
 * When a refused import is worth trying again: one job leaving frees a place in the queue, and
 * a warm thread extracts a real article of 1 MB in about a second (pathological input can hold
 * it to the time limit, so this is a guess, not a promise).
 */
const BUSY_RETRY_SECONDS = 5;

type Reply = FromExtractWorker | ExtractJobError;
/** After 'ready', the thread answers each job once, with one of these. */
type JobReply = Exclude<FromExtractWorker, { type: 'ready' }> | ExtractJobError;

function startThread(entry: URL, onEnd: () => void): Thread {
  const worker: Worker = startWorker(entry, {});
  // An idle thread does not keep the process alive; a job's request does.
  worker.unref();
  let ended: ExtractJobError | null = null;
  let waiting: ((reply: Reply) => void) | null = null;
  const deliver = (reply: Reply) => {
    const resolve = waiting;
    waiting = null;
    resolve?.(reply);
  };
  const end = (error: ExtractJobError) => {
    if (!ended) {
      ended = error;
      onEnd();
    }
    deliver(ended);
  };
  const failed = 'Extracting claims from the article failed.';
  worker.on('message', deliver);
  worker.on('error', (cause) => end(new ExtractJobError('failed', failed, { cause })));
  worker.on('exit', (code) =>
    end(new ExtractJobError('failed', failed, { cause: new Error(`thread exited (${code})`) })),
  );
  const next = () =>
    ended ? Promise.resolve(ended) : new Promise<Reply>((resolve) => (waiting = resolve));
  const ready = next();
  const stop = async () => {
    await worker.terminate();
  };

  return {
    async run(input, timeoutMs, signal) {
      // A thread still starting is left to start: the next job will want it.
      const start = await abortable(ready, signal);
      if (start instanceof ExtractJobError) throw start;
      const reply = next() as Promise<JobReply>;
      worker.postMessage({ input } satisfies ExtractJob);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      // Ended at once, so the pool never hands this thread another job.
      const halt = (why: ExtractJobError) => {
        end(why);
        void stop();
      };
      let outcome: JobReply | 'timeout';
      try {
        outcome = await abortable(Promise.race([reply, timedOut]), signal);
      } catch (reason) {
        halt(new ExtractJobError('failed', 'The import was cancelled.', { cause: reason }));
        throw reason;
      } finally {
        clearTimeout(timer);
      }
      if (outcome === 'timeout') {
        const timeout = new ExtractJobError(
          'timeout',
          `Extracting claims took longer than ${timeoutMs} ms and was stopped; nothing was added to the board.`,
        );
        halt(timeout);
        throw timeout;
      }
      if (outcome instanceof ExtractJobError) throw outcome;
      if (outcome.type === 'refused') throw new ExtractError(outcome.code, outcome.message);
      return outcome.article;
    },
    stop,
  };
}

export function createExtractionPool(options: ExtractionPoolOptions): ExtractionPool {
  const entry = options.entry ?? new URL('./extractWorker.ts', import.meta.url);
  const slots = createSlots(options.threads ?? 2, options.maxWaiting);
  const idle: Thread[] = [];
  const live = new Set<Thread>();
  const forget = (thread: Thread) => {
    live.delete(thread);
    const at = idle.indexOf(thread);
    if (at >= 0) idle.splice(at, 1);
  };
  let closed = false;

  return {
    async extract(input, signal) {
      const job = async () => {
        if (closed) throw new ExtractJobError('failed', 'The server is shutting down.');
        let thread = idle.pop();
        if (!thread) {
          const started: Thread = startThread(entry, () => forget(started));
          live.add((thread = started));
        }
        try {
          return await thread.run(input, options.timeoutMs, signal);
        } finally {
          // After an answer or a refused input the thread waits for the next job; after a
          // timeout, a cancel or a failure it has ended and `forget` took it out.
          if (live.has(thread)) idle.push(thread);
        }
      };
      try {
        return await slots.run(job, signal);
      } catch (err) {
        if (!(err instanceof SlotsFullError)) throw err;
        throw new ExtractJobError(
          'busy',
          `Too many articles are being imported right now; nothing was added to the board. Try again in ${BUSY_RETRY_SECONDS} seconds.`,
          { retryAfterSeconds: BUSY_RETRY_SECONDS },
        );
      }
    },
    stats: slots.stats,
    async close() {
      closed = true;
      await Promise.all([...live].map((thread) => thread.stop()));
    },
  };
}
