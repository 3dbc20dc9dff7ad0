/**
 * What the selection bar says, on screen and to screen readers: how many cards are selected
 * (and how many of them the filter hides, which the bar's actions include), and what an
 * action on them did ("3 cards moved to Disputed."), with the cards it skipped.
 */
import type { BulkMoveResult, BulkResult } from '../../shared/board';
import type { ColumnId } from '../../shared/board';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { plural } from '../ui/plural';

/** What the bar counts of the selection. */
export interface SelectedCount {
  readonly count: number;
  /** How many of them the filter hides. */
  readonly hidden: number;
  /** How many columns they are in: a selection may span columns. */
  readonly columns: number;
  /** The cards the last selection did not take because one action takes at most `limit`. */
  readonly leftOut?: number;
  readonly limit?: number;
}

/** "3 selected", "5 selected in 2 columns, 1 hidden by the filter"; '' for none. */
export function selectedWords({
  count,
  hidden,
  columns,
  leftOut = 0,
  limit = 0,
}: SelectedCount): string {
  if (count === 0) return '';
  const n = count.toLocaleString('en-GB');
  const where = columns > 1 ? ` in ${columns} columns` : '';
  const words = `${n} selected${where}${hidden > 0 ? `, ${hidden} hidden by the filter` : ''}`;
  if (leftOut === 0) return words;
  return `${words}. ${leftOut} more ${leftOut === 1 ? 'card' : 'cards'} not selected: one action takes at most ${limit.toLocaleString('en-GB')}.`;
}

/** Cards of the selection a colleague deleted while the action was on its way. */
const skipped = (result: BulkResult) =>
  result.missing.length > 0
    ? ` ${plural(result.missing.length, 'card was', 'cards were')} deleted by a colleague.`
    : '';

/**
 * The question a move asks when some cards' verdicts are not labels of its column; `changed`:
 * asked again, the cards having changed while it was open (a colleague's edit, a move, a
 * deletion), so the answer would have gone to cards it did not count.
 */
export function misfitWords(
  misfits: number,
  moving: number,
  column: ColumnId,
  changed = false,
): string {
  const name = COLUMN_LABELS[column];
  const have = misfits === 1 ? 'has a verdict that is' : 'have verdicts that are';
  const them = misfits === 1 ? 'it' : 'them';
  const again = changed ? 'The cards changed while you were choosing. ' : '';
  return `${again}${misfits} of the ${plural(moving, 'card', 'cards')} moving ${have} not a label of ${name}. Choose a verdict in ${name} for ${them}, or move and clear ${them}:`;
}

/** Said when the cards changed while the question was open and none needs a label now. */
export function misfitsGoneWords(moving: number, column: ColumnId): string {
  const them = moving === 1 ? 'it' : 'them';
  return `The cards changed while you were choosing: no card moving has a verdict that is not a label of ${COLUMN_LABELS[column]} now. Nothing moved: press Move again to move ${them}.`;
}

/** `label`: the verdict the cards whose verdict did not fit were given; null: cleared. */
export function movedCardsWords(
  result: BulkMoveResult,
  column: string,
  label: string | null = null,
): string {
  const { changed, already, verdictsCleared, verdictsSet } = result;
  const moved =
    changed.length === 0
      ? `Nothing moved: the selected cards are in ${column} already.`
      : `${plural(changed.length, 'card', 'cards')} moved to ${column}.${
          already.length > 0
            ? ` ${plural(already.length, 'was', 'were')} in ${column} already.`
            : ''
        }`;
  const cleared =
    verdictsCleared.length > 0
      ? ` ${plural(verdictsCleared.length, 'verdict', 'verdicts')} cleared: not a label for ${column}.`
      : '';
  const set =
    verdictsSet.length > 0
      ? ` ${plural(verdictsSet.length, 'verdict', 'verdicts')} set to ${label ?? ''}.`
      : '';
  return `${moved}${cleared}${set}${skipped(result)}`;
}

/** `who`: "Bo", "you" (the reader), or null for released. */
export function assignedCardsWords(result: BulkResult, who: string | null): string {
  const n = result.changed.length;
  const done =
    n === 0
      ? who === null
        ? 'Nothing changed: nobody was checking the selected cards.'
        : `Nothing changed: ${who} ${who === 'you' ? 'are' : 'is'} checking the selected cards already.`
      : who === null
        ? `${plural(n, 'card', 'cards')} released: nobody is checking them.`
        : `${plural(n, 'card', 'cards')} given to ${who}.`;
  return `${done}${skipped(result)}`;
}

export function deletedCardsWords(result: BulkResult): string {
  return `${plural(result.changed.length, 'card', 'cards')} deleted.${skipped(result).replace(/\.$/, ' already.')}`;
}
