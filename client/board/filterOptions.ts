/**
 * The speakers and assignees the filter menus offer: those of the board's cards, kept card by
 * card. Recounting every card at every change took 3 ms on 10,000 cards on a quiet machine
 * (10-30 ms on a loaded one) with each colleague's change; counted per value, a change costs
 * the cards it touched (keepOptions), and the menus' lists are made again only when a value
 * came or went.
 */
import type { BoardView, CardView } from '../../shared/board';
import { type ChangedCards, tellChangedCards } from './changedCards';
import { countKey } from './countKey';

export interface FilterOptions {
  readonly speakers: readonly string[];
  readonly assignees: readonly { id: string; name: string }[];
}

/** The order of the menus: `localeCompare`'s, which this collator gives faster. */
const byLocale = new Intl.Collator().compare;

/** The name most of an assignee's cards give them (it can differ once they rename); ties by name. */
function mostGiven(names: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [name, n] of names) {
    if (n > most || (n === most && byLocale(name, best) < 0)) [best, most] = [name, n];
  }
  return best;
}

/** Counts of the speakers and assignees of a board's cards, told each card that changed. */
class FilterOptionsIndex {
  private readonly speakers = new Map<string, number>();
  /** Each assignee's id, with how many cards give them each name. */
  private readonly assignees = new Map<string, Map<string, number>>();
  private current: FilterOptions | null = null;

  /** A card came (`before` undefined), went (`after` undefined) or changed. */
  readonly change = (before: CardView | undefined, after: CardView | undefined): void => {
    if (before?.speaker !== after?.speaker) {
      if (before?.speaker) this.countSpeaker(before.speaker, -1);
      if (after?.speaker) this.countSpeaker(after.speaker, 1);
    }
    const was = before?.assignee;
    const is = after?.assignee;
    if (was?.id !== is?.id || was?.name !== is?.name) {
      if (was) this.countAssignee(was.id, was.name, -1);
      if (is) this.countAssignee(is.id, is.name, 1);
    }
  };

  /** The menus' options; the same object until a speaker or assignee comes or goes. */
  options(): FilterOptions {
    this.current ??= Object.freeze({
      speakers: Object.freeze([...this.speakers.keys()].sort(byLocale)),
      assignees: Object.freeze(
        [...this.assignees]
          .map(([id, names]) => ({ id, name: mostGiven(names) }))
          .sort((a, b) => byLocale(a.name, b.name)),
      ),
    });
    return this.current;
  }

  private countSpeaker(speaker: string, by: 1 | -1): void {
    if (countKey(this.speakers, speaker, by)) this.current = null;
  }

  private countAssignee(id: string, name: string, by: 1 | -1): void {
    let names = this.assignees.get(id);
    if (!names) this.assignees.set(id, (names = new Map()));
    const shown = names.size > 0 ? mostGiven(names) : null;
    countKey(names, name, by);
    if (names.size === 0) this.assignees.delete(id);
    // The menu changes when the assignee comes or goes, or goes by another name.
    if (shown !== (names.size > 0 ? mostGiven(names) : null)) this.current = null;
  }
}

function countedIndex(board: BoardView): FilterOptionsIndex {
  const index = new FilterOptionsIndex();
  for (const card of Object.values(board.cards)) index.change(undefined, card);
  return index;
}

/** The speakers and assignees present on the board, for the filter menus, counted afresh. */
export function filterOptions(board: BoardView): FilterOptions {
  return countedIndex(board).options();
}

/** An index and the board it counts. */
export interface KeptOptions {
  readonly board: BoardView;
  readonly index: FilterOptionsIndex;
}

/**
 * The options index for `board`: `last`'s, told of the cards changed since its board, or one
 * counted from every card (the first board, or one whose changes the reader cannot say).
 */
export function keepOptions(
  last: KeptOptions | null,
  board: BoardView,
  changedCards: ChangedCards,
): KeptOptions {
  if (last && tellChangedCards(last.board, board, changedCards, last.index.change)) {
    return last.board === board ? last : { board, index: last.index };
  }
  return { board, index: countedIndex(board) };
}
