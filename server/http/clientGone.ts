import type { Response } from 'express';

/**
 * A signal that aborts once the request's client has gone away (a closed tab, a cancelled
 * fetch), for a route to cancel work nobody will read the answer of. The response's 'close'
 * also comes once the answer is sent; by then nothing looks at the signal.
 */
export function clientGone(res: Response): AbortSignal {
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  if (res.destroyed) gone.abort();
  return gone.signal;
}
