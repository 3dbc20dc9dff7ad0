/**
 * What Invite people says of the links made while it is open, each shown only once (QA F4):
 * the question closing asks with links not copied, and what a lead made editor is told of them.
 */
import type { Role } from '../../shared/roles';
import { ROLE_LABELS } from '../app/roleLabels';
import { personName } from '../ui/personName';
import { wordList } from '../ui/wordList';

export type MadeLink = { name: string; role: Role };

/** "Rita (Reviewer)", as the link's Copy button names her, for "Eddie (Editor) and Rita (…)". */
const linkNames = (links: readonly MadeLink[]) =>
  wordList(links.map((l) => `${personName(l.name)} (${ROLE_LABELS[l.role]})`));

/**
 * Closing with links shown and not copied: closing leaves each invite live with no way to send
 * it but revoking it and inviting again.
 */
export function notCopiedQuestion(links: readonly MadeLink[]): {
  question: string;
  detail: string;
} {
  return links.length === 1
    ? {
        question: `The link for ${linkNames(links)} has not been copied. It cannot be shown again: close anyway?`,
        detail:
          'The invite stays live, with no link to send: to send one after all, revoke it and invite again.',
      }
    : {
        question: `The links for ${linkNames(links)} have not been copied. They cannot be shown again: close anyway?`,
        detail:
          'The invites stay live, with no link to send: to send one after all, revoke it and invite again.',
      };
}

/**
 * What a lead made editor is told of the links made while the dialog was open (`made`, of which
 * `uncopied` not copied yet): they still open the board; those not copied are not shown again.
 */
export function linksStillOpen(made: readonly MadeLink[], uncopied: readonly MadeLink[]): string {
  const names = wordList(made.map((l) => personName(l.name)));
  const one = made.length === 1;
  const revoke = one ? '(a lead can revoke it)' : '(a lead can revoke them)';
  if (uncopied.length === made.length) {
    return one
      ? `The link made for ${names} still opens the board, and is not shown again: copy it now ${revoke}.`
      : `The links made for ${names} still open the board, and are not shown again: copy them now ${revoke}.`;
  }
  const open = one
    ? `The link made for ${names} still opens the board ${revoke}.`
    : `The links made for ${names} still open the board ${revoke}.`;
  if (uncopied.length === 0) return open;
  const notCopied = wordList(uncopied.map((l) => personName(l.name)));
  return uncopied.length === 1
    ? `${open} The one for ${notCopied} is not copied yet, and not shown again: copy it now.`
    : `${open} Those for ${notCopied} are not copied yet, and not shown again: copy them now.`;
}
