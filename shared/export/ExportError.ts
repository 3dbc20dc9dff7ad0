export type ExportErrorCode =
  'invalid_export' | 'invalid_at' | 'doc_not_empty' | 'organisation_required';

/** A refused export or import; `details` lists every problem found, for the 400 response. */
export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ExportError';
  }
}
