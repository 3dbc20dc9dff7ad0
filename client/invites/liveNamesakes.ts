/**
 * The live invites of a board that carry a name the board would take for the same person's:
 * the board tells people apart by name, so two live invites of one name are one person in
 * presence, mentions, "For me" and Activity (README, "People are told apart by name on the
 * board"). Compared as a reader would, and as an @mention finds a member (suggestMembers):
 * whatever the accents, the case, the spacing or the Unicode form ("Jose" and "José", "ana  ruiz"
 * and "Ana Ruiz", a full-width letter and its plain one).
 */
import { foldName } from '../../shared/foldName';
import type { Invite } from './invitesApi';

const nameKey = (name: string) => foldName(name).replace(/\s+/g, ' ').trim();

export function liveNamesakes(invites: readonly Invite[], name: string): Invite[] {
  const key = nameKey(name);
  if (!key) return [];
  return invites.filter((i) => !i.revokedAt && nameKey(i.name) === key);
}
