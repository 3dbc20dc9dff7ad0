import type { JobErrorCode, JobKind } from './workers/JobError';

/**
 * Errors the HTTP layer answers with: a status and a stable code, sent as
 * `{error: {code, message}}` (DESIGN §4). Clients branch on the code, people read the message.
 */
export type HttpErrorCode =
  | 'invalid_json'
  | 'invalid_input'
  | 'empty_article'
  | 'missing_token'
  | 'invalid_token'
  | 'revoked_token'
  | 'invite_expired'
  | 'admin_token_required'
  | 'metrics_token_required'
  | 'forbidden'
  | 'wrong_board'
  | 'board_not_found'
  | 'invite_not_found'
  | 'own_invite'
  | 'invite_revoked'
  | 'last_lead'
  | 'role_conflict'
  | 'card_not_found'
  | 'comment_not_found'
  | 'card_exists'
  | 'not_found'
  | 'body_too_large'
  | 'article_too_large'
  | 'unsupported_media_type'
  | 'invalid_body'
  | 'binary_content'
  /** The data directory's device is full (ENOSPC, SQLITE_FULL): a write failed. */
  | 'storage_full'
  /**
   * The server is stopping: it takes no new request, nor stores a change that storage refused
   * until then (a job in flight: `<kind>_shutting_down`).
   */
  | 'shutting_down'
  /** An Idempotency-Key sent again with another request, or while its first is answered. */
  | 'idempotency_key_reused'
  | 'idempotency_key_in_use'
  /** A worker pool's job (JobError): extract_busy, export_timeout, import_shutting_down, … */
  | `${JobKind}_${JobErrorCode}`
  | 'internal';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string,
    /** Sent as `Retry-After` (a 503 that a later try may get past). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  readonly error: { readonly code: HttpErrorCode; readonly message: string };
}

export function errorBody(error: HttpError): ErrorBody {
  return { error: { code: error.code, message: error.message } };
}
