// Typed failures of article input, mapped by the HTTP layer to status codes:
// empty → 400, too_large → 413, unsupported_media → 415.
export type ExtractErrorCode = 'empty' | 'too_large' | 'unsupported_media';

export class ExtractError extends Error {
  readonly code: ExtractErrorCode;

  constructor(code: ExtractErrorCode, message: string) {
    super(message);
    this.name = 'ExtractError';
    this.code = code;
  }
}
