/**
 * The rules of Storage.changeInviteRole, the same in every backend: each reads the invite and
 * its board's invites inside the transaction that writes the change, then asks this.
 */
import { checkBoardKeepsLead } from './checkBoardKeepsLead';
import type { InviteRecord, InviteRoleChange } from './Storage';
import { StorageError } from './StorageError';

/** Throws the StorageError that refuses the change, if any. */
export function checkRoleChange(
  invite: InviteRecord | null,
  change: InviteRoleChange,
  boardInvites: () => readonly InviteRecord[],
): asserts invite is InviteRecord {
  if (invite === null) throw new StorageError('invite_not_found', 'no such invite');
  if (invite.revokedAt !== null) throw new StorageError('invite_revoked', 'invite is revoked');
  if (invite.role !== change.from) {
    throw new StorageError('role_conflict', `the invite's role is ${invite.role} now`);
  }
  checkBoardKeepsLead(invite, { role: change.to, expiresAt: invite.expiresAt }, boardInvites);
}
