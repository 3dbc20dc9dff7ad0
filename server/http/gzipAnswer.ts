/**
 * Gzip for the API's large answers (exports, history pages), as staticClient does for the
 * client's scripts: JSON, CSV and Markdown shrink to a fifth or less, and on a slow link (a
 * hotel's Wi-Fi at 30 KB/s) a 1 MB export took 36.6 s sent as it was (found by QA). Only for a
 * request whose Accept-Encoding takes gzip; every such answer says `Vary: Accept-Encoding`, so a
 * cache never hands the gzipped bytes to a client that did not ask for them.
 */
import { pipeline, type Writable } from 'node:stream';
import { createGzip, gzip } from 'node:zlib';
import type { Request, Response } from 'express';

/** Smaller answers go as they are: gzip's header and the work would outweigh what it saves. */
const MIN_GZIP_BYTES = 1024;

/** Whether the request's Accept-Encoding prefers gzip to the plain bytes. */
export const takesGzip = (req: Request): boolean =>
  req.acceptsEncodings('gzip', 'identity') === 'gzip';

/**
 * The stream a streamed answer writes its body to, once its status and headers are set: a
 * gzip stream into `res` when the request takes it (zlib compresses on libuv's threads, a
 * slice at a time, never the whole file in memory), else `res` itself. Ending it ends `res`;
 * a client that leaves destroys it.
 */
export function answerBody(req: Request, res: Response): Writable {
  res.vary('Accept-Encoding');
  if (!takesGzip(req)) return res;
  res.setHeader('Content-Encoding', 'gzip');
  res.removeHeader('Content-Length');
  const body = createGzip();
  pipeline(body, res, () => undefined); // a failure destroys both; the route sees its write fail
  return body;
}

/** `res.json(value)`, gzipped (off the event loop) when it is large and the request takes it. */
export function sendJson(req: Request, res: Response, value: unknown): void {
  res.vary('Accept-Encoding');
  const text = JSON.stringify(value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  // The text made above, as res.json would send it: not made again (a whole board's history
  // is megabytes, made on the event loop).
  if (text.length < MIN_GZIP_BYTES || !takesGzip(req)) return void res.send(text);
  gzip(text, (err, bytes) => {
    if (err) return void res.destroy(err);
    res.setHeader('Content-Encoding', 'gzip');
    res.send(bytes);
  });
}
