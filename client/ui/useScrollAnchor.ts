/**
 * Scroll anchoring for a virtualised list. Rows placed by the virtualiser are out of normal
 * flow, so the browser's own anchoring does not apply: a row added or removed above the
 * reader (a colleague's new card, a card an Undo brings back, a new event in a feed) would move
 * everything they are reading. This keeps the reader's row where it was when the rows change:
 * the row holding keyboard focus, when it is in view (a row coming back between the top of the
 * list and the focused card pushed that card out of view), else the first row in view, at its
 * distance from the top. A list scrolled to its top with no focused row in view stays at its
 * top, so what arrives there comes into view. Rows not measured yet count at the estimate; the
 * virtualiser corrects the scroll itself once it measures rows above the viewport. Rows carry
 * their index as `data-index`, as the virtualiser's measuring needs anyway.
 *
 * A row may hold entries of its own (the Activity feed's row of one card's changes, which
 * grows at its top as new changes to the card come): the focused element keeps its place, not
 * only its row's top. The virtualiser does not correct a row that the view's top cuts through.
 */
import type { VirtualItem } from '@tanstack/react-virtual';
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

interface Anchor {
  readonly key: unknown;
  /** How far the scroll top is below the row's start. */
  readonly within: number;
  /** The focused element in the row, and how far below the row's top it was. */
  readonly focused: { readonly element: Element; readonly offset: number } | null;
}

/** The first row that ends below the scroll top, found by bisection. */
function anchorAt(rows: readonly VirtualItem[], top: number): Anchor | null {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid]?.end ?? 0) > top) hi = mid;
    else lo = mid + 1;
  }
  const row = rows[lo];
  return row ? { key: row.key, within: top - row.start, focused: null } : null;
}

/** How far `element` is below the top of the row it is in, in px. */
function offsetInRow(element: Element): number | null {
  const row = element.closest('[data-index]');
  return row ? element.getBoundingClientRect().top - row.getBoundingClientRect().top : null;
}

/** How far the focused element has moved down in its row since the anchor was taken. */
function movedInRow(focused: Anchor['focused']): number {
  if (!focused?.element.isConnected) return 0;
  const offset = offsetInRow(focused.element);
  return offset === null ? 0 : offset - focused.offset;
}

/** The row holding keyboard focus, if it is in view. */
function focusedAnchor(rows: readonly VirtualItem[], scroller: HTMLElement): Anchor | null {
  const active = document.activeElement;
  if (!active || !scroller.contains(active)) return null;
  const row = rows[Number(active.closest('[data-index]')?.getAttribute('data-index'))];
  const top = scroller.scrollTop;
  if (!row || row.end <= top || row.start >= top + scroller.clientHeight) return null;
  return {
    key: row.key,
    within: top - row.start,
    focused: { element: active, offset: offsetInRow(active) ?? 0 },
  };
}

/** Where the reader is: the focused row, else the first row; nothing at the very top. */
const anchorOf = (rows: readonly VirtualItem[], scroller: HTMLElement) =>
  focusedAnchor(rows, scroller) ??
  (scroller.scrollTop > 0 ? anchorAt(rows, scroller.scrollTop) : null);

export function useScrollAnchor(
  /** The virtualiser (its row measurements: start, end and key of every row). */
  virtualizer: { readonly measurementsCache: readonly VirtualItem[] },
  scrollRef: RefObject<HTMLElement | null>,
  /** The rows' keys, in order: a new array whenever rows come, go or move. */
  keys: readonly unknown[],
  /** Off while the list's own user moves a row (a card in hand): that move is theirs to see. */
  enabled = true,
) {
  const anchor = useRef<Anchor | null>(null);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const record = () => {
      anchor.current = anchorOf(virtualizer.measurementsCache, scroller);
    };
    scroller.addEventListener('scroll', record, { passive: true });
    // Focus moving from row to row, or leaving the list, moves the reader's place too.
    scroller.addEventListener('focusin', record);
    scroller.addEventListener('focusout', record);
    return () => {
      scroller.removeEventListener('scroll', record);
      scroller.removeEventListener('focusin', record);
      scroller.removeEventListener('focusout', record);
    };
  }, [virtualizer, scrollRef]);

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const held = anchor.current;
    if (scroller && held && enabled) {
      const index = keys.indexOf(held.key);
      const row = index < 0 ? undefined : virtualizer.measurementsCache[index];
      const target = row && row.start + held.within + movedInRow(held.focused);
      if (target !== undefined && Math.abs(scroller.scrollTop - target) >= 1) {
        scroller.scrollTop = target;
      }
    }
    if (scroller) anchor.current = anchorOf(virtualizer.measurementsCache, scroller);
  }, [keys, virtualizer, scrollRef, enabled]);
}
