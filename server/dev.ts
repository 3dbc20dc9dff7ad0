/**
 * `npm run dev`: the real server (REST, sync, SQLite in FACTBOARD_DATA_DIR) with Vite's dev
 * server mounted as middleware, so the client hot-reloads on the same origin and port.
 * Vite's HMR socket listens on its own port (24678), leaving the upgrade path /sync/ to us;
 * the Content-Security-Policy is off here because Vite injects inline scripts.
 */
import { createServer as createViteServer } from 'vite';
import { ConfigError, loadConfig } from './config';
import { startServer } from './startServer';
import { createSyncLog } from './sync/syncLog';

async function dev(): Promise<void> {
  const config = loadConfig(process.env);
  const vite = await createViteServer({
    server: { middlewareMode: true },
    appType: 'spa',
  });
  // As `npm start` does (main.ts): the data directory's files are this user's alone.
  process.umask(0o077);
  const running = await startServer(config, {
    // API paths that match no route keep their JSON 404 instead of Vite's SPA fallback.
    client: (req, res, next) =>
      req.path.startsWith('/api/') ? next() : vite.middlewares(req, res, next),
    contentSecurityPolicy: false,
    log: createSyncLog(config.logLevel),
  });
  console.log(`Factboard (dev) is running at ${running.publicUrl}`);

  const stop = () => {
    Promise.all([running.close(), vite.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

dev().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
