/**
 * The Express app: REST API, health check and the static client. It never listens; the
 * caller (startServer, or a test) mounts it on an http.Server, which also carries the sync
 * WebSocket upgrade.
 */
import express, { type RequestHandler } from 'express';
import type { Config } from '../config';
import { readMeta } from '../../shared/board/readMeta';
import { createExportRouter } from '../export/createExportRouter';
import type { ExtractionPool } from '../extract/createExtractionPool';
import type { BoardWorkers } from '../workers/createBoardWorkers';
import { authenticateMember, requireAdmin } from './auth';
import { type BoardActionDeps, inviteMember, inviteUrl } from './boardActions';
import { articleRoutes } from './routes/articleRoutes';
import { cardRoutes } from './routes/cardRoutes';
import { errorHandler, notFound } from './errorHandler';
import { boardRoutes } from './routes/boardRoutes';
import { historyRoutes } from './routes/historyRoutes';
import { inviteRoutes } from './routes/inviteRoutes';
import { memberRoutes } from './routes/memberRoutes';
import { securityHeaders } from './securityHeaders';

export interface AppDeps extends BoardActionDeps {
  readonly config: Pick<Config, 'adminToken' | 'maxMessageBytes' | 'maxArticleBytes'>;
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
  readonly log?: (message: string, err: unknown) => void;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ contentSecurityPolicy: deps.contentSecurityPolicy ?? true }));

  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true });
  });

  const api = express.Router();
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Export and import first: the import parses its own, much larger, body (a whole board).
  api.use(
    createExportRouter({
      storage: deps.storage,
      workers: deps.boardWorkers,
      authenticate: authenticateMember(deps),
      authorizeCreate: requireAdmin(deps.config.adminToken),
      issueLeadInvite: async (boardId, name) => {
        const { token } = await inviteMember(deps, boardId, { name, role: 'lead' });
        return { token, url: inviteUrl(deps.publicUrl(), boardId, token) };
      },
      currentOrganisation: (boardId) =>
        deps.syncServer.read(boardId, (doc) => readMeta(doc).organisation),
    }),
  );
  api.use(express.json({ limit: deps.config.maxMessageBytes }));
  const routeDeps = { ...deps, adminToken: deps.config.adminToken };
  api.use(boardRoutes(routeDeps));
  api.use(inviteRoutes(routeDeps));
  api.use(historyRoutes(routeDeps));
  api.use(memberRoutes(routeDeps));
  api.use(cardRoutes(routeDeps));
  api.use(
    articleRoutes({
      ...deps,
      maxBodyBytes: deps.config.maxMessageBytes,
      maxArticleBytes: deps.config.maxArticleBytes,
    }),
  );
  app.use(api);

  if (deps.client) app.use(deps.client);
  app.use(notFound);

  app.use(errorHandler(deps.log ?? ((message, err) => console.error(message, err))));
  return app;
}
