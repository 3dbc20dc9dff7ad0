/**
 * POST /api/boards/:id/cards/:cardId/restore with the member's token: the server puts a
 * deleted card back as it was before its deletion; the card then arrives through sync like
 * any other change.
 */
import type { CardView } from '../../shared/board/view';
import { ApiError, call } from '../app/api';
import { errorMessage } from '../ui/errorMessage';

export async function restoreCard(
  boardId: string,
  token: string,
  cardId: string,
): Promise<CardView> {
  const path = `/api/boards/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(cardId)}/restore`;
  const { card } = await call<{ card: CardView }>(path, { method: 'POST', token });
  return card;
}

/**
 * What to tell the person a restore failed for, or null when it did not really fail: the card
 * is on the board because a colleague restored it first.
 */
export function restoreRefusal(err: unknown): string | null {
  if (err instanceof ApiError && err.code === 'card_exists') return null;
  return `The card could not be restored: ${errorMessage(err)}`;
}
