/**
 * POST /api/boards/:id/cards/:cardId/restore with the member's token: the server puts a
 * deleted card back as it was before its deletion; the card then arrives through sync like
 * any other change.
 */
import type { CardView } from '../../shared/board/view';
import { call } from '../app/api';

export async function restoreCard(
  boardId: string,
  token: string,
  cardId: string,
): Promise<CardView> {
  const path = `/api/boards/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(cardId)}/restore`;
  const { card } = await call<{ card: CardView }>(path, { method: 'POST', token });
  return card;
}
