/**
 * Puts a hard stop on a body reader (express.json, .text, .raw) at `limit` bytes.
 *
 * body-parser, past its limit, reads the rest of the request off before it answers 413, so that
 * the connection can serve another request: a body that says it is 1 GB was read to its last
 * byte first, and a chunked body that never ends was never answered at all, the server reading
 * it for as long as the sender sent. Here a body whose Content-Length is past the limit is
 * refused before a byte of it is read, and a body without one (chunked) the moment it passes the
 * limit; the answer closes the connection (`Connection: close`), so Node stops reading it once
 * the answer is out. The error has body-parser's shape (`type: 'entity.too.large'`), so its
 * routes' mapping (body_too_large, or article_too_large for an article) stays the one place
 * that words it.
 */
import type { RequestHandler, Response } from 'express';

interface TooLarge extends Error {
  readonly type: 'entity.too.large';
  readonly status: 413;
  readonly expose: true;
  readonly limit: number;
}

function tooLarge(limit: number): TooLarge {
  return Object.assign(new Error('request entity too large'), {
    type: 'entity.too.large' as const,
    status: 413 as const,
    expose: true as const,
    limit,
  });
}

/**
 * An answer sent before the request's body was read closes the connection: Node would otherwise
 * read the unread body off (all of it, whatever its size) to keep the connection for the next
 * request. Used for every error answer (errorHandler), not only this module's 413.
 */
export function closeIfBodyUnread(res: Response): void {
  if (!res.req.complete) res.setHeader('Connection', 'close');
}

export function limitedBody(reader: RequestHandler, limit: number): RequestHandler {
  return (req, res, next) => {
    let settled = false;
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      next(err);
    };
    const declared = Number(req.headers['content-length']);
    if (declared > limit) return settle(tooLarge(limit));
    void reader(req, res, settle);
    // The reader answered at once (no body, or a type it does not read), or it reads a body of
    // declared length, which it stops at the limit by itself (Content-Length is checked above,
    // and Node ends the body there).
    if (settled || req.headers['content-length'] !== undefined) return;
    // A chunked body: count it beside the reader (its 'data' listener is on the stream already,
    // added as it started, so both see every chunk).
    let read = 0;
    const count = (chunk: Buffer) => {
      read += chunk.length;
      if (read <= limit) return;
      req.off('data', count);
      settle(tooLarge(limit));
    };
    req.on('data', count);
    req.once('end', () => req.off('data', count));
  };
}
