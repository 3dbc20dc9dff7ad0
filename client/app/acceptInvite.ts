import { somethingUnsaved } from '../board/useUnsavedPrompt';
import { inviteSwitchQuestion } from './inviteSwitchQuestion';
import { getDisplayName, getKnownBoard, rememberBoard, setDisplayName } from './knownBoards';
import { takeInviteFromHash } from './router';
import { readClaims } from './tokenClaims';

const SWITCH_QUESTION =
  'This link opens the board with another invite, which starts the page again. ' +
  'What you have typed here and not saved would be lost. Open the board with the new invite now?';

let damaged = false;

/**
 * Whether the last invite link this page was opened with could not be read at all (cut short
 * by a mail client, say): the board page then says the link is damaged, rather than that the
 * person has no invite, when they did open one.
 */
export const inviteLinkDamaged = (): boolean => damaged;

/**
 * An invite link `/b/<id>#invite=<token>`: keep the token in this browser and take it out of
 * the address bar. A first-time visitor is known by the name on the invite until they change it.
 *
 * Opened in a tab that shows the board under another invite (only the address's #invite=
 * changes, so the page stays), the new invite starts the board page again: while something
 * there is unsaved, the person is asked first. So are they, on any page, before a link of
 * another person (or of fewer rights) replaces an invite that still opens the board
 * (inviteSwitchQuestion). Declined, nothing changes but the address (the token is out of it
 * either way); opening the link again asks again.
 */
export function acceptInviteFromAddress(): void {
  const token = takeInviteFromHash();
  if (!token) return;
  const claims = readClaims(token);
  damaged = claims === null;
  const held = claims ? getKnownBoard(claims.boardId) : null;
  if (claims && held && held.token !== token) {
    const switching = inviteSwitchQuestion(held, claims);
    const unsaved = somethingUnsaved() ? SWITCH_QUESTION : null;
    const question = switching && unsaved ? `${unsaved}\n\n${switching}` : (switching ?? unsaved);
    if (question && !window.confirm(question)) return;
  }
  const board = rememberBoard(token);
  if (board && !getDisplayName() && board.inviteName) setDisplayName(board.inviteName);
}
