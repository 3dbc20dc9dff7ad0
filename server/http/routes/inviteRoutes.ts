/** Invites (lead only): POST/GET /api/boards/:id/invites, DELETE …/invites/:inviteId. */
import { Router } from 'express';
import { z } from 'zod';
import { LIMITS, visibleName } from '../../../shared/board/inputs';
import { ROLES } from '../../../shared/roles';
import { HttpError } from '../../errors';
import { authenticateMember, member, requirePermission } from '../auth';
import { type BoardActionDeps, inviteMember, inviteUrl, revokeInvite } from '../boardActions';
import { jsonBody, validate } from '../validate';

const inviteBody = z.object({
  name: visibleName(LIMITS.name),
  role: z.enum(ROLES),
});

const inviteIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'not an invite id');

export function inviteRoutes(deps: BoardActionDeps & { publicUrl: () => string }): Router {
  const router = Router();
  const lead = [authenticateMember(deps), requirePermission('invite')];

  router.post('/api/boards/:id/invites', ...lead, async (req, res) => {
    const body = validate(inviteBody, jsonBody(req));
    const { boardId } = member(res);
    const { invite, token } = await inviteMember(deps, boardId, body);
    res.status(201).json({
      inviteId: invite.id,
      token,
      url: inviteUrl(deps.publicUrl(), boardId, token),
    });
  });

  router.get('/api/boards/:id/invites', ...lead, async (_req, res) => {
    const invites = await deps.storage.listInvites(member(res).boardId);
    // Tokens are never listed: they are shown once, when the invite is made.
    res.json({
      invites: invites.map((i) => ({
        inviteId: i.id,
        name: i.name,
        role: i.role,
        createdAt: i.createdAt,
        joinedAt: i.joinedAt,
        revokedAt: i.revokedAt,
      })),
    });
  });

  router.delete('/api/boards/:id/invites/:inviteId', ...lead, async (req, res) => {
    const inviteId = validate(inviteIdParam, req.params.inviteId);
    const invite = await deps.storage.getInvite(inviteId);
    if (!invite || invite.boardId !== member(res).boardId) {
      throw new HttpError(404, 'invite_not_found', 'no such invite on this board');
    }
    // A lead locked out by their own click may leave the board with nobody to invite or export.
    if (invite.id === member(res).inviteId) {
      throw new HttpError(409, 'own_invite', 'you cannot revoke the invite you are using');
    }
    // Revoking twice is harmless; the first revocation time is kept by storage.
    if (invite.revokedAt === null) await revokeInvite(deps, invite.id);
    res.status(204).end();
  });

  return router;
}
