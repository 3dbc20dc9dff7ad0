/**
 * Invites (lead only): POST/GET /api/boards/:id/invites, PATCH …/invites/:inviteId {role} or
 * {expiresInDays | expiresAt},
 * DELETE …/invites/:inviteId. And GET /api/boards/:id/revocation, for the holder of a revoked
 * invite: who revoked it and when.
 */
import { Router } from 'express';
import { z } from 'zod';
import { personName } from '../../../shared/board/inputs';
import { ROLES } from '../../../shared/roles';
import { HttpError } from '../../errors';
import { authenticateMember, bearerClaims, member, requirePermission } from '../auth';
import type { InviteRecord } from '../../storage/Storage';
import { StorageError, type StorageErrorCode } from '../../storage/StorageError';
import {
  type BoardActionDeps,
  changeInviteRole,
  inviteMember,
  inviteUrl,
  revokeInvite,
  setInviteExpiry,
} from '../boardActions';
import type { IdempotencyKeys, Reply } from '../IdempotencyKeys';
import { expiryFrom, expiryFields } from '../inviteExpiry';
import { leadJson } from '../leadJson';
import { jsonBody, refuseBodyKeys, validate } from '../validate';

const inviteBody = z.strictObject({
  name: personName,
  role: z.enum(ROLES),
  ...expiryFields,
});

/**
 * A new role or a new expiry. `from`: the role the lead saw when they picked the new one. A role
 * another lead changed since is refused (409 role_conflict) rather than overwritten by a pick
 * made before that change.
 */
const changeBody = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    from: z.enum(ROLES).optional(),
    ...expiryFields,
  })
  .refine(
    (b) => (b.role !== undefined) !== (b.expiresInDays !== undefined || b.expiresAt !== undefined),
    'give a role or an expiry (expiresInDays or expiresAt), one of them',
  )
  // Taken with an expiry and ignored, it would let a client think it was checked.
  .refine((b) => b.from === undefined || b.role !== undefined, {
    message: 'from goes with a role only',
    path: ['from'],
  });

/** An invite as the lead sees it; tokens are never listed: they are shown once, when made. */
const inviteJson = (i: InviteRecord) => ({
  inviteId: i.id,
  name: i.name,
  role: i.role,
  createdAt: i.createdAt,
  joinedAt: i.joinedAt,
  revokedAt: i.revokedAt,
  revokedBy: leadJson(i.revokedBy),
  expiresAt: i.expiresAt,
  expirySetBy: leadJson(i.expirySetBy),
});

const inviteNotFound = () => new HttpError(404, 'invite_not_found', 'no such invite on this board');
const inviteRevoked = () =>
  new HttpError(409, 'invite_revoked', 'this invite is revoked: invite the person again');

const roleConflict = () =>
  new HttpError(409, 'role_conflict', 'the role was changed meanwhile: reload the invites');

/** What storage's refusals of a role or expiry change, or a revocation, mean to the lead who asked. */
const CHANGE_REFUSALS: Partial<Record<StorageErrorCode, () => HttpError>> = {
  invite_not_found: inviteNotFound,
  invite_revoked: inviteRevoked,
  role_conflict: roleConflict,
  last_lead: () =>
    new HttpError(
      409,
      'last_lead',
      'the board would have no lead whose invite lasts: make someone else a lead, without an expiry, first',
    ),
};

/** Runs a change, answering storage's refusals of it as CHANGE_REFUSALS says. */
async function refused<T>(change: () => T | Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    const refusal = error instanceof StorageError ? CHANGE_REFUSALS[error.code] : undefined;
    throw refusal ? refusal() : error;
  }
}

const inviteIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'not an invite id');

export function inviteRoutes(
  deps: BoardActionDeps & { publicUrl: () => string; idempotency: IdempotencyKeys },
): Router {
  const router = Router();
  const lead = [authenticateMember(deps), requirePermission('invite')];

  /** The invite, if it is on this board: another board's is as unknown as a missing one. */
  async function boardInvite(inviteId: string, boardId: string): Promise<InviteRecord> {
    const invite = await deps.storage.getInvite(inviteId);
    if (!invite || invite.boardId !== boardId) throw inviteNotFound();
    return invite;
  }

  /**
   * A lead may not make their own invite expire (ending their access by a click). Nor the
   * board's last lead invite without an expiry: storage refuses that (last_lead), reading the
   * invites in the transaction that writes the expiry.
   */
  function checkNotOwn(invite: InviteRecord, ownId: string): void {
    if (invite.id === ownId) {
      throw new HttpError(409, 'own_invite', 'you cannot make the invite you are using expire');
    }
  }

  router.post('/api/boards/:id/invites', ...lead, async (req, res) => {
    const { name, role, ...expiry } = validate(inviteBody, jsonBody(req));
    const expiresAt = expiryFrom(expiry, Date.now()) ?? null;
    const { boardId, actor } = member(res);
    // With an Idempotency-Key, a repeat after a lost answer gets the same invite, not a second.
    // Its key is stored with the invite (keep): a stop between the two cannot make it twice.
    await deps.idempotency.answer(
      req,
      res,
      deps.syncServer,
      boardId,
      actor.id,
      async (sync, keep) => {
        let reply: Reply = null;
        await inviteMember(
          { ...deps, syncServer: sync },
          boardId,
          { name, role },
          actor,
          expiresAt,
          ({ invite, token }) => {
            const url = inviteUrl(deps.publicUrl(), boardId, token);
            reply = { status: 201, body: { inviteId: invite.id, token, url } };
            return keep(reply);
          },
        );
        return reply;
      },
    );
  });

  router.get('/api/boards/:id/invites', ...lead, async (_req, res) => {
    const invites = await deps.storage.listInvites(member(res).boardId);
    res.json({ invites: invites.map(inviteJson) });
  });

  // Not behind authenticateMember, which refuses a revoked token: its holder may learn who
  // revoked it (their page says so), nothing more. A token that is not this board's, or whose
  // invite is gone with its board, is refused as anywhere else.
  router.get('/api/boards/:id/revocation', async (req, res) => {
    const claims = bearerClaims(deps.signer, req);
    if (claims.boardId !== req.params.id) {
      throw new HttpError(403, 'wrong_board', 'the token is for another board');
    }
    const invite = await deps.storage.getInvite(claims.inviteId);
    if (invite === null || invite.boardId !== claims.boardId) {
      throw new HttpError(401, 'revoked_token', 'this invite no longer exists');
    }
    res.json({
      revokedAt: invite.revokedAt,
      revokedBy: leadJson(invite.revokedBy),
      expiresAt: invite.expiresAt,
      expirySetBy: leadJson(invite.expirySetBy),
    });
  });

  router.patch('/api/boards/:id/invites/:inviteId', ...lead, async (req, res) => {
    const inviteId = validate(inviteIdParam, req.params.inviteId);
    const { role, from, ...expiry } = validate(changeBody, jsonBody(req));
    const me = member(res);
    const invite = await boardInvite(inviteId, me.boardId);
    if (invite.revokedAt !== null) throw inviteRevoked();
    if (role === undefined) {
      const expiresAt = expiryFrom(expiry, Date.now()) ?? null;
      if (expiresAt !== null) checkNotOwn(invite, me.inviteId);
      const stored = await refused(() => setInviteExpiry(deps, invite, expiresAt, me.actor));
      if (!stored) throw inviteRevoked();
      res.json({ invite: inviteJson(stored) });
      return;
    }
    // The same role again is harmless: nothing is recorded, nobody is disconnected.
    if (invite.role === role) {
      res.json({ invite: inviteJson(invite) });
      return;
    }
    if (from !== undefined && from !== invite.role) throw roleConflict();
    const changed = await refused(() => changeInviteRole(deps, invite, role, me.actor));
    res.json({ invite: inviteJson(changed) });
  });

  router.delete('/api/boards/:id/invites/:inviteId', ...lead, async (req, res) => {
    const inviteId = validate(inviteIdParam, req.params.inviteId);
    refuseBodyKeys(req);
    const me = member(res);
    const invite = await boardInvite(inviteId, me.boardId);
    // A lead locked out by their own click may leave the board with nobody to invite or export.
    if (invite.id === me.inviteId) {
      throw new HttpError(409, 'own_invite', 'you cannot revoke the invite you are using');
    }
    // Revoking twice is harmless; the first revocation time is kept by storage. The board's
    // last lead whose invite lasts is refused (last_lead), as its role change would be.
    if (invite.revokedAt === null) await refused(() => revokeInvite(deps, invite, me.actor));
    res.status(204).end();
  });

  return router;
}
