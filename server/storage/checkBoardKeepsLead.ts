/**
 * The rule "a board keeps a lead": one lead invite that is neither revoked nor expiring, so
 * that someone can always invite, export and manage the board. Asked by a role change, a
 * revocation and a new expiry inside the storage transaction that writes them (checkRoleChange,
 * revokeInvite, setInviteExpiry): read before it, two leads acting at once on each other's
 * invites could both pass and leave none.
 */
import type { InviteRecord } from './Storage';
import { StorageError } from './StorageError';

type LeadFields = Pick<InviteRecord, 'role' | 'revokedAt' | 'expiresAt'>;

/** A lead whose invite opens the board until revoked, and it is not. */
const lastingLead = (i: LeadFields) => leads(i) && i.expiresAt === null;
const leads = (i: LeadFields) => i.role === 'lead' && i.revokedAt === null;

/**
 * Throws StorageError 'last_lead' when the invite, changed by `after`, would stop being a lead
 * (a new role, a revocation) or a lasting one (an expiry) and no other invite of its board is a
 * lasting lead. An expiring lead stepping down needs a lasting one too: the expiring leads left
 * would lock everyone out at their expiry.
 */
export function checkBoardKeepsLead(
  invite: InviteRecord,
  after: Partial<LeadFields>,
  boardInvites: () => readonly InviteRecord[],
): void {
  const changed = { ...invite, ...after };
  const losesLead =
    leads(invite) && (!leads(changed) || (lastingLead(invite) && !lastingLead(changed)));
  if (!losesLead) return;
  if (!boardInvites().some((i) => i.id !== invite.id && lastingLead(i))) {
    throw new StorageError('last_lead', 'the board would have no lead whose invite lasts');
  }
}
