/**
 * Where a card in hand would land, shared by the keyboard and the mouse: the preview lives in
 * React state while the card is carried, and one `moveCard` runs on drop (one transaction, one
 * undo step). Indexes here count the visible (filtered) cards of a column other than the card
 * in hand; `toModelIndex` turns them into the model's index among all the column's other cards.
 */
import { COLUMNS, type ColumnId } from '../../shared/board';
import type { Columns } from './filterCards';

export interface MovePreview {
  readonly cardId: string;
  readonly column: ColumnId;
  readonly index: number;
  /** Where the card was picked up: where a cancel leaves it, unless a colleague moved it. */
  readonly from: { readonly column: ColumnId; readonly index: number };
  readonly by: 'keyboard' | 'pointer';
}

export type Direction = 'up' | 'down' | 'left' | 'right';

function columnOf(columns: Columns, cardId: string): ColumnId | null {
  return COLUMNS.find((c) => columns[c].includes(cardId)) ?? null;
}

/** The visible cards of a column without the card in hand. */
export function othersIn(columns: Columns, column: ColumnId, cardId: string): readonly string[] {
  return columns[column].filter((id) => id !== cardId);
}

export function pickUp(
  columns: Columns,
  cardId: string,
  by: MovePreview['by'],
): MovePreview | null {
  const column = columnOf(columns, cardId);
  if (!column) return null;
  const index = columns[column].indexOf(cardId);
  return { cardId, column, index, from: { column, index }, by };
}

/** One arrow key: up/down within the column, left/right to the neighbouring column. */
export function step(columns: Columns, p: MovePreview, direction: Direction): MovePreview {
  if (direction === 'up' || direction === 'down') {
    const last = othersIn(columns, p.column, p.cardId).length;
    const index = Math.max(0, Math.min(last, p.index + (direction === 'up' ? -1 : 1)));
    return index === p.index ? p : { ...p, index };
  }
  const at = COLUMNS.indexOf(p.column) + (direction === 'left' ? -1 : 1);
  const column = COLUMNS[at];
  if (!column) return p;
  const index = Math.min(p.index, othersIn(columns, column, p.cardId).length);
  return { ...p, column, index };
}

/** The columns as they look with the card in hand at its preview place. */
export function previewColumns(columns: Columns, p: MovePreview | null): Columns {
  if (!p) return columns;
  const out = { ...columns } as Record<ColumnId, readonly string[]>;
  for (const column of COLUMNS) {
    if (columns[column].includes(p.cardId)) out[column] = othersIn(columns, column, p.cardId);
  }
  const target = [...out[p.column]];
  target.splice(p.index, 0, p.cardId);
  out[p.column] = target;
  return out;
}

/**
 * Whether the card is on the board (`columns`) where the preview holds it: a drop there changes
 * nothing. Against where the card is now, not where it was picked up: a colleague may have moved
 * it meanwhile, and a drop then takes it back to where it is held.
 */
export function isInPlace(columns: Columns, p: MovePreview): boolean {
  return columns[p.column].indexOf(p.cardId) === p.index;
}

/**
 * The model index for a drop at `visibleIndex` among the visible others: right after the
 * visible card before the gap, so the card lands next to what the person saw.
 */
export function toModelIndex(
  all: readonly string[],
  visible: readonly string[],
  cardId: string,
  visibleIndex: number,
): number {
  const allOthers = all.filter((id) => id !== cardId);
  const visibleOthers = visible.filter((id) => id !== cardId);
  if (visibleIndex <= 0) {
    const first = visibleOthers[0];
    return first === undefined ? 0 : Math.max(0, allOthers.indexOf(first));
  }
  const before = visibleOthers[Math.min(visibleIndex, visibleOthers.length) - 1] as string;
  return allOthers.indexOf(before) + 1;
}
