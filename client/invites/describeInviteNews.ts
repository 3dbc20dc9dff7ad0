/**
 * What changed in the invites list between two reads, in words for the dialog's status (a
 * screen reader hears it): a colleague's change shows in the list as it happens, and a list
 * that changes silently under a lead who cannot see it would mislead. First joins are not
 * said: the list shows them, and they ask nothing of the lead.
 */
import { ROLE_LABELS } from '../app/roleLabels';
import type { Invite } from './invitesApi';

export function describeInviteNews(before: readonly Invite[], after: readonly Invite[]): string {
  const had = new Map(before.map((i) => [i.inviteId, i]));
  const news: string[] = [];
  for (const invite of after) {
    const was = had.get(invite.inviteId);
    if (!was) {
      if (!invite.revokedAt)
        news.push(`${invite.name} was invited as ${ROLE_LABELS[invite.role]}.`);
    } else if (invite.revokedAt && !was.revokedAt) {
      news.push(`${invite.name}'s invite was revoked.`);
    } else if (invite.role !== was.role) {
      news.push(`${invite.name} is now ${ROLE_LABELS[invite.role]}.`);
    }
  }
  return news.join(' ');
}
