/**
 * Counts the HTTP responses by status class (2xx, 4xx…), for /metrics: one increment per
 * finished response.
 */
import type { RequestHandler } from 'express';

export class ResponseCounts {
  /** Index 1 to 5: responses of status 1xx to 5xx. */
  readonly byClass = [0, 0, 0, 0, 0, 0];
}

export function countResponses(counts: ResponseCounts): RequestHandler {
  return (_req, res, next) => {
    res.on('finish', () => {
      const statusClass = Math.floor(res.statusCode / 100);
      if (statusClass >= 1 && statusClass <= 5) {
        counts.byClass[statusClass] = (counts.byClass[statusClass] ?? 0) + 1;
      }
    });
    next();
  };
}
