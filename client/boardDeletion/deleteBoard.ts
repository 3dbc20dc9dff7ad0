/**
 * Deleting the open board (DELETE /api/boards/:id, leads only), and what this browser does
 * after: the board stays in its list, badged "Board deleted" as a refused page would leave it
 * (noteRefused), its offline copy goes, and the app goes to the start page.
 */
import { CLOSE } from '../../shared/protocol/closeCodes';
import { call } from '../app/api';
import { noteRefused } from '../app/knownBoards';
import { navigate } from '../app/router';
import { forgetBoardData } from '../sync/forgetBoardData';

export async function deleteBoard(boardId: string, token: string): Promise<void> {
  await call(`/api/boards/${encodeURIComponent(boardId)}`, { method: 'DELETE', token });
  noteRefused(boardId, token, CLOSE.unknownBoard);
  // The board page goes first: its connection holds the offline copy open.
  navigate('/');
  await forgetBoardData(boardId).catch(() => undefined);
}

/**
 * What the lead types to confirm: the board's title, or "delete" for a board without one.
 * Spaces around it, and a different case, still match: the point is a deliberate act.
 */
export function confirmationWord(title: string): string {
  return title.trim() || 'delete';
}

export const confirms = (typed: string, title: string): boolean =>
  typed.trim().toLocaleLowerCase() === confirmationWord(title).toLocaleLowerCase();
