/**
 * `POST /api/boards/import` (DESIGN §4) sent with XMLHttpRequest, whose `upload.onprogress`
 * says how much of the file has gone (fetch says nothing until the answer). On a slow link a
 * 750 KB export took 29 s to send at 30 KB/s with no sign of progress, and an upload that stalled
 * said "Importing…" for good (found by QA). Here the caller hears each step of the upload, may
 * cancel it (`signal`), and an upload that sends no byte and gets no answer for `stallMs` is
 * given up with an `ImportStalled`: the server builds a board only from a body it received
 * whole, so nothing of it is kept there.
 */
import { ApiError, type CreatedBoard } from '../app/api';
import { refusalOf } from './exportApi';

/** How long an upload may send nothing, with no answer, before it is taken for stalled. */
export const STALL_MS = 15_000;
/**
 * Once the whole file is sent, the server reads it into a board on one of its threads, for up
 * to its job limit (FACTBOARD_BOARD_JOB_TIMEOUT_MS, 120 s by default), then answers; with no
 * answer by this time the link is taken for dead.
 */
export const ANSWER_MS = 150_000;

export interface UploadProgress {
  readonly sent: number;
  readonly total: number;
}

export class ImportStalled extends ApiError {
  constructor() {
    super(
      0,
      'stalled',
      'The upload stopped: nothing reached the server for a while. Check your connection and try again.',
    );
    this.name = 'ImportStalled';
  }
}

export function uploadBoardImport(
  json: string,
  leadName: string,
  {
    onProgress,
    signal,
    stallMs = STALL_MS,
  }: { onProgress: (progress: UploadProgress) => void; signal: AbortSignal; stallMs?: number },
): Promise<CreatedBoard> {
  const query = leadName.trim() ? `?${new URLSearchParams({ name: leadName.trim() })}` : '';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (then: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', cancel);
      then();
    };
    const fail = (error: unknown) => settle(() => reject(error));
    const waitFor = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        xhr.abort();
        fail(new ImportStalled());
      }, ms);
    };
    const cancel = () => {
      xhr.abort();
      fail(signal.reason);
    };
    xhr.upload.onprogress = (e) => {
      onProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : json.length });
      waitFor(stallMs);
    };
    // Every byte is sent: what is left is the server's work, within its job limit.
    xhr.upload.onload = () => waitFor(ANSWER_MS);
    xhr.onerror = () =>
      fail(new ApiError(0, 'network', 'The server cannot be reached. Check your connection.'));
    xhr.onload = () => {
      const answer = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
      });
      if (answer.ok)
        void answer.json().then((board: CreatedBoard) => settle(() => resolve(board)), fail);
      else void refusalOf(answer).then(fail);
    };
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', cancel);
    xhr.open('POST', `/api/boards/import${query}`);
    xhr.setRequestHeader('Content-Type', 'application/json');
    waitFor(stallMs);
    xhr.send(json);
  });
}
