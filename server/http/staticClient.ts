/**
 * Serves the built client (vite's dist/) with an SPA fallback: `/` and `/b/<id>` answer with
 * index.html, which the client routes itself. Vite's hashed assets are cached for a year;
 * index.html is revalidated on every load so a deploy reaches people at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

const YEAR_SECONDS = 365 * 24 * 3600;

export function staticClient(dir: string): Router | null {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const router = express.Router();
  router.use(
    express.static(dir, {
      index: false,
      setHeaders(res, path) {
        const hashed = path.startsWith(join(dir, 'assets'));
        res.setHeader(
          'Cache-Control',
          hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache',
        );
      },
    }),
  );
  router.get(['/', '/b/*splat'], (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
