/**
 * Article extraction off the main thread. wink-nlp reads an article in one synchronous run
 * that cannot be split (a punctuation-dense paste of 990,000 characters: 3.6 s), and on the
 * event loop every board's sync and every other request would wait for it.
 *
 * The threads are a worker pool (createWorkerPool) of their own: starting one under tsx and
 * loading the language model takes 1.4–2.7 s, while a warm thread extracts the seed article in
 * 10–30 ms, so a thread stays for the next import and ends only after `idleMs` without one.
 * At most `threads` of them run at once; more imports wait their turn, `maxWaiting` of them at
 * most; more are refused at once ('busy'), since each holds its article in memory and its
 * requester waiting behind every job ahead of it.
 * These threads are not the boards' (createBoardWorkers): a thread holds the model (about
 * 25 MB), not a board, and an import should not wait behind two 10,000-card exports.
 * A job running longer than `timeoutMs` (from when its thread has it) is stopped by
 * terminating its thread; a thread that throws or exits fails its job; either way the next
 * job starts a fresh thread. A job whose signal aborts (its HTTP client went away) leaves the
 * queue, or, when its thread has it, is stopped the same way: nobody is left to read its answer.
 */
import { ExtractError, type ExtractErrorCode } from '../../shared/extract/ExtractError';
import { createWorkerPool, type WorkerPool } from '../workers/createWorkerPool';
import type { ArticleInput, ExtractedArticle } from './extractArticle';
import type { PassageSignals } from './passageSignals';

/** What a board stores of an extracted article. */
export type ArticleForBoard = Pick<ExtractedArticle, 'title' | 'text' | 'language' | 'claims'>;

/** An article to extract, or passages of a stored article to give signals (passageSignals). */
export type ExtractJob =
  | { readonly input: ArticleInput }
  | { readonly passagesOf: string; readonly passages: readonly string[] };

export type FromExtractWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly article: ArticleForBoard }
  | { readonly type: 'signals'; readonly signals: readonly (PassageSignals | null)[] }
  | { readonly type: 'refused'; readonly code: ExtractErrorCode; readonly message: string };

export interface ExtractionPool {
  /**
   * Rejects with ExtractError for input it refuses (empty, too large, binary), with JobError
   * ('extract') when the queue is full, the job ran past the time limit or its thread failed,
   * and with the signal's reason when `signal` aborts first.
   */
  extract(input: ArticleInput, signal?: AbortSignal): Promise<ArticleForBoard>;
  /**
   * The signals of each passage of `articleText` (null where it has none), read in the
   * article's language. Rejects with JobError ('extract') as extract does.
   */
  signals(
    articleText: string,
    passages: readonly string[],
  ): Promise<readonly (PassageSignals | null)[]>;
  /** Jobs running and waiting, for tests and health. */
  stats: WorkerPool<ExtractJob, JobReply>['stats'];
  /** Threads alive now, idle among them, and started since the pool was made. */
  threads: WorkerPool<ExtractJob, JobReply>['threads'];
  /** Stops every thread; jobs still running fail. */
  close(): Promise<void>;
}

export interface ExtractionPoolOptions {
  /** Threads at most, so jobs at once (two: one per core here). */
  readonly threads?: number;
  /** Jobs that may wait for a thread; the next one is refused ('busy'). */
  readonly maxWaiting: number;
  readonly timeoutMs: number;
  /** An idle thread ends after this long (the board threads' too). None: it lives on. */
  readonly idleMs?: number;
  /** The worker entry; tests give one that fails. */
  readonly entry?: URL;
}

/** After 'ready', the thread answers each job once, with one of these. */
type JobReply = Exclude<FromExtractWorker, { type: 'ready' }>;

export function createExtractionPool(options: ExtractionPoolOptions): ExtractionPool {
  const pool = createWorkerPool<ExtractJob, JobReply>({
    entry: options.entry ?? new URL('./extractWorker.ts', import.meta.url),
    threads: options.threads ?? 2,
    maxWaiting: options.maxWaiting,
    timeoutMs: options.timeoutMs,
    idleMs: options.idleMs,
  });
  return {
    async extract(input, signal) {
      const reply = await pool.run(
        'extract',
        async (thread) => {
          thread.post({ input });
          return thread.next();
        },
        signal,
      );
      // A refused input is an answer: the thread takes the next article.
      if (reply.type === 'refused') throw new ExtractError(reply.code, reply.message);
      if (reply.type !== 'done') throw new Error(`extraction thread answered ${reply.type}`);
      return reply.article;
    },
    async signals(articleText, passages) {
      const reply = await pool.run('extract', async (thread) => {
        thread.post({ passagesOf: articleText, passages });
        return thread.next();
      });
      if (reply.type !== 'signals') throw new Error(`extraction thread answered ${reply.type}`);
      return reply.signals;
    },
    stats: pool.stats,
    threads: pool.threads,
    close: () => pool.close(),
  };
}
