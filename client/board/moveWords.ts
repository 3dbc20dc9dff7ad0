/**
 * What a move says to a screen reader, one wording for every way a card moves (a drop, "Move
 * to…", Undo and Redo, a colleague's move): the card, the column it came from, and where it is
 * now. "Dropped X in Disputed" said where the card went but not where it left, which a person
 * who moved several cards cannot always tell.
 */
import type { ColumnId } from '../../shared/board';
import { verdictWords } from '../review/verdictWords';
import { fullStop } from '../ui/fullStop';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';

/** A card's place after a move: `index` counts from 0 among the column's `size` cards. */
export interface Place {
  readonly column: ColumnId;
  readonly index: number;
  readonly size: number;
}

/**
 * Where a move took a card, from `from`: "to Disputed, position 1 of 3" from another column,
 * "to position 2 of 5 in Unverified" within its own.
 */
export function movedTo(from: ColumnId, to: Place): string {
  const at = `position ${to.index + 1} of ${to.size}`;
  const label = COLUMN_LABELS[to.column];
  return from === to.column ? `to ${at} in ${label}` : `to ${label}, ${at}`;
}

/**
 * A card picked up to move: "Picked up X." With the keyboard, where it is and how to move it:
 * "Picked up X. Unverified, position 1 of 3. Use the arrow keys…". The claim ends the first
 * sentence, so its full stop is not added after one the claim ends with (fullStop): a claim
 * cut short read "Picked up X…. Unverified".
 */
export function pickedUpWords(claim: string, place: string | null): string {
  const picked = fullStop(`Picked up ${claim}`);
  return place === null
    ? picked
    : `${picked} ${place}. Use the arrow keys to move it, Space to drop it, Escape to cancel.`;
}

/** "Moved X from Unverified to Disputed, position 1 of 3.", "Moved X to position 2 of 5 in Unverified." */
export function movedWords(claim: string, from: ColumnId, to: Place): string {
  const origin = from === to.column ? '' : ` from ${COLUMN_LABELS[from]}`;
  return `Moved ${claim}${origin} ${movedTo(from, to)}.`;
}

/**
 * A colleague's move: "Ana moved X from Unverified to Corroborated.", or without a name to
 * trust, "X was moved from Unverified to Corroborated.". With the verdict the move gave the
 * card (`verdict`, null when it cleared it: not a label of the new column), told as History
 * tells it: "Ana moved X from Disputed to Corroborated and cleared the verdict.", "X was moved
 * from Disputed to Corroborated and its verdict cleared.".
 */
export function colleagueMovedWords(
  who: string | null,
  claim: string,
  from: ColumnId,
  to: ColumnId,
  verdict?: string | null,
): string {
  const where =
    from === to
      ? `within ${COLUMN_LABELS[to]}`
      : `from ${COLUMN_LABELS[from]} to ${COLUMN_LABELS[to]}`;
  if (who) {
    return `${who} moved ${claim} ${where}${verdict === undefined ? '' : ` and ${verdictWords(verdict)}`}.`;
  }
  const given =
    verdict === undefined
      ? ''
      : verdict
        ? ` and its verdict set to ${verdict}`
        : ' and its verdict cleared';
  return `${claim} was moved ${where}${given}.`;
}
