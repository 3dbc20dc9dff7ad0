/**
 * The board's filter: what the person chose, the cards each column shows for it, and the
 * options its menus offer (speakers, assignees, labels), kept up to date at the cost of the
 * cards each change touched.
 */
import {
  type Dispatch,
  type SetStateAction,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { BoardView } from '../../shared/board';
import type { ChangedCards } from './changedCards';
import {
  type CardFilter,
  type Columns,
  EMPTY_FILTER,
  filterColumns,
  type ForMe,
  withoutGoneArticle,
} from './filterCards';
import { type FilterOptions, type KeptOptions, keepOptions } from './filterOptions';

export interface BoardFilter {
  /** What the filter bar shows and changes. */
  readonly filter: CardFilter;
  readonly setFilter: Dispatch<SetStateAction<CardFilter>>;
  /** The filter the columns follow (deferred: see below), and what they show for it. */
  readonly shownFilter: CardFilter;
  readonly visible: Columns;
  readonly options: FilterOptions;
}

export function useBoardFilter(
  board: BoardView,
  changedCards: ChangedCards,
  forMe: ForMe,
): BoardFilter {
  // Told only the cards each change rebuilt: recounted at every change, 10,000 cards took
  // 3-5 ms of each colleague's change here (10-30 ms on a loaded machine).
  const keptOptions = useRef<KeptOptions | null>(null);
  const options = useMemo(() => {
    keptOptions.current = keepOptions(keptOptions.current, board, changedCards);
    return keptOptions.current.index.options();
  }, [board, changedCards]);
  const [filter, setFilter] = useState(EMPTY_FILTER);
  // An article filtered on can be removed (by a colleague too): its choice goes with it, or
  // the board would stay filtered with no filter on screen to say so.
  if (withoutGoneArticle(filter, board) !== filter) setFilter(withoutGoneArticle(filter, board));
  // The columns follow the filter in a render of their own, after the search field shows the
  // key typed, and React drops that render for the next key: with every keystroke filtering
  // and re-rendering the columns at once, a 550-card board blocked the page 130-244 ms after
  // each key with the CPU slowed 4×. Everything that says what is shown (counts, "No matching
  // cards", undo's positions) reads this filter, so it always agrees with the cards on screen.
  // A removed article's choice goes from it too, in the render that drops it from `filter`.
  const shownFilter = withoutGoneArticle(useDeferredValue(filter), board);
  const lastVisible = useRef<Columns | undefined>(undefined);
  const visible = useMemo(
    () => filterColumns(board, shownFilter, forMe, lastVisible.current),
    [board, shownFilter, forMe],
  );
  lastVisible.current = visible;
  return { filter, setFilter, shownFilter, visible, options };
}
