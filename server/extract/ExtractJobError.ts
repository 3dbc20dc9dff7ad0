/**
 * Why an article's extraction gave no answer when the article itself was not at fault (that is
 * ExtractError): it ran past the time limit and was stopped ('timeout', 422), its thread
 * failed or stopped ('failed', 500), or so many imports were already waiting for a thread that
 * it was refused at once ('busy', 503, to be tried again after `retryAfterSeconds`). Either
 * way nothing reached the board.
 */
export type ExtractJobErrorCode = 'timeout' | 'failed' | 'busy';

export class ExtractJobError extends Error {
  /** When it is worth trying again ('busy' only). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ExtractJobErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = 'ExtractJobError';
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}
