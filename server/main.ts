/**
 * `npm start`: reads the configuration from the environment, starts the server, prints the
 * address to open, and shuts down cleanly on SIGINT/SIGTERM (rooms flushed, sockets closed
 * with "going away" so clients reconnect to the next process).
 */
import { ConfigError, loadConfig, unknownVariables } from './config';
import { seedDemoBoardIfEmpty } from './seed/seedDemoBoardIfEmpty';
import { startServer } from './startServer';
import { StorageError } from './storage/StorageError';
import { createSyncLog } from './sync/syncLog';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createSyncLog(config.logLevel);
  for (const unknown of unknownVariables(process.env))
    log('warn', 'unknown setting ignored', unknown);
  const running = await startServer(config, { log });
  // The demo board, on the first start with an empty data directory (FACTBOARD_DEMO=0: none).
  const demo = await seedDemoBoardIfEmpty(running);
  console.log(`Factboard is running at ${running.publicUrl}`);
  console.log(`Data directory: ${running.dataDir}`);
  if (demo) console.log(`Demo board "${demo.title}", open it as its lead: ${demo.leadUrl}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C means "now".
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: saving and shutting down…`);
    const since = Date.now();
    running.close().then(
      () => {
        log('info', 'stopped cleanly', { signal, ms: Date.now() - since });
        process.exit(0);
      },
      (err: unknown) => {
        console.error('Shutdown failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else if (err instanceof StorageError && err.code === 'in_use') {
    console.error(`Factboard's data directory is taken: ${err.message}.`);
  } else if (err instanceof StorageError && err.code === 'newer_layout') {
    console.error(
      `Factboard cannot open its data directory: ${err.message}. Run that version, or restore a backup made before it.`,
    );
  } else {
    console.error('Factboard failed to start:', err);
  }
  process.exit(1);
});
