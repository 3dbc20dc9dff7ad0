/**
 * POST /api/boards/:id/comments/:commentId/redact (lead): the comment's text out of the board,
 * its history and its stored updates for good (server/comments/redactComment). 200 `{redacted:
 * {updates, snapshots, history}}`, how many stored rows held its words; 404 `comment_not_found`
 * when the board has no such comment. Everything else a client does to comments goes through
 * the sync socket; this cannot, as only the server holds the stored past.
 */
import { Router } from 'express';
import { z } from 'zod';
import { ID_PATTERN } from '../../../shared/board/newId';
import { type RedactDeps, redactComment } from '../../comments/redactComment';
import { authenticateMember, member, requirePermission } from '../auth';
import type { BoardActionDeps } from '../boardActions';
import type { IdempotencyKeys } from '../IdempotencyKeys';
import { refuseBodyKeys, validate } from '../validate';

const params = z.object({ commentId: z.string().regex(ID_PATTERN, 'not a comment id') });

export function commentRoutes(
  deps: BoardActionDeps & RedactDeps & { idempotency: IdempotencyKeys },
): Router {
  const router = Router();
  router.post(
    '/api/boards/:id/comments/:commentId/redact',
    authenticateMember(deps),
    requirePermission('redactComments'),
    async (req, res) => {
      const me = member(res);
      const { commentId } = validate(params, { commentId: req.params.commentId });
      // It takes no options: a body with any key (`{"dryRun": true}`) is refused before it acts.
      refuseBodyKeys(req);
      await deps.idempotency.answer(
        req,
        res,
        deps.syncServer,
        me.boardId,
        me.actor.id,
        async (syncServer) => {
          const redacted = await redactComment(
            { ...deps, syncServer },
            me.boardId,
            me.actor,
            commentId,
          );
          return { status: 200, body: { redacted } };
        },
      );
    },
  );
  return router;
}
