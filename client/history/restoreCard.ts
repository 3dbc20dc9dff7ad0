/**
 * POST /api/boards/:id/cards/:cardId/restore with the member's token: the server puts a
 * deleted card back as it was before its deletion; the card then arrives through sync like
 * any other change. `readded`: the person's evidence that went with the card before it reached
 * the board, added back in the same change.
 */
import type { ReaddedEvidenceInput } from '../../shared/board/inputs';
import type { CardView } from '../../shared/board/view';
import { ApiError, call } from '../app/api';
import { errorMessage } from '../ui/errorMessage';

export async function restoreCard(
  boardId: string,
  token: string,
  cardId: string,
  readded: readonly ReaddedEvidenceInput[] = [],
): Promise<CardView> {
  const path = `/api/boards/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(cardId)}/restore`;
  const body = readded.length > 0 ? JSON.stringify({ evidence: readded }) : undefined;
  const { card } = await call<{ card: CardView }>(path, {
    method: 'POST',
    token,
    body,
    retrySafe: true,
  });
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
