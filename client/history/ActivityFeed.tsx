/**
 * The Activity panel's list, virtualised: a board's history runs to thousands of events once
 * older pages are loaded, and the panel re-renders at every change of the board. Only the rows
 * in view (and a few beyond) are in the DOM; each says its place in the list (aria-posinset)
 * and, once the whole history is loaded, the list's length (aria-setsize), so a screen reader
 * still hears "12 of 9,000"; before that, the list says how much of the history it holds
 * (listSize). The row
 * holding focus stays rendered when it scrolls out of view, so focus is never dropped. New
 * events arrive at the top: a reader scrolled down to older ones, or with focus on an entry in
 * view, keeps their place (useScrollAnchor); otherwise, at the top, the new events come into
 * view. The list is one tab stop, the arrow keys going from entry to entry and to their
 * buttons (useFeedKeyboard). Cards added in one change
 * share a row that lists them on demand, and consecutive changes to one card share a row that
 * names the card once (groupActivity). Each row is an ActivityEntry, which renders again only
 * when what it shows changes, not at every change of the board.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { BoardView } from '../../shared/board/view';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import { useKeptFocus } from '../ui/useKeptFocus';
import { useScrollAnchor } from '../ui/useScrollAnchor';
import { ActivityEntry } from './ActivityEntry';
import { type ActivityRow, groupActivity, rowIndexOf } from './groupActivity';
import { type HistoryEvent, recordedClaims } from './historyEvent';
import { restorableDeletions } from './restorableDeletions';
import { useFeedKeyboard } from './useFeedKeyboard';

export interface FocusRequest {
  readonly seq: number;
  /** A new number for every request, so the same entry can be asked for twice. */
  readonly n: number;
}

const seqOfRow = (element: HTMLElement) => {
  const seq = element.closest<HTMLElement>('li[data-seq]')?.dataset.seq;
  return seq === undefined ? null : Number(seq);
};

/**
 * What the list says of its length: aria-setsize for every row, and a line that describes the
 * list while older events are not loaded.
 *
 * Exact once every event is held: all rows are then grouped. Before that, the rows the older
 * events would make are not known: events group (an import's 22 cards are one row), so their
 * number is not the number of rows, and grouping them takes having them. An estimate ("of
 * 3,300") would be heard as a fact, since aria-setsize has no room for "about", and so would
 * the count of events; the rows loaded so far ("of 75") say the list ends where it does not.
 * So the rows give their size as unknown (-1, ARIA's value for a set of unknown size: readers
 * say the position alone), and the description says what is known exactly, from the server's
 * count of the events before the oldest held: how many changes the whole history holds and how
 * many are listed.
 */
function listSize(
  rows: number,
  events: number,
  olderCount: number | null,
  summary: string | null,
): { setSize: number; description: string | null } {
  if (olderCount === 0) return { setSize: rows, description: summary };
  // Filtered: what the list holds of the events loaded (filterSummary), not of the history.
  if (summary !== null) return { setSize: -1, description: summary };
  const more = 'Load older activity, after the list, brings older ones.';
  const held = events.toLocaleString('en');
  return {
    setSize: -1,
    description:
      olderCount === null
        ? `The latest ${held} changes are listed. ${more}`
        : `The latest ${held} of ${(events + olderCount).toLocaleString('en')} changes are listed. ${more}`,
  };
}

export function ActivityFeed({
  events,
  allEvents,
  summary,
  olderCount,
  cards,
  openCard,
  restore,
  focus,
  announce,
}: {
  /** Newest first: those the panel's filters keep (activityFilter). */
  events: readonly HistoryEvent[];
  /**
   * Every event held, newest first: a deletion offers Restore, and a gone card is named, by
   * what the whole history says, not only what the filters keep.
   */
  allEvents: readonly HistoryEvent[];
  /** What a filtered list holds, in words (filterSummary); null when nothing is filtered. */
  summary: string | null;
  /** How many events are older than those held; null when not known (HistoryFeedState). */
  olderCount: number | null;
  cards: BoardView['cards'];
  openCard: (cardId: string) => void;
  /** Puts a deleted card back; null for a member who may not. Rejects with why it failed. */
  restore: ((cardId: string) => Promise<void>) | null;
  focus: FocusRequest | null;
  /** Says a sentence to screen readers (the board's announcer). */
  announce: (text: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => groupActivity(events), [events]);
  // Not at every change of the board: its numbers are formatted with Intl, which costs.
  const size = useMemo(
    () => listSize(rows.length, events.length, olderCount, summary),
    [rows.length, events.length, olderCount, summary],
  );
  const descriptionId = useId();
  const hintId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const lastDeletions = useMemo(() => restorableDeletions(allEvents), [allEvents]);
  const claims = useMemo(() => recordedClaims(allEvents), [allEvents]);
  const keys = useMemo(() => rows.map((r) => r.key), [rows]);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const { rangeExtractor, focusHandlers } = useKeptFocus(keys, seqOfRow);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 8,
    gap: 8,
    getItemKey: (i) => rows[i]?.key ?? i,
    rangeExtractor,
  });

  useScrollAnchor(virtualizer, scrollRef, keys);
  const sayEdge = useCallback(
    (down: boolean) =>
      announce(
        !down
          ? 'Top of activity.'
          : olderCount
            ? 'End of the activity loaded; Load older activity, after the list, brings older changes.'
            : 'End of activity.',
      ),
    [announce, olderCount],
  );
  const keyboard = useFeedKeyboard(listRef, virtualizer, rows.length, sayEdge);

  useEffect(() => {
    if (!focus) return;
    const index = rowIndexOf(rows, focus.seq);
    if (index < 0) return;
    const key = (rows[index] as ActivityRow).key;
    virtualizer.scrollToIndex(index, { align: 'start' });
    return focusWhenRendered(() => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-seq="${key}"]`);
      // In a card's row, the event's own entry: the row may hold many before it.
      return row?.querySelector<HTMLElement>(`[data-event-seq="${focus.seq}"]`) ?? row;
    });
    // Only a new request moves focus, not every event that arrives after it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);

  const toggle = useCallback(
    (key: number) =>
      setExpanded((open) => {
        const next = new Set(open);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );

  return (
    <>
      {size.description && (
        <p id={descriptionId} className="muted small">
          {size.description}
        </p>
      )}
      <p id={hintId} className="muted small">
        Up and Down arrows move between changes and their buttons, Home and End to the first and
        last loaded; Tab goes on to the next control.
      </p>
      <div className="activity-scroll" ref={scrollRef}>
        <ol
          ref={listRef}
          className="timeline activity-feed"
          aria-label="Board activity, newest first"
          aria-describedby={size.description ? `${descriptionId} ${hintId}` : hintId}
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={keyboard.onKeyDown}
          onFocus={(event) => {
            focusHandlers.onFocus(event);
            keyboard.onFocus(event);
          }}
          onBlur={(event) => {
            focusHandlers.onBlur(event);
            keyboard.onBlur(event);
          }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as ActivityRow;
            const cardId = row.kind === 'card' ? row.cardId : null;
            const open = expanded.has(row.key);
            return (
              <ActivityEntry
                key={row.key}
                row={row}
                index={item.index}
                start={item.start}
                setSize={size.setSize}
                measure={virtualizer.measureElement}
                liveClaim={cardId ? cards[cardId]?.claim : undefined}
                liveArticleId={cardId ? cards[cardId]?.source?.articleId : undefined}
                cards={open ? cards : null}
                expanded={open}
                toggle={toggle}
                openCard={openCard}
                restore={restore}
                restorable={lastDeletions}
                recordedClaims={claims}
              />
            );
          })}
        </ol>
      </div>
    </>
  );
}
