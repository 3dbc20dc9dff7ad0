/**
 * Turns anything thrown by a route into `{error: {code, message}}` with the right status:
 * our HttpErrors as they are, body-parser failures by their `type`, a path the router cannot
 * decode as a 400, the board model's refusals by their code, a full disk as a 507, and
 * everything else as a 500 that does not leak internals (both logged).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { BoardError } from '../../shared/board/errors';
import { ExtractError } from '../../shared/extract/ExtractError';
import { errorBody, HttpError } from '../errors';
import { AccessChangedError } from '../sync/AccessChangedError';
import { isDiskFull } from '../storage/isDiskFull';
import { ChangeNotSavedError } from '../sync/ChangeNotSavedError';
import { StorageFullError } from '../sync/StorageFullError';
import type { ThrottledLog } from '../sync/throttleLog';
import { closeIfBodyUnread } from './limitedBody';
import { setErrorCode } from './requestLog';
import { UnknownBoardError } from '../sync/UnknownBoardError';
import { JobError, type JobErrorCode } from '../workers/JobError';

/** body-parser's errors carry a `type` and a `status` (see its README). */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  limit?: unknown;
}

function fromBodyParser(err: BodyParserError): HttpError | null {
  switch (err.type) {
    case 'entity.too.large':
      return new HttpError(413, 'body_too_large', `request body larger than ${err.limit} bytes`);
    case 'entity.parse.failed':
      return new HttpError(400, 'invalid_json', 'request body is not valid JSON');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new HttpError(415, 'unsupported_media_type', 'unsupported charset or encoding');
    case 'request.aborted':
      return new HttpError(400, 'invalid_input', 'request aborted');
    default:
      // Other failures to read the body (a gzip or deflate body that does not inflate, say)
      // come as client errors marked safe to show.
      if (err.expose === true && typeof err.status === 'number' && err.status >= 400) {
        if (err.status < 500) {
          return new HttpError(err.status, 'invalid_body', 'request body could not be read');
        }
      }
      return null;
  }
}

const JOB_STATUS: Readonly<Record<JobErrorCode, number>> = {
  // The moment, not the input, is at fault: the same request may pass a little later.
  busy: 503,
  // The same article or board would run past the limit again: the input is at fault.
  timeout: 422,
  failed: 500,
  // As for any request that arrives while the server stops (shutting_down): not the input's fault.
  shutting_down: 503,
};

export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  // A board removed between authentication and the change.
  if (err instanceof UnknownBoardError)
    return new HttpError(404, 'board_not_found', 'no such board');
  // Access lost between the request's admission and its change: as the admission would now say.
  if (err instanceof AccessChangedError)
    return new HttpError(err.code === 'revoked_token' ? 401 : 403, err.code, err.message);
  // Storage refused the change and the room, which would retry it for as long as it runs, gave
  // up because the server stops: nothing of it was broadcast, so the same request may be sent
  // again once the server is back. Not the request's fault, nor a bug to log as one.
  if (err instanceof ChangeNotSavedError) {
    return new HttpError(
      503,
      'shutting_down',
      'The server is shutting down and could not save this change; try again once it is back.',
    );
  }
  if (err instanceof BoardError) {
    if (err.code === 'card_not_found') return new HttpError(404, 'card_not_found', err.message);
    if (err.code === 'comment_not_found') {
      return new HttpError(404, 'comment_not_found', err.message);
    }
    if (err.code === 'card_exists') return new HttpError(409, 'card_exists', err.message);
    if (err.code.endsWith('_not_found')) return new HttpError(404, 'not_found', err.message);
    if (err.code === 'not_allowed') return new HttpError(403, 'forbidden', err.message);
    return new HttpError(400, 'invalid_input', err.message);
  }
  if (err instanceof ExtractError) {
    if (err.code === 'empty') return new HttpError(400, 'empty_article', err.message);
    if (err.code === 'too_large') return new HttpError(413, 'article_too_large', err.message);
    return new HttpError(415, 'binary_content', err.message);
  }
  if (err instanceof JobError) {
    const code = `${err.kind}_${err.code}` as const;
    return new HttpError(JOB_STATUS[err.code], code, err.message, err.retryAfterSeconds);
  }
  // The router could not decode a percent-encoded path parameter (`/api/boards/%E0%A4%A`).
  if (err instanceof URIError) {
    return new HttpError(400, 'invalid_input', 'the address holds a malformed percent-encoding');
  }
  // The room gave up waiting for a full disk (fullDiskWaitMs). A change already on the board
  // is stored once space is freed: said, so that nobody makes it twice by sending it again.
  if (err instanceof StorageFullError && err.held) {
    return new HttpError(
      507,
      'storage_full',
      'The server’s disk is full, so this change is not saved yet. The server keeps it and saves it once its operator has freed space (unless it is restarted before): check the board before doing it again.',
    );
  }
  // A write that found the data directory's device full, or a change the room refused while
  // it is: not the server's fault, nor the request's (507, RFC 4918's "unable to store"),
  // where a 500 "internal server error" sent people to look for a bug.
  if (isDiskFull(err) || err instanceof StorageFullError) {
    return new HttpError(
      507,
      'storage_full',
      'The server’s disk is full, so this could not be done. Try again once its operator has freed space.',
    );
  }
  if (typeof err === 'object' && err !== null) {
    const parsed = fromBodyParser(err as BodyParserError);
    if (parsed) return parsed;
  }
  return new HttpError(500, 'internal', 'internal server error');
}

export function errorHandler(log: ThrottledLog): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const http = toHttpError(err);
    // Only unexpected failures are logged (a 503 is load, and a burst of them would flood the
    // log); the path never includes a token (tokens travel in the Authorization header or the
    // URL fragment).
    if (http.status >= 500 && http.status !== 503) {
      const stack = err instanceof Error ? err.stack : undefined;
      // Throttled per client address (throttleLog): a request that fails every time, in a loop.
      const address = req.socket.remoteAddress ?? 'unknown';
      log(address, 'error', 'request failed', {
        method: req.method,
        path: req.path,
        error: err,
        stack,
        address,
      });
    }
    setErrorCode(res, http.code);
    closeIfBodyUnread(res);
    if (http.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(http.retryAfterSeconds));
    }
    res.status(http.status).json(errorBody(http));
  };
}

/** The JSON 404 for paths that match no route and no client file. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};
