/**
 * The lead's invite calls: POST/GET /api/boards/:id/invites, PATCH (a role or an expiry) and
 * DELETE …/invites/:inviteId.
 */
import type { Role } from '../../shared/roles';
import { call } from '../app/api';

export interface Invite {
  readonly inviteId: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: number;
  readonly joinedAt: number | null;
  readonly revokedAt: number | null;
  /** The lead who revoked it; null while it is not, and for one revoked before the server kept who. */
  readonly revokedBy: { readonly inviteId: string; readonly name: string } | null;
  /** When it stops opening the board (ms); null for never. */
  readonly expiresAt: number | null;
  /** The lead who last set its expiry; null with none. */
  readonly expirySetBy: { readonly inviteId: string; readonly name: string } | null;
}

export interface CreatedInvite {
  readonly inviteId: string;
  /** The link to send: it carries the token, which the server shows only this once. */
  readonly url: string;
}

const path = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/invites`;

export async function listInvites(boardId: string, token: string): Promise<readonly Invite[]> {
  const body = await call<{ invites: Invite[] }>(path(boardId), { token });
  return body.invites;
}

export function createInvite(
  boardId: string,
  token: string,
  invite: { name: string; role: Role; expiresInDays?: number },
): Promise<CreatedInvite> {
  return call(path(boardId), {
    method: 'POST',
    token,
    body: JSON.stringify(invite),
    retrySafe: true,
  });
}

export async function revokeInvite(boardId: string, token: string, inviteId: string) {
  await call(`${path(boardId)}/${encodeURIComponent(inviteId)}`, { method: 'DELETE', token });
}

/**
 * Sets when the invite stops opening the board: `days` from now, or never (null). Resolves with
 * the invite as the server now has it (an expired one extended opens the board again).
 */
export async function setInviteExpiry(
  boardId: string,
  token: string,
  inviteId: string,
  days: number | null,
): Promise<Invite> {
  const body = await call<{ invite: Invite }>(`${path(boardId)}/${encodeURIComponent(inviteId)}`, {
    method: 'PATCH',
    token,
    body: JSON.stringify(days === null ? { expiresAt: null } : { expiresInDays: days }),
  });
  return body.invite;
}

/**
 * Gives the invite another role, if it still has the role `from` (the one the lead picked over);
 * resolves with the invite as the server now has it. Rejects with role_conflict otherwise.
 */
export async function changeInviteRole(
  boardId: string,
  token: string,
  inviteId: string,
  change: { readonly role: Role; readonly from: Role },
): Promise<Invite> {
  const body = await call<{ invite: Invite }>(`${path(boardId)}/${encodeURIComponent(inviteId)}`, {
    method: 'PATCH',
    token,
    body: JSON.stringify(change),
  });
  return body.invite;
}
