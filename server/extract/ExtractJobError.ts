/**
 * Why an article's extraction gave no answer when the article itself was not at fault (that is
 * ExtractError): it ran past the time limit and was stopped ('timeout', 422), or its thread
 * failed or stopped ('failed', 500). Either way nothing reached the board.
 */
export type ExtractJobErrorCode = 'timeout' | 'failed';

export class ExtractJobError extends Error {
  constructor(
    readonly code: ExtractJobErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExtractJobError';
  }
}
