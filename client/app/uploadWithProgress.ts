/**
 * A request body sent with XMLHttpRequest, whose `upload.onprogress` says how much of it has
 * gone (fetch says nothing until the answer). On a slow link a 750 KB board export took 29 s to
 * send at 30 KB/s with no sign of progress, and an upload that stalled said "Importing…" for
 * good (found by QA); an article of a few MB pasted or chosen in "Import article" did the same.
 * Here the caller hears each step of the upload, may cancel it (`signal`), and an upload that
 * sends no byte and gets no answer for `stallMs` is given up with an `UploadStalled`. The
 * server acts only on a body it received whole (a board import, an article import), so nothing
 * of a cancelled, stalled or cut upload is kept there.
 *
 * Used by the start page's board import (uploadBoardImport) and the board's article import
 * (postArticle); the answer comes back as a Response whatever its status, for the caller to
 * read as it reads a fetch answer.
 */
import { ApiError } from './api';

/** How long an upload may send nothing, with no answer, before it is taken for stalled. */
const STALL_MS = 15_000;
/**
 * Once the whole body is sent, the server works on it before it answers: a board import on one
 * of its board threads, for up to its job limit (FACTBOARD_BOARD_JOB_TIMEOUT_MS, 120 s by
 * default), an article's claim extraction for up to FACTBOARD_EXTRACT_TIMEOUT_MS (60 s) after
 * its wait for a thread; with no answer by this time the link is taken for dead.
 */
export const ANSWER_MS = 150_000;

export interface UploadProgress {
  readonly sent: number;
  readonly total: number;
}

/** Every byte of the body has gone: what is left is the server's work. */
export const sentWhole = ({ sent, total }: UploadProgress) => total > 0 && sent >= total;

export class UploadStalled extends ApiError {
  constructor() {
    super(
      0,
      'stalled',
      'The upload stopped: nothing reached the server for a while. Check your connection and try again.',
    );
    this.name = 'UploadStalled';
  }
}

/**
 * Every byte was sent, and no answer came within ANSWER_MS: unlike a stall, the server got the
 * whole body and may have acted on it (made the board, added the article), so the caller says
 * so rather than "nothing reached the server", and offers a blind Retry only where sending it
 * again is done once (an Idempotency-Key: retryKeys).
 */
export class UploadUnanswered extends ApiError {
  constructor() {
    super(0, 'unanswered', 'The upload reached the server but no answer came.');
    this.name = 'UploadUnanswered';
  }
}

export interface UploadRequest {
  /** Path and query of the POST. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | ArrayBuffer;
}

export interface UploadOptions {
  readonly onProgress: (progress: UploadProgress) => void;
  readonly signal: AbortSignal;
  readonly stallMs?: number;
}

/**
 * POSTs `request`; resolves with the server's answer (any status), rejects with an
 * ApiError('network') when the server cannot be reached, an UploadStalled, an UploadUnanswered,
 * or the signal's reason once it aborts.
 */
export function uploadWithProgress(
  request: UploadRequest,
  { onProgress, signal, stallMs = STALL_MS }: UploadOptions,
): Promise<Response> {
  // In bytes, as the upload counts them (a string goes as UTF-8).
  const size =
    typeof request.body === 'string' ? new Blob([request.body]).size : request.body.byteLength;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (then: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', cancel);
      then();
    };
    const fail = (error: unknown) => settle(() => reject(error));
    const waitFor = (ms: number, error: () => ApiError) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        xhr.abort();
        fail(error());
      }, ms);
    };
    const stalled = () => new UploadStalled();
    const cancel = () => {
      xhr.abort();
      fail(signal.reason);
    };
    xhr.upload.onprogress = (e) => {
      onProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : size });
      waitFor(stallMs, stalled);
    };
    // Every byte is sent: what is left is the server's work, within its limits.
    xhr.upload.onload = () => waitFor(ANSWER_MS, () => new UploadUnanswered());
    xhr.onerror = () =>
      fail(new ApiError(0, 'network', 'The server cannot be reached. Check your connection.'));
    xhr.onload = () =>
      settle(() =>
        resolve(
          new Response(xhr.status === 204 ? null : xhr.responseText, {
            status: xhr.status,
            headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
          }),
        ),
      );
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', cancel);
    xhr.open('POST', request.url);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    waitFor(stallMs, stalled);
    xhr.send(request.body);
  });
}
