/**
 * Idempotency-Keys for the REST changes a person may send again (an article's import, a card's
 * restore, a comment's redaction, a new board, a board's import, an invite): the same request
 * (method, path, body) gets the same key until it is answered for good, so that sending it
 * again after a 507 `storage_full` (the change may wait on the board, to be stored once the
 * server has space), a 5xx or no answer at all is done once, and answered as the first would
 * have been (README, REST API). A success or a refusal (4xx) ends it: the same request sent
 * after that is a new one, with a new key. Not a 409 `idempotency_key_in_use`, which says the
 * first is still being answered: forgotten then, the key of a request that may yet make its
 * change was gone, and the person's retry made it again. Kept in this page's memory only.
 *
 * A request is kept by its SHA-256, not its text: an article or a board file is megabytes,
 * held as long as its key is (for good, once a stalled upload is given up). Web Crypto's digest
 * is there only in a secure context (https, localhost); served over plain http on a newsroom's
 * network, the page keeps the text, as before.
 */
import { newId } from '../../shared/board/newId';

const keys = new Map<string, string>();
/** The first request with the key is still being answered (server/http/IdempotencyKeys). */
const IN_USE = 'idempotency_key_in_use';

export interface RetryKey {
  /** The Idempotency-Key to send the request with. */
  readonly key: string;
  /**
   * After an answer (status 0: none came), with its error's code if it has one: forgets the key
   * unless the request may be retried.
   */
  answered(status: number, code?: string): void;
}

/** What `request` is kept by: its SHA-256 where the browser has Web Crypto's digest. */
async function keptBy(request: string): Promise<string> {
  const subtle = globalThis.crypto.subtle as SubtleCrypto | undefined;
  if (!subtle) return request;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(request));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The key to send `request` (its method, path and body, as one string) with. */
export async function retryKey(request: string): Promise<RetryKey> {
  const kept = await keptBy(request);
  let key = keys.get(kept);
  if (key === undefined) {
    key = newId();
    keys.set(kept, key);
  }
  return {
    key,
    answered: (status, code) => {
      const retried = status === 0 || status >= 500 || code === IN_USE;
      if (!retried) keys.delete(kept);
    },
  };
}
