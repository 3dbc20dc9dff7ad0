/**
 * Who is asking. Members prove it with `Authorization: Bearer <invite token>`; the checks run
 * in the order of DESIGN §4, the same as at the WebSocket upgrade: the token first
 * (signature, expiry, revocation, the invite's own expiry: 401), then that it names this board (403), then that the
 * board exists (404). Someone without a valid token learns nothing about which boards exist.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Actor } from '../../shared/board/actor';
import { can, type Permission, type Role } from '../../shared/roles';
import type { TokenClaims, TokenSigner } from '../auth/tokens';
import { HttpError } from '../errors';
import type { Storage } from '../storage/Storage';

export interface Member {
  readonly boardId: string;
  readonly inviteId: string;
  readonly role: Role;
  readonly name: string;
  /** How this member appears in history and on cards. */
  readonly actor: Actor;
}

/** The token of an `Authorization: Bearer …` header, or null when there is none. */
function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? (match[1] as string) : null;
}

/** The claims of the request's bearer token, checked (401 missing_token, invalid_token). */
export function bearerClaims(signer: TokenSigner, req: Request): TokenClaims {
  const token = bearerToken(req);
  if (token === null) {
    throw new HttpError(
      401,
      'missing_token',
      'an Authorization: Bearer <token> header is required',
    );
  }
  const claims = signer.verify(token);
  if (claims === null) throw new HttpError(401, 'invalid_token', 'the token is invalid or expired');
  return claims;
}

/** Checks the bearer against the board in `req.params.id` and records res.locals.member. */
export function authenticateMember(deps: {
  signer: TokenSigner;
  storage: Storage;
}): RequestHandler {
  return async (req, res, next) => {
    const claims = bearerClaims(deps.signer, req);
    const invite = await deps.storage.getInvite(claims.inviteId);
    // An invite that exists but was revoked, or belongs to another board than its token says,
    // is refused before anything about the requested board is revealed.
    if (invite && (invite.revokedAt !== null || invite.boardId !== claims.boardId)) {
      throw new HttpError(401, 'revoked_token', 'this invite has been revoked');
    }
    // Its expiry is the stored invite's (a lead may extend it), not the token's.
    if (invite && invite.expiresAt !== null && invite.expiresAt <= Date.now()) {
      throw new HttpError(401, 'invite_expired', 'this invite has expired');
    }
    if (claims.boardId !== req.params.id) {
      throw new HttpError(403, 'wrong_board', 'the token is for another board');
    }
    const board = await deps.storage.getBoard(claims.boardId);
    if (board === null) throw new HttpError(404, 'board_not_found', 'no such board');
    // A correctly signed token whose invite is gone (never stored, or removed with its board's
    // data) is as good as revoked.
    if (invite === null) throw new HttpError(401, 'revoked_token', 'this invite no longer exists');
    const member: Member = {
      boardId: board.id,
      inviteId: invite.id,
      role: invite.role,
      name: invite.name,
      actor: { id: invite.id, name: invite.name },
    };
    res.locals.member = member;
    next();
  };
}

/** The member authenticateMember recorded; only call it on routes behind that middleware. */
export function member(res: Response): Member {
  const found = res.locals.member as Member | undefined;
  if (!found) throw new Error('member() called on a route without authenticateMember');
  return found;
}

/** Refuses members whose role lacks the permission (after authenticateMember). */
export function requirePermission(permission: Permission): RequestHandler {
  return (_req, res, next) => {
    const { role } = member(res);
    if (!can(role, permission)) {
      throw new HttpError(
        403,
        'forbidden',
        `${role === 'editor' ? 'an' : 'a'} ${role} may not do this`,
      );
    }
    next();
  };
}

/** Whether the request's bearer is `expected`, compared in constant time. */
export function bearerIs(req: Request, expected: Buffer): boolean {
  const given = Buffer.from(bearerToken(req) ?? '', 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** When an admin token is configured, requires it as the bearer (for creating boards). */
export function requireAdmin(adminToken: string | null): RequestHandler {
  const expected = adminToken === null ? null : Buffer.from(adminToken, 'utf8');
  return (req, _res, next) => {
    if (expected === null) {
      next();
      return;
    }
    if (!bearerIs(req, expected)) {
      throw new HttpError(401, 'admin_token_required', 'creating a board requires the admin token');
    }
    next();
  };
}
