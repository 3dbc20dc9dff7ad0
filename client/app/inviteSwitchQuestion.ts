import { ROLES } from '../../shared/roles';
import { inertBidi } from '../../shared/export/inertBidi';
import { quoted } from '../ui/quoted';
import type { KnownBoard } from './knownBoards';
import { ROLE_LABELS } from './roleLabels';
import { readClaims, type InviteClaims } from './tokenClaims';

/**
 * What to ask before an invite link replaces the one this browser holds for its board, when
 * that one still opens the board and the link is another person's, or the same person's with
 * fewer rights: taken without a word, it made the browser's person that one on the board and
 * forgot their own invite (QA: a lead who opened an editor's link she had just made became
 * that editor, her lead link gone from this browser). Null when the link is theirs with as
 * many rights or more (a promotion), or the held invite was refused: it opens nothing now.
 */
export function inviteSwitchQuestion(held: KnownBoard, claims: InviteClaims): string | null {
  if (held.refusedCode !== undefined) return null;
  const heldName = held.inviteName || readClaims(held.token)?.name || '';
  const newName = claims.name;
  if (newName === heldName && ROLES.indexOf(claims.role) <= ROLES.indexOf(held.role)) return null;
  const as = (name: string) => inertBidi(name || 'someone');
  const title = quoted(held.title || 'this board');
  return (
    `This browser opens ${title} as ${as(heldName)} (${ROLE_LABELS[held.role]}). ` +
    `This link is ${as(newName)}’s invite (${ROLE_LABELS[claims.role]}): opened, the board shows you as ${as(newName)}, ` +
    `and this browser forgets your own invite. To keep it, cancel and copy your link first ` +
    `(on the board, your role’s badge, then Copy your link). Open the board as ${as(newName)}?`
  );
}
