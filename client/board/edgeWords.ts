import { COLUMNS, type ColumnId } from '../../shared/board';
import type { CardStep } from './cardBeside';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';

/**
 * What a key that cannot go further says, from a card or with a card in hand: "Disputed is the
 * last column.", "Top of Unverified.". Without it the key does nothing, and a screen-reader
 * user cannot tell the edge from a key that was not heard.
 */
export function edgeWords(column: ColumnId, step: CardStep): string {
  const label = COLUMN_LABELS[column];
  const at = COLUMNS.indexOf(column);
  switch (step) {
    case 'left':
      return at === 0 ? `${label} is the first column.` : `No cards to the left of ${label}.`;
    case 'right':
      return at === COLUMNS.length - 1
        ? `${label} is the last column.`
        : `No cards to the right of ${label}.`;
    case 'up':
    case 'first':
      return `Top of ${label}.`;
    case 'down':
    case 'last':
      return `Bottom of ${label}.`;
  }
}
