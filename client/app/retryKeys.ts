/**
 * Idempotency-Keys for the REST changes a person may send again (an article's import, a card's
 * restore, a comment's redaction, a new board, an invite): the same request (method, path, body) gets the same key
 * until it is answered for good, so that sending it again after a 507 `storage_full` (the
 * change may wait on the board, to be stored once the server has space), a 5xx or no answer at
 * all is done once, and answered as the first would have been (README, REST API). A success or
 * a refusal (4xx) ends it: the same request sent after that is a new one, with a new key.
 * Kept in this page's memory only.
 */
import { newId } from '../../shared/board/newId';

const keys = new Map<string, string>();

/** The key to send `request` (its method, path and body, as one string) with. */
export function retryKey(request: string): string {
  let key = keys.get(request);
  if (key === undefined) {
    key = newId();
    keys.set(request, key);
  }
  return key;
}

/** After an answer (status 0: none came): forgets the key unless the request may be retried. */
export function answered(request: string, status: number): void {
  if (status !== 0 && status < 500) keys.delete(request);
}
