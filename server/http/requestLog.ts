/**
 * Logs each request answered with an error status: method, path (never the query string),
 * status and the error code of the JSON body (errorHandler leaves it in res.locals). 4xx at
 * info, 5xx at warn (an unexpected failure's details are logged by errorHandler at error).
 * Tokens travel in the Authorization header or a URL fragment, neither of which is logged.
 * A client looping bad requests would fill the disk: lines are throttled per status and client
 * address (throttleLog), not per path, so a loop over many boards' paths is held back too.
 */
import type { RequestHandler, Response } from 'express';
import type { ThrottledLog } from '../sync/throttleLog';

/** Where errorHandler leaves the code it answered with. */
export function setErrorCode(res: Response, code: string): void {
  res.locals['errorCode'] = code;
}

export function requestLog(log: ThrottledLog): RequestHandler {
  return (req, res, next) => {
    res.on('finish', () => {
      const status = res.statusCode;
      if (status < 400) return;
      const address = req.socket.remoteAddress ?? 'unknown';
      log(
        `${status} ${address}`,
        status >= 500 ? 'warn' : 'info',
        'request answered with an error',
        {
          method: req.method,
          path: req.originalUrl.split('?', 1)[0],
          status,
          code: res.locals['errorCode'] as unknown,
          address,
        },
      );
    });
    next();
  };
}
