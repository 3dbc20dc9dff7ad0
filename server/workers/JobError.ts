/**
 * Why a job on a worker pool (createWorkerPool) gave no answer of its own (an input the job
 * refuses is an answer, with its own error): so many jobs already waited for a thread that it
 * was refused at once ('busy', to be tried again after `retryAfterSeconds`), it held its thread
 * past the pool's time limit and was stopped ('timeout'), its thread failed ('failed'), or the
 * server is shutting down and closed the pool under it ('shutting_down': nothing is wrong with
 * the job, and the same request may pass once the server is back). Its kind says which job it was, for the message and for the HTTP code
 * (`<kind>_<code>`: extract_busy, export_timeout, …). Either way nothing was written: every job
 * writes only after its thread has answered.
 */
export type JobKind = 'extract' | 'export' | 'import' | 'restore';
export type JobErrorCode = 'busy' | 'timeout' | 'failed' | 'shutting_down';

/** The board threads' jobs share their queue: a burst of any of them delays the others. */
const BOARD_JOBS_BUSY = 'Too many board exports, imports and card restores are waiting right now';

/** How each kind of job is named in its errors' messages, and what its failure left alone. */
const WORDS: Readonly<Record<JobKind, { doing: string; busy: string; untouched?: string }>> = {
  extract: {
    doing: 'Extracting claims',
    busy: 'Too many articles are being imported right now',
    untouched: 'nothing was added to the board',
  },
  export: { doing: 'Exporting the board', busy: BOARD_JOBS_BUSY },
  import: {
    doing: 'Importing the board',
    busy: BOARD_JOBS_BUSY,
    untouched: 'no board was created',
  },
  restore: {
    doing: 'Reading the deleted card from the board’s history',
    busy: BOARD_JOBS_BUSY,
    untouched: 'the card was not restored',
  },
};

export class JobError extends Error {
  /** When it is worth trying again ('busy' only). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly kind: JobKind,
    readonly code: JobErrorCode,
    /** The pool's time limit ('timeout'), or when to try again ('busy'). */
    detail: { timeoutMs?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    const { doing, busy, untouched } = WORDS[kind];
    const then = untouched ? `; ${untouched}` : '';
    const message = {
      busy: `${busy}${then}. Try again in ${detail.retryAfterSeconds} seconds.`,
      timeout: `${doing} took longer than ${detail.timeoutMs} ms and was stopped${then}.`,
      failed: `${doing} failed${then}.`,
      shutting_down: `${doing} was stopped because the server is shutting down${then}. Try again once it is back.`,
    }[code];
    super(message, { cause: detail.cause });
    this.name = 'JobError';
    this.retryAfterSeconds = code === 'busy' ? detail.retryAfterSeconds : undefined;
  }
}
