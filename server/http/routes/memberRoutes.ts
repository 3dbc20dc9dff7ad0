/**
 * GET /api/boards/:id/members (any member): who is on the board, as the live invites' ids,
 * names and roles, so that everyone (not only the lead, who lists invites) can @mention a
 * colleague who has not been online yet, and editors can give a card to a colleague to check.
 * The id is the one the board's doc already records as that person's (card authors,
 * assignees); nothing else of an invite is shown: no times or tokens.
 */
import { Router } from 'express';
import type { InviteRecord, Storage } from '../../storage/Storage';
import type { TokenSigner } from '../../auth/tokens';
import { authenticateMember, member } from '../auth';

/**
 * One invite per name and role: a person sent a second link keeps one entry, the invite they
 * have joined with (the newest such), else the newest, so a card given to them is theirs.
 */
function onePerPerson(invites: readonly InviteRecord[]): InviteRecord[] {
  const joined = (i: InviteRecord) => i.joinedAt !== null;
  const chosen = new Map<string, InviteRecord>();
  for (const invite of invites) {
    const key = `${invite.role}\n${invite.name}`;
    const held = chosen.get(key);
    const better =
      !held ||
      (joined(invite) === joined(held) ? invite.createdAt >= held.createdAt : joined(invite));
    if (better) chosen.set(key, invite);
  }
  return [...chosen.values()];
}

export function memberRoutes(deps: { storage: Storage; signer: TokenSigner }): Router {
  const router = Router();

  router.get('/api/boards/:id/members', authenticateMember(deps), async (_req, res) => {
    const invites = await deps.storage.listInvites(member(res).boardId);
    const now = Date.now();
    // An expired invite opens nothing: nobody is offered to @mention it or give it a card.
    const live = (i: InviteRecord) =>
      i.revokedAt === null && (i.expiresAt === null || i.expiresAt > now);
    const members = onePerPerson(invites.filter(live))
      .map((i) => ({ id: i.id, name: i.name, role: i.role }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.role.localeCompare(b.role));
    res.json({ members });
  });

  return router;
}
