import { COLUMNS, type BoardView } from '../../shared/board';
import type { Columns } from './filterCards';

/**
 * The card that takes the place of one the board does not show (the filter leaves it out, or it
 * is gone): the next card after it in its column that is shown, else the one before it; for a
 * card that is gone, whose place is unknown, the first card shown. Null when there is none.
 */
export function shownNeighbour(board: BoardView, shown: Columns, cardId: string): string | null {
  const card = board.cards[cardId];
  if (!card) return COLUMNS.map((c) => shown[c][0]).find((id) => id !== undefined) ?? null;
  const order = board.columns[card.column];
  const visible = new Set(shown[card.column]);
  const at = order.indexOf(cardId);
  const after = order.slice(at + 1).find((id) => visible.has(id));
  return after ?? order.slice(0, Math.max(at, 0)).findLast((id) => visible.has(id)) ?? null;
}
