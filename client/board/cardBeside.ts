/**
 * Where focus goes from a card with the arrow keys, Home and End (not holding it): the card
 * above or below in its column, the first or last of it, or, left and right, the card at the
 * same height in the nearest column that shows any. Null at an edge: focus stays.
 */
import { COLUMNS, type ColumnId } from '../../shared/board';

export type CardStep = 'up' | 'down' | 'left' | 'right' | 'first' | 'last';

export function cardBeside(
  shown: Readonly<Record<ColumnId, readonly string[]>>,
  cardId: string,
  step: CardStep,
): string | null {
  const column = COLUMNS.findIndex((c) => shown[c].includes(cardId));
  if (column < 0) return null;
  const ids = shown[COLUMNS[column]!];
  const at = ids.indexOf(cardId);
  const other = (id: string | undefined) => (id === undefined || id === cardId ? null : id);
  switch (step) {
    case 'up':
      return other(ids[at - 1]);
    case 'down':
      return other(ids[at + 1]);
    case 'first':
      return other(ids[0]);
    case 'last':
      return other(ids.at(-1));
    case 'left':
    case 'right': {
      const by = step === 'left' ? -1 : 1;
      for (let c = column + by; c >= 0 && c < COLUMNS.length; c += by) {
        const there = shown[COLUMNS[c]!];
        if (there.length > 0) return there[Math.min(at, there.length - 1)]!;
      }
      return null;
    }
  }
}

/**
 * The card that takes the place of one gone from `column` at `index` (deleted): the one there
 * now, else the one above it (it was the last), else the first of another column that shows
 * any. Null when the board shows no card.
 */
export function cardInPlace(
  shown: Readonly<Record<ColumnId, readonly string[]>>,
  column: ColumnId,
  index: number,
): string | null {
  const ids = shown[column];
  return (
    ids[Math.min(Math.max(index, 0), ids.length - 1)] ??
    COLUMNS.map((c) => shown[c][0]).find((id) => id !== undefined) ??
    null
  );
}
