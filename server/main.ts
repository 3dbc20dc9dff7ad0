/**
 * `npm start`: reads the configuration from the environment, starts the server, prints the
 * address to open, and shuts down cleanly on SIGINT/SIGTERM (rooms flushed, sockets closed
 * with "going away" so clients reconnect to the next process).
 */
import { cappedSettings, ConfigError, loadConfig } from './config';
import { unknownVariables } from './unknownVariables';
import { databaseProblem } from './databaseProblem';
import { dataDirExposure, startFileProblem } from './dataDirProblem';
import { seedDemoBoardIfEmpty } from './seed/seedDemoBoardIfEmpty';
import { type RunningServer, startServer } from './startServer';
import { StorageError } from './storage/StorageError';
import { createSyncLog } from './sync/syncLog';

/** Where the data is, for a start that fails (see startFileProblem). */
let dataDir = './data';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  dataDir = config.dataDir;
  // Every file and directory the server makes is its user's alone (the database holds every
  // board; secret.key signs invites): 0700 and 0600, whatever the shell's umask.
  process.umask(0o077);
  const log = createSyncLog(config.logLevel);
  for (const unknown of unknownVariables(process.env))
    log('warn', 'unknown setting ignored', unknown);
  for (const capped of cappedSettings(config)) log('warn', 'setting capped', capped);

  // Installed before the port answers: a stop asked for while starting (the demo board takes
  // seconds to make) is carried out once the start is done, rather than the default action
  // ending the process mid-write with its lock file left behind.
  let running: RunningServer | null = null;
  let stopping: NodeJS.Signals | null = null;
  const shutDown = (server: RunningServer, signal: NodeJS.Signals) => {
    const since = Date.now();
    return server.close().then(
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
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C means "now".
      process.exit(1);
    }
    stopping = signal;
    console.log(`\n${signal}: saving and shutting down${running ? '' : ' once started'}…`);
    if (running) void shutDown(running, signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const started = await startServer(config, { log });
  const exposure = dataDirExposure(config.dataDir);
  if (exposure) console.warn(exposure);
  // The demo board, on the first start with an empty data directory (FACTBOARD_DEMO=0: none);
  // not made by a start already told to stop (the next start makes it).
  const demo = stopping ? null : await seedDemoBoardIfEmpty(started);
  console.log(`Factboard is running at ${started.publicUrl}`);
  console.log(`Data directory: ${started.dataDir}`);
  if (demo) {
    console.log(`Demo board "${demo.title}", open it as its lead: ${demo.leadUrl}`);
    // The start page lists the boards a browser has opened, and has no way to list others.
    console.log('(Open that link once and the start page lists the board in that browser.)');
  }
  running = started;
  if (stopping) await shutDown(running, stopping);
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
    // A file-system error the checks at start could not foresee, or SQLite's own about its
    // file: one line, not a stack trace.
    const problem = startFileProblem(err, dataDir) ?? databaseProblem(err, dataDir);
    if (problem !== null) console.error(problem);
    else console.error('Factboard failed to start:', err);
  }
  process.exit(1);
});
