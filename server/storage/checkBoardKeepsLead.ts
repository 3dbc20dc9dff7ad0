/**
 * The rule "a board keeps a lead": one lead invite that is neither revoked nor expiring, so
 * that someone can always invite, export and manage the board. Asked by a role change (inside
 * storage's transaction, checkRoleChange) and by a new expiry (the invites route) alike.
 */
import type { InviteRecord } from './Storage';
import { StorageError } from './StorageError';

/** A lead whose invite opens the board for good: until revoked, and it is not. */
const lastingLead = (i: Pick<InviteRecord, 'role' | 'revokedAt' | 'expiresAt'>) =>
  i.role === 'lead' && i.revokedAt === null && i.expiresAt === null;

/**
 * Throws StorageError 'last_lead' when the invite, changed to `after`, would stop being a lead
 * or a lasting one and no other invite of its board is a lasting lead. An expiring lead stepping
 * down needs a lasting one too: the expiring leads left would lock everyone out at their expiry.
 */
export function checkBoardKeepsLead(
  invite: InviteRecord,
  after: Pick<InviteRecord, 'role' | 'expiresAt'>,
  boardInvites: () => readonly InviteRecord[],
): void {
  const losesLead =
    invite.role === 'lead' &&
    invite.revokedAt === null &&
    (after.role !== 'lead' || (lastingLead(invite) && !lastingLead({ ...invite, ...after })));
  if (!losesLead) return;
  if (!boardInvites().some((i) => i.id !== invite.id && lastingLead(i))) {
    throw new StorageError('last_lead', 'the board would have no lead whose invite lasts');
  }
}
