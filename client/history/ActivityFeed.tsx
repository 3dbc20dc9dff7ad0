/**
 * The Activity panel's list, virtualised: a board's history runs to thousands of events once
 * older pages are loaded, and the panel re-renders at every change of the board. Only the rows
 * in view (and a few beyond) are in the DOM; each says its place in the whole list
 * (aria-posinset / aria-setsize), so a screen reader still hears "12 of 9,000". The row
 * holding focus stays rendered when it scrolls out of view, so focus is never dropped. New
 * events arrive at the top: a reader scrolled down to older ones keeps their place
 * (useScrollAnchor); at the top, the new events come into view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { BoardView } from '../../shared/board/view';
import { formatTime } from '../review/formatTime';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import { useKeptFocus } from '../ui/useKeptFocus';
import { useScrollAnchor } from '../ui/useScrollAnchor';
import { claimOf, describeEvent, type HistoryEvent } from './historyEvent';

export interface FocusRequest {
  readonly seq: number;
  /** A new number for every request, so the same entry can be asked for twice. */
  readonly n: number;
}

const seqOfRow = (element: HTMLElement) => {
  const seq = element.closest<HTMLElement>('li[data-seq]')?.dataset.seq;
  return seq === undefined ? null : Number(seq);
};

export function ActivityFeed({
  events,
  cards,
  openCard,
  focus,
}: {
  /** Newest first. */
  events: readonly HistoryEvent[];
  cards: BoardView['cards'];
  openCard: (cardId: string) => void;
  focus: FocusRequest | null;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const seqs = useMemo(() => events.map((e) => e.seq), [events]);
  const { rangeExtractor, focusHandlers } = useKeptFocus(seqs, seqOfRow);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 8,
    gap: 8,
    getItemKey: (i) => events[i]?.seq ?? i,
    rangeExtractor,
  });

  useScrollAnchor(virtualizer, scrollRef, seqs);

  useEffect(() => {
    if (!focus) return;
    const index = events.findIndex((e) => e.seq === focus.seq);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'start' });
    return focusWhenRendered(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-seq="${focus.seq}"]`),
    );
    // Only a new request moves focus, not every event that arrives after it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);

  return (
    <div className="activity-scroll" ref={scrollRef}>
      <ol
        className="timeline activity-feed"
        aria-label="Board activity, newest first"
        style={{ height: virtualizer.getTotalSize() }}
        {...focusHandlers}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const e = events[row.index] as HistoryEvent;
          const live = e.cardId ? cards[e.cardId] : undefined;
          const claim = claimOf(e, live?.claim);
          return (
            <li
              key={e.seq}
              ref={virtualizer.measureElement}
              data-index={row.index}
              data-seq={e.seq}
              tabIndex={-1}
              aria-posinset={row.index + 1}
              aria-setsize={events.length}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <p>
                <strong>{e.actor.name}</strong> {describeEvent(e)}
              </p>
              {claim &&
                (live ? (
                  <button type="button" className="link-button" onClick={() => openCard(live.id)}>
                    {claim}
                  </button>
                ) : (
                  <p className="muted">{claim}</p>
                ))}
              <time className="muted small" dateTime={new Date(e.at).toISOString()}>
                {formatTime(e.at)}
              </time>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
