/**
 * One column: a labelled region with its card count and a virtualised list, so a column of
 * thousands of cards renders only the rows on screen. Rows are absolutely placed with `top`
 * (not a transform) because dnd-kit measures droppables without transforms. The card holding
 * focus stays rendered when it scrolls out of view (useKeptFocus), and a reader scrolled down
 * the column keeps their place when cards come or go above them (useScrollAnchor), except
 * while they hold a card themselves. The column is one tab stop (useRovingCard). The whole
 * column is its drop target, not its list: below a short list's last card, a card let go went
 * to the column nearest its corners (QA: 200 px below Disputed's list, it went to Corroborated).
 */
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, type ReactNode, useEffect, useRef } from 'react';
import {
  type BoardView,
  type CardView,
  type ColumnId,
  type CommentView,
  type RatingScale,
  verdictFitsCard,
} from '../../shared/board';
import type { Peer } from '../sync/presence';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import { useKeptFocus } from '../ui/useKeptFocus';
import { useScrollAnchor } from '../ui/useScrollAnchor';
import { CardItem } from './CardItem';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import type { NotSavedState } from './NotSavedMark';
import { useRovingCard } from './useRovingCard';
import { useBoardActions } from './boardActions';

export interface RevealRequest {
  readonly cardId: string;
  readonly focus: boolean;
  /** A new number for every request, so revealing the same card twice works. */
  readonly seq: number;
}

const NO_PEERS: readonly Peer[] = Object.freeze([]);
/**
 * A row's height before it is measured: a card of a 100-character claim (three lines) with its
 * tools, and its compact form, at desktop widths. A row measured at another height than its
 * estimate moves every row after it, and the column renders again at once: after a search that
 * swaps the cards shown, every new row was (150 px for both).
 */
const ROW_ESTIMATE = { normal: 178, compact: 79 } as const;
/**
 * Rows rendered beyond each edge of the view. Each is a card mounted, styled and laid out
 * whenever a search swaps the cards shown: with 6 (and 150 px estimates), the key that swapped
 * 550 cards for 22 took 1.3-1.6× the main-thread time it takes now (bench: search). Two keep the next card ready for the arrow
 * keys and a scroll of a card's height. A column of up to SMALL_COLUMN cards is rendered whole,
 * as it was with 6 rows: it costs little, and a screen reader's browse mode reads all of it.
 */
const OVERSCAN = 2;
const SMALL_COLUMN = 12;
/**
 * The reveal requests a column has carried out, for every column: a request is carried out
 * once. A card that leaves the list and comes back (a filter cleared), or that a colleague
 * moves to another column, must not take focus again from wherever the person has gone since
 * (found by QA: a card whose dialog was closed took focus from the search box when a colleague
 * moved it, and the letters typed next went to the card).
 */
const carriedOut = new WeakSet<RevealRequest>();
const cardIdOfRow = (element: HTMLElement) =>
  element.closest<HTMLElement>('li[data-card-id]')?.dataset.cardId ?? null;

interface ColumnProps {
  column: ColumnId;
  /** The cards shown, in order (filtered, with a card in hand at its preview place). */
  ids: readonly string[];
  /** All cards of the column, for "3 of 12" when filtered. */
  total: number;
  filtered: boolean;
  cards: BoardView['cards'];
  /** The board's rating scale: a card whose verdict is not one of its column's labels says so. */
  ratingScale: RatingScale;
  peersByCard: ReadonlyMap<string, readonly Peer[]>;
  /** A card's comment threads that wait for the local user's answer to a mention. */
  awaitingMe: (card: CardView) => readonly CommentView[];
  /** The cards that show changes the server refused on this page (NotSavedMark). */
  notSaved: ReadonlyMap<string, NotSavedState>;
  heldId: string | null;
  reveal: RevealRequest | null;
  /** Compact cards (useCompactCards): rows about half as tall. */
  compact: boolean;
  /** What the column says when it has no card at all ("No cards yet" unless given). */
  emptyText?: string;
  children?: ReactNode;
}

/**
 * Whether a column shows the same with `next` as with `previous`: the same props but the board's
 * cards, and of those the same objects for the cards it shows (the board reader keeps a card's
 * object while the card is unchanged).
 */
function sameColumn(previous: ColumnProps, next: ColumnProps): boolean {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)] as (keyof ColumnProps)[]);
  for (const key of keys) {
    if (key !== 'cards' && previous[key] !== next[key]) return false;
  }
  return (
    previous.cards === next.cards || next.ids.every((id) => previous.cards[id] === next.cards[id])
  );
}

/**
 * Memoised: the board page renders at each key typed in the search before the columns follow
 * the filter (BoardPage), and a column whose props are unchanged then skips its virtualiser.
 *
 * A change to a card renders only the column that shows it (sameColumn), though the board's
 * cards are a new object at every change: the first render of a column after its cards moved
 * renders each of its rows again too (dnd-kit's SortableContext gives them a new context).
 */
export const Column = memo(function Column({
  column,
  ids,
  total,
  filtered,
  cards,
  ratingScale,
  peersByCard,
  awaitingMe,
  notSaved,
  heldId,
  reveal,
  compact,
  emptyText,
  children,
}: ColumnProps) {
  const actions = useBoardActions();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rangeExtractor, focusHandlers } = useKeptFocus(ids, cardIdOfRow);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (compact ? ROW_ESTIMATE.compact : ROW_ESTIMATE.normal),
    overscan: ids.length <= SMALL_COLUMN ? SMALL_COLUMN : OVERSCAN,
    gap: 8,
    getItemKey: (i) => ids[i] ?? i,
    rangeExtractor,
  });
  useScrollAnchor(virtualizer, scrollRef, ids, heldId === null);
  const roving = useRovingCard(ids, reveal, virtualizer, cardIdOfRow);
  const { setNodeRef, isOver } = useDroppable({ id: `column:${column}`, data: { column } });

  useEffect(() => {
    if (!reveal || carriedOut.has(reveal)) return;
    const index = ids.indexOf(reveal.cardId);
    if (index < 0) return;
    carriedOut.add(reveal);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    if (!reveal.focus) return;
    return focusWhenRendered(() =>
      scrollRef.current?.querySelector<HTMLElement>(
        `[data-card-id="${CSS.escape(reveal.cardId)}"]`,
      ),
    );
    // Only a new request (or the card arriving in this column) triggers a reveal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal, ids.includes(reveal?.cardId ?? '')]);

  const headingId = `column-${column}`;
  const label = COLUMN_LABELS[column];
  const count = filtered ? `${ids.length} of ${total}` : `${ids.length}`;
  return (
    <section
      ref={setNodeRef}
      className={`column column-${column}${isOver ? ' over' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="column-header">
        <h2 id={headingId}>
          <span className="column-dot" aria-hidden="true" />
          {label}{' '}
          <span className="column-count">
            {count}
            <span className="visually-hidden">
              {' '}
              {(filtered ? total : ids.length) === 1 ? 'card' : 'cards'}
            </span>
          </span>
        </h2>
        {actions.canEdit && ids.length > 0 && (
          <button
            type="button"
            className="button small ghost column-select-all"
            aria-label={`Select all in ${label}`}
            onClick={() => actions.selection.selectAll(actions.shownCards(column))}
          >
            Select all
          </button>
        )}
      </header>
      {children}
      <div className="column-scroll" ref={scrollRef}>
        <SortableContext id={column} items={ids as string[]} strategy={verticalListSortingStrategy}>
          <ul
            className="card-list"
            aria-label={`${label} cards`}
            style={{ height: Math.max(virtualizer.getTotalSize(), 80) }}
            onFocus={(e) => {
              focusHandlers.onFocus(e);
              roving.onFocus(e);
            }}
            onBlur={(e) => {
              focusHandlers.onBlur(e);
              roving.onBlur(e);
            }}
          >
            {virtualizer.getVirtualItems().map((row) => {
              const id = ids[row.index] as string;
              const card = cards[id];
              if (!card) return null;
              return (
                <CardItem
                  key={id}
                  card={card}
                  column={column}
                  index={row.index}
                  setSize={ids.length}
                  tabbable={id === roving.tabbable}
                  top={row.start}
                  peers={peersByCard.get(id) ?? NO_PEERS}
                  held={id === heldId}
                  awaitingMe={awaitingMe(card).length}
                  misfit={verdictFitsCard(ratingScale, card) === false}
                  notSaved={notSaved.get(id) ?? null}
                  measure={virtualizer.measureElement}
                />
              );
            })}
          </ul>
          {ids.length === 0 && (
            <p className="column-empty">
              {filtered ? 'No matching cards' : (emptyText ?? 'No cards yet')}
            </p>
          )}
        </SortableContext>
      </div>
    </section>
  );
}, sameColumn);
