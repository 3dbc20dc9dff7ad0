/**
 * What changed in the invites list between two reads, in words for the dialog's status (a
 * screen reader hears it): a colleague's change shows in the list as it happens, and a list
 * that changes silently under a lead who cannot see it would mislead. First joins are not
 * said: the list shows them, and they ask nothing of the lead. Names are set as in all our
 * sentences (personName), so a right-to-left one keeps the words after it in place.
 */
import { ROLE_LABELS } from '../app/roleLabels';
import { personName } from '../ui/personName';
import { expiryWords } from './expiryWords';
import type { Invite } from './invitesApi';

/**
 * The lead who revoked an invite, as the list's row says it ("a lead" for one revoked before the
 * server kept who): another lead's revocation, told without who, left the lead asking around.
 */
export const revokedByWords = (invite: Invite): string =>
  invite.revokedBy ? personName(invite.revokedBy.name) : 'a lead';

/**
 * `myInviteId`: the reading lead's own invite, said in the second person ("Your invite expires
 * …", "You are now Editor."): another lead may set or end its expiry or change its role, and
 * "Lou's invite" told Lou of Lou's own.
 */
export function describeInviteNews(
  before: readonly Invite[],
  after: readonly Invite[],
  myInviteId: string | null = null,
): string {
  const had = new Map(before.map((i) => [i.inviteId, i]));
  const isMine = (invite: Invite) => invite.inviteId === myInviteId;
  const news: string[] = [];
  for (const invite of after) {
    const was = had.get(invite.inviteId);
    const name = personName(invite.name);
    if (!was) {
      if (!invite.revokedAt) news.push(`${name} was invited as ${ROLE_LABELS[invite.role]}.`);
    } else if (invite.revokedAt && !was.revokedAt) {
      news.push(`${name}'s invite was revoked by ${revokedByWords(invite)}.`);
    } else if (invite.role !== was.role) {
      news.push(`${isMine(invite) ? 'You are' : `${name} is`} now ${ROLE_LABELS[invite.role]}.`);
    } else if (invite.expiresAt !== was.expiresAt && !invite.revokedAt) {
      // "Expires 14 Dec, 03:01" mid-sentence: its first word only (the month and "AM" keep theirs).
      const when = expiryWords(invite.expiresAt);
      const said = when ? `${when.charAt(0).toLowerCase()}${when.slice(1)}` : 'no longer expires';
      news.push(`${isMine(invite) ? 'Your' : `${name}'s`} invite ${said}.`);
    }
  }
  return news.join(' ');
}
