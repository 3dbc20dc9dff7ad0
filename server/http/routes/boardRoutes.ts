/**
 * POST /api/boards (create), GET /api/boards/:id (who am I on this board) and
 * DELETE /api/boards/:id (a lead, or the admin token, deletes it for good).
 */
import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { LIMITS, personName, visibleName } from '../../../shared/board/inputs';
import { readMeta } from '../../../shared/board/readMeta';
import { HttpError } from '../../errors';
import type { SyncLog } from '../../sync/syncLog';
import {
  authenticateMember,
  bearerIs,
  type Member,
  member,
  requireAdmin,
  requirePermission,
} from '../auth';
import { type BoardActionDeps, createBoard, deleteBoard, inviteUrl } from '../boardActions';
import { type IdempotencyKeys, NEW_BOARDS, type Reply } from '../IdempotencyKeys';
import { leadJson } from '../leadJson';
import { jsonBody, refuseBodyKeys, validate } from '../validate';

const createBoardBody = z.strictObject({
  title: visibleName(LIMITS.title),
  /** The creator's display name on their lead invite. */
  name: personName.optional(),
});

export function boardRoutes(
  deps: BoardActionDeps & {
    adminToken: string | null;
    publicUrl: () => string;
    log: SyncLog;
    idempotency: IdempotencyKeys;
  },
): Router {
  const router = Router();
  const auth = authenticateMember(deps);
  const adminBearer = deps.adminToken === null ? null : Buffer.from(deps.adminToken, 'utf8');
  /** With the admin token as the bearer, the admin's route; any other goes the member's way. */
  const adminOnly: RequestHandler = (req, _res, next) =>
    adminBearer !== null && bearerIs(req, adminBearer) ? next() : next('route');

  /**
   * Deletes the board, by its lead (member recorded) or the admin; the audit line says who, as
   * the board's history, deleted with it, cannot.
   */
  const remove: RequestHandler = async (req, res) => {
    refuseBodyKeys(req);
    const lead = res.locals.member as Member | undefined;
    const boardId = lead?.boardId ?? (req.params.id as string);
    if (!(await deleteBoard(deps, boardId))) {
      throw new HttpError(404, 'board_not_found', 'no such board');
    }
    deps.log('info', 'board deleted', {
      boardId,
      by: lead ? { inviteId: lead.inviteId, name: lead.name, role: lead.role } : 'admin token',
      address: req.ip,
    });
    res.status(204).end();
  };

  router.post('/api/boards', requireAdmin(deps.adminToken), async (req, res) => {
    const body = validate(createBoardBody, jsonBody(req));
    // With an Idempotency-Key, a repeat after a lost answer gets the same board, not a second.
    // There is no board or member yet: the key is the sender's address's (NEW_BOARDS), so only
    // a request from there with the same key and body is given the first's lead link.
    await deps.idempotency.answer(
      req,
      res,
      deps.syncServer,
      NEW_BOARDS,
      req.ip ?? '',
      async (_sync, keep) => {
        // Its key is stored with the board and its lead invite, in one transaction (keep):
        // a retry after any failure or stop makes the board once.
        let reply: Reply = null;
        await createBoard(
          deps,
          { title: body.title, leadName: body.name ?? 'Lead' },
          ({ board, lead }) => {
            const leadUrl = inviteUrl(deps.publicUrl(), board.id, lead.token);
            reply = {
              status: 201,
              body: { id: board.id, title: board.title, leadToken: lead.token, leadUrl },
            };
            return keep(reply);
          },
        );
        return reply;
      },
    );
  });

  router.get('/api/boards/:id', auth, async (_req, res) => {
    const me = member(res);
    // The doc's title is the live one (a lead may rename the board); the record keeps the first.
    const title = await deps.syncServer.read(me.boardId, (doc) => readMeta(doc).title);
    // Who last changed the role, for the page to name them when it learns of the change.
    const roleChange = (await deps.storage.getInvite(me.inviteId))?.roleChange ?? null;
    res.json({
      id: me.boardId,
      title,
      role: me.role,
      name: me.name,
      inviteId: me.inviteId,
      roleChangedAt: roleChange?.at ?? null,
      roleChangedBy: leadJson(roleChange?.by ?? null),
    });
  });

  router.delete('/api/boards/:id', adminOnly, remove);
  router.delete('/api/boards/:id', auth, requirePermission('deleteBoard'), remove);

  return router;
}
