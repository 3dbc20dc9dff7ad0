/**
 * Article extraction off the main thread. wink-nlp reads an article in one synchronous run
 * that cannot be split (a punctuation-dense paste of 990,000 characters: 3.6 s), and on the
 * event loop every board's sync and every other request would wait for it.
 *
 * The threads live as long as the server: starting one under tsx and loading the language
 * model takes 1.4–2.7 s, while a warm thread extracts the seed article in 10–30 ms. They start
 * on first use, at most `threads` of them (createSlots): more imports at once wait their turn.
 * These slots are not the exports' (workerSlots): a thread holds the model (about 25 MB), not
 * a board, and an import should not wait behind two 10,000-card exports.
 * A job running longer than `timeoutMs` (from when its thread has it) is stopped by
 * terminating its thread; a thread that throws or exits fails its job; either way the next
 * job starts a fresh thread.
 */
import type { Worker } from 'node:worker_threads';
import { ExtractError, type ExtractErrorCode } from '../../shared/extract/ExtractError';
import { startWorker } from '../workers/startWorker';
import { createSlots, type Slots } from '../workers/workerSlots';
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
   * Rejects with ExtractError for input it refuses (empty, too large, binary) and with
   * ExtractJobError when the job ran past the time limit or its thread failed.
   */
  extract(input: ArticleInput): Promise<ArticleForBoard>;
  /** Jobs running and waiting, for tests and health. */
  stats: Slots['stats'];
  /** Stops every thread; jobs still running fail. */
  close(): Promise<void>;
}

export interface ExtractionPoolOptions {
  /** Threads at most, so jobs at once (two: one per core here). */
  readonly threads?: number;
  readonly timeoutMs: number;
  /** The worker entry; tests give one that fails. */
  readonly entry?: URL;
}

interface Thread {
  run(input: ArticleInput, timeoutMs: number): Promise<ArticleForBoard>;
  stop(): Promise<void>;
}

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
    async run(input, timeoutMs) {
      const start = await ready;
      if (start instanceof ExtractJobError) throw start;
      const reply = next() as Promise<JobReply>;
      worker.postMessage({ input } satisfies ExtractJob);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([reply, timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        const timeout = new ExtractJobError(
          'timeout',
          `Extracting claims took longer than ${timeoutMs} ms and was stopped; nothing was added to the board.`,
        );
        // Ended at once, so the pool never hands this thread another job.
        end(timeout);
        void stop();
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
  const slots = createSlots(options.threads ?? 2);
  const idle: Thread[] = [];
  const live = new Set<Thread>();
  const forget = (thread: Thread) => {
    live.delete(thread);
    const at = idle.indexOf(thread);
    if (at >= 0) idle.splice(at, 1);
  };
  let closed = false;

  return {
    extract(input) {
      return slots.run(async () => {
        if (closed) throw new ExtractJobError('failed', 'The server is shutting down.');
        let thread = idle.pop();
        if (!thread) {
          const started: Thread = startThread(entry, () => forget(started));
          live.add((thread = started));
        }
        try {
          return await thread.run(input, options.timeoutMs);
        } finally {
          // After an answer or a refused input the thread waits for the next job; after a
          // timeout or a failure it has ended and `forget` took it out.
          if (live.has(thread)) idle.push(thread);
        }
      });
    },
    stats: slots.stats,
    async close() {
      closed = true;
      await Promise.all([...live].map((thread) => thread.stop()));
    },
  };
}
