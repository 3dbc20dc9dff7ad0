/** GET /api/boards/:id/history[?card=<cardId>] (any member): audit events, oldest first. */
import { Router } from 'express';
import { z } from 'zod';
import type { Storage } from '../../storage/Storage';
import type { TokenSigner } from '../../auth/tokens';
import { authenticateMember, member } from '../auth';
import { validate } from '../validate';

const historyQuery = z.object({
  card: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, 'not a card id')
    .optional(),
});

export function historyRoutes(deps: { storage: Storage; signer: TokenSigner }): Router {
  const router = Router();

  router.get('/api/boards/:id/history', authenticateMember(deps), async (req, res) => {
    const query = validate(historyQuery, req.query);
    const events = await deps.storage.listHistory(member(res).boardId, query.card);
    res.json({
      events: events.map((e) => ({
        seq: e.seq,
        cardId: e.cardId,
        type: e.type,
        actor: e.actor,
        at: e.at,
        data: e.data,
      })),
    });
  });

  return router;
}
