/**
 * Composes the server: config, data directory, signing secret, SQLite storage, the sync
 * server, the Express app and one HTTP server that carries both REST and the sync
 * WebSocket (upgrades under /sync/). Used by main.ts, dev.ts and the tests (port 0).
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';
import {
  createTokenSigner,
  loadOrCreateSecret,
  removeLeftSecretCopies,
  type TokenSigner,
} from './auth/tokens';
import { type Config, ConfigError, loadConfig } from './config';
import { DATABASE_FILE, dataDirCreateProblem, dataFilesProblem } from './dataDirProblem';
import { createApp } from './http/createApp';
import { staticClient } from './http/staticClient';
import { createExtractionPool, type ExtractionPool } from './extract/createExtractionPool';
import { enrichHandMadeCards } from './extract/enrichHandMadeCards';
import { listenOn } from './listenOn';
import { createServerMetrics } from './metrics/createServerMetrics';
import { createSqliteStorage } from './storage/createSqliteStorage';
import { StorageError } from './storage/StorageError';
import { defaultSyncLog, type SyncLog } from './sync/syncLog';
import type { Storage } from './storage/Storage';
import { createSyncServer } from './sync/createSyncServer';
import type { SyncServer } from './sync/SyncServer';
import { type BoardWorkers, createBoardWorkers } from './workers/createBoardWorkers';

/** Where `vite build` puts the client. */
const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

export interface StartOptions {
  /** Serves the client; defaults to the built dist/ when it exists. dev.ts passes Vite's. */
  readonly client?: RequestHandler | null;
  /** Off only in development (Vite injects inline scripts and its own HMR socket). */
  readonly contentSecurityPolicy?: boolean;
  /** Where events go (syncLog.ts); main.ts passes one at FACTBOARD_LOG_LEVEL. Default: warn. */
  readonly log?: SyncLog;
}

export interface RunningServer {
  /** Where this process can reach the server, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  readonly port: number;
  readonly config: Config;
  /** The data directory, absolute. */
  readonly dataDir: string;
  /** Base of invite links (FACTBOARD_PUBLIC_URL, or `url` with localhost for a wildcard host). */
  readonly publicUrl: string;
  readonly storage: Storage;
  readonly syncServer: SyncServer;
  readonly signer: TokenSigner;
  /** Claim extraction of imported articles, in worker threads. */
  readonly extraction: ExtractionPool;
  /** Exports, board imports and card restores, in worker threads. */
  readonly boardWorkers: BoardWorkers;
  /** Stops accepting, flushes and closes every room and socket, then the storage. */
  close(): Promise<void>;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);
/** After this, requests still running at shutdown are cut off. */
const DRAIN_MS = 3_000;

function hostForUrl(host: string): string {
  if (WILDCARD_HOSTS.has(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startServer(
  overrides: Partial<Config> = {},
  options: StartOptions = {},
): Promise<RunningServer> {
  const config: Config = Object.freeze({ ...loadConfig(process.env), ...overrides });
  // A HOST or PORT this machine will not listen on is refused before the data directory is
  // touched. The port is opened again below; taken meanwhile, that listen is refused the same way.
  const probe = createTcpServer();
  await listenOn(probe, config.port, config.host);
  await new Promise<void>((closed) => probe.close(() => closed()));
  const log = options.log ?? defaultSyncLog;
  const dataDir = resolve(config.dataDir);
  try {
    // Private when Factboard makes it (an existing one keeps its mode: dataDirExposure).
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new ConfigError([`FACTBOARD_DATA_DIR: ${dataDirCreateProblem(dataDir, err)}`]);
  }
  const filesProblem = dataFilesProblem(dataDir);
  if (filesProblem !== null) throw new ConfigError([`FACTBOARD_DATA_DIR: ${filesProblem}`]);
  const signer = createTokenSigner(loadOrCreateSecret(dataDir, config.secret ?? undefined));
  const databaseFile = join(dataDir, DATABASE_FILE);
  const storage = createSqliteStorage(databaseFile, {
    synchronous: config.sqliteSynchronous,
    onError: (error) => {
      // A WAL left busy after a redaction or deletion is not retried: said as what it is.
      if (error instanceof StorageError && error.code === 'wal_busy') log('warn', error.message);
      else log('error', 'storing pending updates failed; retrying', { error });
    },
    onRecovered: ({ lockTakenOverFrom, batches, updates, waitingBatches, waitingUpdates }) => {
      if (lockTakenOverFrom !== null) {
        log('warn', 'took over the lock a stopped process left', {
          dataDir,
          pid: lockTakenOverFrom,
        });
      }
      if (batches > 0) log('warn', 'recovered pending updates', { dataDir, batches, updates });
      if (waitingBatches > 0) {
        // Served from memory meanwhile; stored by the retries once the device has space.
        log('warn', 'pending updates wait for space to be stored', {
          dataDir,
          batches: waitingBatches,
          updates: waitingUpdates,
        });
      }
    },
  });
  // Now that this server holds the data directory's lock (taken by the storage): no other
  // server is creating the secret's files here. A copy that cannot be removed is harmless to
  // this start, so it is only said.
  try {
    removeLeftSecretCopies(dataDir);
  } catch (error) {
    log('warn', 'removing a copy of the secret left by a stopped server failed', {
      dataDir,
      error,
    });
  }
  const syncServer = createSyncServer({
    storage,
    signer,
    log,
    options: {
      maxMessageBytes: config.maxMessageBytes,
      roomGraceMs: config.roomGraceMs,
      compactEvery: config.compactEvery,
      logRetentionDays: config.logRetentionDays,
      connectionsPerMinute: config.connectionsPerMinute,
      messagesPerSecond: config.messagesPerSecond,
      messageBurst: config.messageBurst,
      maxBufferedBytes: config.maxBufferedBytes,
    },
  });

  // Only with a token: without one nobody may read them, and the event loop monitor is not run.
  const metrics = config.metricsToken
    ? createServerMetrics({ syncServer, storage, databaseFile })
    : null;

  const extraction = createExtractionPool({
    timeoutMs: config.extractTimeoutMs,
    maxWaiting: config.extractQueueLength,
    idleMs: config.threadIdleMs,
  });
  enrichHandMadeCards(syncServer, extraction, log);
  const boardWorkers = createBoardWorkers({
    timeoutMs: config.boardJobTimeoutMs,
    maxWaiting: config.boardJobQueueLength,
    idleMs: config.threadIdleMs,
  });
  // Jobs still running fail at once rather than being held to the drain's cutoff.
  const closeWorkers = () => Promise.all([extraction.close(), boardWorkers.close()]);

  let publicUrl = config.publicUrl ?? '';
  let closing: Promise<void> | null = null;
  const app = createApp({
    storage,
    idempotencyStore: storage.idempotency,
    syncServer,
    signer,
    extraction,
    boardWorkers,
    config,
    publicUrl: () => publicUrl,
    client: options.client !== undefined ? options.client : staticClient(DIST_DIR),
    contentSecurityPolicy: options.contentSecurityPolicy ?? true,
    shuttingDown: () => closing !== null,
    log,
    metrics,
  });

  const server = createServer(app);
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?', 1)[0] ?? '';
    if (path.startsWith('/sync/')) syncServer.handleUpgrade(req, socket, head);
    else {
      // No WebSocket lives here: an HTTP answer, as for /sync/<id>/extra, not a cut connection.
      socket.on('error', () => socket.destroy());
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });

  try {
    await listenOn(server, config.port, config.host);
  } catch (err) {
    metrics?.stop();
    await closeWorkers();
    await syncServer.close();
    await storage.close();
    throw err;
  }

  const port = (server.address() as AddressInfo).port;
  const url = `http://${hostForUrl(config.host)}:${port}`;
  if (!config.publicUrl) publicUrl = url;
  log('info', 'server started', { url, publicUrl, dataDir });

  const close = () => {
    closing ??= (async () => {
      const stopped = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      const cutoff = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
      await closeWorkers();
      await syncServer.close();
      await stopped;
      clearTimeout(cutoff);
      metrics?.stop();
      await storage.close();
    })();
    return closing;
  };

  return {
    url,
    port,
    config,
    dataDir,
    publicUrl,
    storage,
    syncServer,
    signer,
    extraction,
    boardWorkers,
    close,
  };
}
