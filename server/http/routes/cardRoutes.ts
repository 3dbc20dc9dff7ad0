/**
 * POST /api/boards/:id/cards/:cardId/restore (editor or lead): a deleted card back on the
 * board as it was just before its last deletion, evidence and comments included
 * (server/cards/restoreDeletedCard). 201 `{card}`; 404 `card_not_found` when the board never
 * had such a card deleted; 409 `card_exists` when it is on the board. An optional JSON body
 * `{evidence: [{id, url, quote?, stance, note?}]}` adds the restorer's evidence that went with
 * the card before it reached the board, in the same change. A restore whose client disconnects
 * before the card is back is cancelled, and changes nothing.
 *
 * Everything else a client does to cards goes through the sync socket; a restore cannot, since
 * the client no longer has the card's content.
 */
import { readdedEvidenceInput } from '../../../shared/board/inputs';
import { ID_PATTERN } from '../../../shared/board/newId';
import { Router } from 'express';
import { z } from 'zod';
import { type RestoreDeps, restoreDeletedCard } from '../../cards/restoreDeletedCard';
import { authenticateMember, member, requirePermission } from '../auth';
import type { BoardActionDeps } from '../boardActions';
import { clientGone } from '../clientGone';
import type { IdempotencyKeys } from '../IdempotencyKeys';
import { optionalJsonBody, validate } from '../validate';

const params = z.object({ cardId: z.string().regex(ID_PATTERN, 'not a card id') });
/** Strict to the evidence's keys: a misspelt `evidnce` or `adedBy` is refused by name. */
const body = z.strictObject({
  evidence: z.array(z.strictObject(readdedEvidenceInput.shape)).default([]),
});

export function cardRoutes(
  deps: BoardActionDeps & RestoreDeps & { idempotency: IdempotencyKeys },
): Router {
  const router = Router();
  router.post(
    '/api/boards/:id/cards/:cardId/restore',
    authenticateMember(deps),
    requirePermission('editBoard'),
    async (req, res) => {
      const me = member(res);
      const { cardId } = validate(params, { cardId: req.params.cardId });
      // Without a body: the card as it was, and nothing more.
      const { evidence } = validate(body, optionalJsonBody(req));
      const gone = clientGone(res);
      await deps.idempotency.answer(
        req,
        res,
        deps.syncServer,
        me.boardId,
        me.actor.id,
        async (syncServer) => {
          try {
            const card = await restoreDeletedCard(
              { ...deps, syncServer },
              me.boardId,
              me.actor,
              cardId,
              { readded: evidence, signal: gone },
            );
            return { status: 201, body: { card } };
          } catch (err) {
            // The client left: nobody is left to answer.
            if (gone.aborted) return null;
            throw err;
          }
        },
      );
    },
  );
  return router;
}
