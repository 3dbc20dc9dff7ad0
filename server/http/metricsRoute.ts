/**
 * GET /metrics: the server's metrics in Prometheus's text format, for requests bearing the
 * metrics token (FACTBOARD_METRICS_TOKEN). They say how many boards are open, how busy the
 * server is and where refusals come from: an operator's business, not the public's. Without
 * the variable the route does not exist (404, as any unknown path).
 */
import type { RequestHandler } from 'express';
import { HttpError } from '../errors';
import { PROMETHEUS_CONTENT_TYPE } from '../metrics/prometheusText';
import { bearerIs } from './auth';

export function metricsRoute(token: string, render: () => string): RequestHandler {
  const expected = Buffer.from(token, 'utf8');
  return (req, res) => {
    if (!bearerIs(req, expected)) {
      throw new HttpError(
        401,
        'metrics_token_required',
        'the metrics require Authorization: Bearer <FACTBOARD_METRICS_TOKEN>',
      );
    }
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', PROMETHEUS_CONTENT_TYPE);
    res.send(render());
  };
}
