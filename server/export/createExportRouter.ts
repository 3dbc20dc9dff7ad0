/**
 * `GET /api/boards/:id/export?format=json|csv|md|claimreview[&at=<ISO time>]` (lead only) and
 * `POST /api/boards/import` (a JSON export in, a new board out).
 *
 * Mount it before any router that parses JSON with a smaller limit: the import parses its
 * own body, which for a large board is far bigger than a sync message.
 *
 * Both run on the board threads (createBoardWorkers); a client that disconnects cancels its
 * export, or its import before the new board's first write. Their JobErrors (busy, timeout,
 * failed) go to the app's error handler, as every route's do.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import { z } from 'zod';
import { personName } from '../../shared/board/inputs';
import { ExportError, type ExportErrorCode } from '../../shared/export/ExportError';
import { can, isRole } from '../../shared/roles';
import type { Organisation } from '../../shared/board/view';
import { clientGone } from '../http/clientGone';
import { answerBody } from '../http/gzipAnswer';
import { type KeepAnswer, type Reply, sendReply } from '../http/IdempotencyKeys';
import { closeIfBodyUnread, limitedBody } from '../http/limitedBody';
import type { Storage } from '../storage/Storage';
import type { BoardWorkers } from '../workers/createBoardWorkers';
import { exportBoard } from './exportBoard';
import { contentDisposition, exportFormatSchema, FORMAT_FILES } from './exportFormats';
import { importBoard, type ImportDeps } from './importBoard';

export interface ExportRouterDeps {
  readonly storage: Storage;
  readonly workers: BoardWorkers;
  /**
   * Authenticates a member of the board in `req.params.id` and sets
   * `res.locals.member = { boardId, role, … }`, or fails the request (401/403/404).
   */
  readonly authenticate: RequestHandler;
  /** Guards import like board creation (e.g. the admin-token check); none leaves it open. */
  readonly authorizeCreate?: RequestHandler;
  /**
   * Answers an import sent with an Idempotency-Key once however often it comes, as board
   * creation is (IdempotencyKeys, IMPORTED_BOARDS, keys of their own): sent again after a lost
   * answer, it is answered with the board the first made, not a second; `keep` makes the key's
   * entry, stored with the board. None: each request imports. Its digest of
   * the body is SHA-256 on the event loop: 100-220 ms for 20 MB on two loaded cores.
   */
  readonly answerOnce?: (
    req: Request,
    res: Response,
    run: (keep: KeepAnswer) => Promise<Reply>,
  ) => Promise<void>;
  readonly leadInvite: ImportDeps['leadInvite'];
  /** The board's organisation as it is now (for a ClaimReview as of a past moment). */
  readonly currentOrganisation?: (boardId: string) => Promise<Organisation | null>;
}

/** Largest import body; a 10,000-card board with two comments a card is about 20 MB. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const exportQuery = z.object({
  format: exportFormatSchema,
  // An ISO time to the second or finer, or to the minute ("2026-12-06T08:32Z", as people type
  // one): zod takes one precision or the other.
  at: z
    .union([z.iso.datetime({ offset: true }), z.iso.datetime({ offset: true, precision: -1 })])
    .optional(),
});

const importQuery = z.object({
  /** The display name on the new board's lead invite. */
  name: personName.optional(),
});

type ErrorCode = ExportErrorCode | 'invalid_input' | 'forbidden' | 'internal';

function sendError(
  res: Response,
  status: number,
  code: ErrorCode,
  message: string,
  details?: readonly string[],
): void {
  closeIfBodyUnread(res);
  res.status(status).json({ error: { code, message, ...(details ? { details } : {}) } });
}

const STATUS: Readonly<Record<ExportErrorCode, number>> = {
  invalid_export: 400,
  invalid_at: 400,
  doc_not_empty: 409,
  organisation_required: 409,
};

function sendExportError(res: Response, err: ExportError): void {
  const first = err.details.slice(0, 5).join('; ');
  const message = first ? `${err.message}: ${first}` : err.message;
  sendError(res, STATUS[err.code], err.code, message, err.details.length ? err.details : undefined);
}

function queryErrors(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
}

export function createExportRouter(deps: ExportRouterDeps): Router {
  const router = Router();

  router.get('/api/boards/:id/export', deps.authenticate, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const role: unknown = (res.locals.member as { role?: unknown } | undefined)?.role;
    if (!isRole(role) || !can(role, 'export')) {
      return sendError(res, 403, 'forbidden', 'only the board lead may export it');
    }
    const query = exportQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 400, 'invalid_input', queryErrors(query.error));
    const { format } = query.data;
    const at = query.data.at === undefined ? null : Date.parse(query.data.at);
    const gone = clientGone(res);
    /** Where the file goes once it has begun: gzipped for a client that takes it. */
    let body: Writable | null = null;
    const out = (): Writable => body ?? res;
    try {
      const boardId = req.params.id as string;
      // The board as of a past moment may predate its organisation; the review is published
      // now, by the organisation set now.
      const organisation =
        format === 'claimreview' && at !== null
          ? ((await deps.currentOrganisation?.(boardId)) ?? null)
          : null;
      await exportBoard(
        { storage: deps.storage, workers: deps.workers },
        { boardId, format, at, organisation },
        {
          start({ title, skipped, placeholderUrl, unverifiedVerdicts, cutCells }) {
            res.status(200);
            res.setHeader('Content-Type', FORMAT_FILES[format].contentType);
            res.setHeader('Content-Disposition', contentDisposition(title, Date.now(), format, at));
            if (format === 'claimreview') {
              res.setHeader('X-Factboard-Skipped', skipped.length);
              res.setHeader('X-Factboard-Placeholder-Urls', placeholderUrl.length);
              res.setHeader('X-Factboard-Unverified-Verdicts', unverifiedVerdicts.length);
            }
            if (format === 'csv') res.setHeader('X-Factboard-Cut-Cells', cutCells);
            body = answerBody(req, res);
          },
          async write(chunk) {
            if (!out().write(chunk)) await once(out(), 'drain', { signal: gone });
          },
        },
        gone,
      );
      out().end();
    } catch (err) {
      if (gone.aborted) return;
      // A file cut off mid-way (past the time limit, say): the client sees a broken download,
      // never a complete-looking one.
      if (out() !== res || res.headersSent) {
        out().destroy();
        return void res.destroy(err as Error);
      }
      if (err instanceof ExportError) return sendExportError(res, err);
      throw err;
    }
  });

  const answerOnce: NonNullable<ExportRouterDeps['answerOnce']> =
    deps.answerOnce ?? (async (_req, res, run) => sendReply(res, await run(() => undefined)));
  router.post(
    '/api/boards/import',
    ...(deps.authorizeCreate ? [deps.authorizeCreate] : []),
    // The text, not parsed: the import worker parses it, off the event loop.
    limitedBody(
      express.text({ type: 'application/json', limit: MAX_IMPORT_BYTES }),
      MAX_IMPORT_BYTES,
    ),
    async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const query = importQuery.safeParse(req.query);
      if (!query.success) return sendError(res, 400, 'invalid_input', queryErrors(query.error));
      if (typeof req.body !== 'string') {
        return sendError(
          res,
          400,
          'invalid_input',
          'send the JSON export as an application/json body',
        );
      }
      const body = req.body;
      const gone = clientGone(res);
      const run = async (keep: KeepAnswer): Promise<Reply> => {
        let reply: Reply = null;
        await importBoard(
          {
            storage: deps.storage,
            workers: deps.workers,
            leadInvite: deps.leadInvite,
          },
          body,
          {
            leadName: query.data.name,
            signal: gone,
            keep: (imported) => keep((reply = { status: 201, body: imported })),
          },
        );
        return reply;
      };
      try {
        await answerOnce(req, res, run);
      } catch (err) {
        // The client left: nobody is left to answer.
        if (gone.aborted) return;
        if (err instanceof ExportError) return sendExportError(res, err);
        throw err;
      }
    },
  );

  return router;
}
