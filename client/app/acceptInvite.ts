import { getDisplayName, rememberBoard, setDisplayName } from './knownBoards';
import { takeInviteFromHash } from './router';

/**
 * An invite link `/b/<id>#invite=<token>`: keep the token in this browser and take it out of
 * the address bar. A first-time visitor is known by the name on the invite until they change it.
 */
export function acceptInviteFromAddress(): void {
  const token = takeInviteFromHash();
  if (!token) return;
  const board = rememberBoard(token);
  if (board && !getDisplayName() && board.inviteName) setDisplayName(board.inviteName);
}
