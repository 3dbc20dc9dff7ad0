/**
 * Serves the built client (vite's dist/) with an SPA fallback: `/` and `/b/<id>` answer with
 * index.html, which the client routes itself (its inline script allowed by its hash). Vite's
 * hashed assets are cached for a year, and gzipped for a browser that takes it; index.html is
 * revalidated on every load so a deploy reaches people at once.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import express, { type RequestHandler, type Router } from 'express';
import { takesGzip } from './gzipAnswer';
import { inlineScriptHashes } from './inlineScriptHashes';
import { allowInlineScripts } from './securityHeaders';

const YEAR_SECONDS = 365 * 24 * 3600;
const HASHED_CACHE = `public, max-age=${YEAR_SECONDS}, immutable`;
/** A hashed script or stylesheet, by its name alone (no way out of assets/). */
const COMPRESSIBLE = /^\/assets\/([\w.-]+\.(?:js|css))$/;

export function staticClient(dir: string): Router | null {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const router = express.Router();
  router.use(gzippedAssets(join(dir, 'assets')));
  router.use(
    express.static(dir, {
      index: false,
      setHeaders(res, path) {
        const hashed = path.startsWith(join(dir, 'assets'));
        res.setHeader('Cache-Control', hashed ? HASHED_CACHE : 'no-cache');
        if (hashed) res.setHeader('Vary', 'Accept-Encoding');
      },
    }),
  );
  router.get(['/', '/b/*splat'], (_req, res, next) => {
    // Read at each load, as the file is sent: a build put in place under a running server
    // brings its own script, whose hash the policy must name or the page would refuse it.
    readFile(index, 'utf8').then((html) => {
      allowInlineScripts(res, inlineScriptHashes(html));
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    }, next);
  });
  return router;
}

/**
 * The hashed scripts and stylesheets gzipped, each once (a name never changes its content). The
 * client's script is 835 KB, 260 KB gzipped: sent as it was, a first visit on a 40 KB/s link
 * (a hotel's Wi-Fi) was a blank page for 21 s (found by QA).
 */
function gzippedAssets(assets: string): RequestHandler {
  const gzipped = new Map<string, Promise<Buffer | null>>();
  const compress = promisify(gzip);
  return (req, res, next) => {
    const name = COMPRESSIBLE.exec(req.path)?.[1];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !name) return next();
    if (!takesGzip(req)) return next();
    let body = gzipped.get(name);
    if (!body) {
      body = readFile(join(assets, name)).then(
        (bytes) => compress(bytes),
        () => {
          // No such asset: express.static answers. Not kept, or any name asked would stay.
          gzipped.delete(name);
          return null;
        },
      );
      gzipped.set(name, body);
    }
    body.then((bytes) => {
      if (!bytes) return next();
      res.type(name);
      res.setHeader('Cache-Control', HASHED_CACHE);
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Content-Length', String(bytes.length));
      res.end(req.method === 'HEAD' ? undefined : bytes);
    }, next);
  };
}
