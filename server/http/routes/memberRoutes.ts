/**
 * GET /api/boards/:id/members (any member): who is on the board, as names and roles of its live
 * invites, so that everyone (not only the lead, who lists invites) can @mention a colleague who
 * has not been online yet. Nothing else of an invite is shown: no ids, times or tokens.
 */
import { Router } from 'express';
import type { Storage } from '../../storage/Storage';
import type { TokenSigner } from '../../auth/tokens';
import { authenticateMember, member } from '../auth';

export function memberRoutes(deps: { storage: Storage; signer: TokenSigner }): Router {
  const router = Router();

  router.get('/api/boards/:id/members', authenticateMember(deps), async (_req, res) => {
    const invites = await deps.storage.listInvites(member(res).boardId);
    const seen = new Set<string>();
    const members = invites
      .filter((i) => i.revokedAt === null)
      .map((i) => ({ name: i.name, role: i.role }))
      .filter((m) => {
        const key = `${m.role}\n${m.name}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    res.json({ members });
  });

  return router;
}
