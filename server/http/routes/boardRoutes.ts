/** POST /api/boards (create) and GET /api/boards/:id (who am I on this board). */
import { Router } from 'express';
import { z } from 'zod';
import { LIMITS, personName, visibleName } from '../../../shared/board/inputs';
import { readMeta } from '../../../shared/board/readMeta';
import { authenticateMember, member, requireAdmin } from '../auth';
import { type BoardActionDeps, createBoard, inviteUrl } from '../boardActions';
import { jsonBody, validate } from '../validate';

const createBoardBody = z.strictObject({
  title: visibleName(LIMITS.title),
  /** The creator's display name on their lead invite. */
  name: personName.optional(),
});

export function boardRoutes(
  deps: BoardActionDeps & { adminToken: string | null; publicUrl: () => string },
): Router {
  const router = Router();
  const auth = authenticateMember(deps);

  router.post('/api/boards', requireAdmin(deps.adminToken), async (req, res) => {
    const body = validate(createBoardBody, jsonBody(req));
    const { board, lead } = await createBoard(deps, {
      title: body.title,
      leadName: body.name ?? 'Lead',
    });
    res.status(201).json({
      id: board.id,
      title: board.title,
      leadToken: lead.token,
      leadUrl: inviteUrl(deps.publicUrl(), board.id, lead.token),
    });
  });

  router.get('/api/boards/:id', auth, async (_req, res) => {
    const me = member(res);
    // The doc's title is the live one (a lead may rename the board); the record keeps the first.
    const title = await deps.syncServer.read(me.boardId, (doc) => readMeta(doc).title);
    res.json({ id: me.boardId, title, role: me.role, name: me.name, inviteId: me.inviteId });
  });

  return router;
}
