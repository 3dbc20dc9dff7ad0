/**
 * The Express app: REST API, health check and the static client. It never listens; the
 * caller (startServer, or a test) mounts it on an http.Server, which also carries the sync
 * WebSocket upgrade.
 */
import express, { type RequestHandler } from 'express';
import type { Config } from '../config';
import { HttpError } from '../errors';
import { readMeta } from '../../shared/board/readMeta';
import { createExportRouter } from '../export/createExportRouter';
import type { ExtractionPool } from '../extract/createExtractionPool';
import type { BoardWorkers } from '../workers/createBoardWorkers';
import { authenticateMember, requireAdmin } from './auth';
import { type BoardActionDeps, inviteUrl, newInvite } from './boardActions';
import { articleRoutes } from './routes/articleRoutes';
import { cardRoutes } from './routes/cardRoutes';
import { commentRoutes } from './routes/commentRoutes';
import { errorHandler, notFound } from './errorHandler';
import { boardRoutes } from './routes/boardRoutes';
import { historyRoutes } from './routes/historyRoutes';
import { inviteRoutes } from './routes/inviteRoutes';
import { memberRoutes } from './routes/memberRoutes';
import { writerRoutes } from './routes/writerRoutes';
import { IdempotencyKeys, IMPORTED_BOARDS } from './IdempotencyKeys';
import type { IdempotencyStore } from '../storage/sqliteIdempotencyKeys';
import type { SyncStorage } from '../storage/Storage';
import { limitedBody } from './limitedBody';
import { readJsonLater } from './validate';
import { requestLog } from './requestLog';
import { countResponses } from './countResponses';
import { metricsRoute } from './metricsRoute';
import type { ServerMetrics } from '../metrics/createServerMetrics';
import { throttleLog } from '../sync/throttleLog';
import { securityHeaders } from './securityHeaders';
import { defaultSyncLog, type SyncLog } from '../sync/syncLog';

export interface AppDeps extends BoardActionDeps {
  /** The sync server's storage: GET …/writers reads the client ids it bound to invites. */
  readonly storage: SyncStorage;
  readonly config: Pick<
    Config,
    | 'adminToken'
    | 'metricsToken'
    | 'maxMessageBytes'
    | 'maxArticleBytes'
    | 'idempotencyBoardBytes'
    | 'idempotencyTotalBytes'
  >;
  /** Runs article imports' claim extraction off the main thread. */
  readonly extraction: ExtractionPool;
  /** Builds whole boards off the main thread: exports, board imports, card restores. */
  readonly boardWorkers: BoardWorkers;
  /** Base URL of invite links; a function because the port may be known only after listen. */
  readonly publicUrl: () => string;
  /** Serves the client: the built dist/ (staticClient) or Vite's dev middleware; null for none. */
  readonly client?: RequestHandler | null;
  /** Off only in development, where Vite injects inline scripts and its own HMR socket. */
  readonly contentSecurityPolicy?: boolean;
  /** Requests answered with an error status, and unexpected failures. Default: warn and up. */
  readonly log?: SyncLog;
  /** Whether the server has begun to stop: from then on every new request is refused. */
  readonly shuttingDown?: () => boolean;
  /** Where Idempotency-Keys' answers outlive a restart; none: in memory only. */
  readonly idempotencyStore?: IdempotencyStore;
  /** Served at GET /metrics when config.metricsToken is set, and counting responses. */
  readonly metrics?: ServerMetrics | null;
}

export function createApp(deps: AppDeps): express.Express {
  const log = deps.log ?? defaultSyncLog;
  const throttled = throttleLog(log);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(throttled));
  const { metrics } = deps;
  const metricsToken = metrics ? deps.config.metricsToken : null;
  if (metrics && metricsToken !== null) app.use(countResponses(metrics.responses));
  app.use(securityHeaders({ contentSecurityPolicy: deps.contentSecurityPolicy ?? true }));
  if (deps.shuttingDown) app.use(refuseWhileStopping(deps.shuttingDown));

  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true });
  });
  if (metrics && metricsToken !== null) {
    app.get('/metrics', metricsRoute(metricsToken, metrics.render));
  }

  const api = express.Router();
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Repeats of a change sent with an Idempotency-Key (articles, restores, redactions, new and
  // imported boards).
  const idempotency = new IdempotencyKeys(
    {
      boardBytes: deps.config.idempotencyBoardBytes,
      totalBytes: deps.config.idempotencyTotalBytes,
    },
    deps.idempotencyStore ?? null,
  );
  // Export and import first: the import parses its own, much larger, body (a whole board).
  api.use(
    createExportRouter({
      storage: deps.storage,
      workers: deps.boardWorkers,
      authenticate: authenticateMember(deps),
      authorizeCreate: requireAdmin(deps.config.adminToken),
      answerOnce: (req, res, run) =>
        idempotency.answer(req, res, deps.syncServer, IMPORTED_BOARDS, req.ip ?? '', (_, keep) =>
          run(keep),
        ),
      leadInvite: (boardId, name) => {
        const { invite, token } = newInvite(deps, boardId, { name, role: 'lead' });
        return { invite, token, url: inviteUrl(deps.publicUrl(), boardId, token) };
      },
      currentOrganisation: (boardId) =>
        deps.syncServer.read(boardId, (doc) => readMeta(doc).organisation),
    }),
  );
  // Article imports too: the route reads its own body, and says one too large for the request
  // limit as an article too large (articleRoutes), not as any body.
  api.use(
    articleRoutes({
      ...deps,
      maxBodyBytes: deps.config.maxMessageBytes,
      maxArticleBytes: deps.config.maxArticleBytes,
      idempotency,
    }),
  );
  api.use(
    readJsonLater(
      limitedBody(
        express.json({ limit: deps.config.maxMessageBytes }),
        deps.config.maxMessageBytes,
      ),
    ),
  );
  const routeDeps = { ...deps, adminToken: deps.config.adminToken, log, idempotency };
  api.use(boardRoutes(routeDeps));
  api.use(inviteRoutes(routeDeps));
  api.use(historyRoutes(routeDeps));
  api.use(memberRoutes(routeDeps));
  api.use(writerRoutes(routeDeps));
  api.use(cardRoutes(routeDeps));
  api.use(commentRoutes(routeDeps));
  app.use(api);

  if (deps.client) app.use(deps.client);
  app.use(notFound);

  app.use(errorHandler(throttled));
  return app;
}

/**
 * A request that arrives while the server stops (on a keep-alive connection that was busy when
 * it began: new connections are no longer accepted) would start work the shutdown is tearing
 * down under it: its worker pool closed, its board's room unloading, its storage about to close.
 * It is answered 503 `shutting_down` at once, health checks included (so a load balancer stops
 * sending here), and the connection is closed after the answer, so the client's next request
 * opens a new one, to whichever server then listens. Requests already under way finish (a job
 * on a worker thread is answered 503 `<kind>_shutting_down`).
 */
function refuseWhileStopping(shuttingDown: () => boolean): RequestHandler {
  return (_req, res, next) => {
    if (!shuttingDown()) return next();
    res.setHeader('Connection', 'close');
    next(
      new HttpError(
        503,
        'shutting_down',
        'The server is shutting down; try again once it is back.',
      ),
    );
  };
}
