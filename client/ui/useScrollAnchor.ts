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
 *
 * After the rows change, reading the scroll top or a box lays the page out at once, within the
 * commit (and again after a write): the list reads only what it must, all of it before it
 * writes, and takes its next anchor from what it wrote rather than reading it back. A list at
 * its top, focus elsewhere, reads nothing; one the reader scrolled, its scroll top once; one
 * with focus inside a row (not on it), that element's box and its row's. Found by the bigboard
 * bench: in a colleague's burst of 50 moves, every changed column laid the page out up to three
 * times per change.
 */
import type { VirtualItem } from '@tanstack/react-virtual';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from 'react';

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

/** How far `element` is below the top of the row it is in, in px (no box read for a row). */
function offsetInRow(element: Element): number | null {
  const row = element.closest('[data-index]');
  if (row === element) return 0;
  return row ? element.getBoundingClientRect().top - row.getBoundingClientRect().top : null;
}

/** How far the focused element has moved down in its row since the anchor was taken. */
function movedInRow(focused: Anchor['focused']): number {
  if (!focused?.element.isConnected) return 0;
  const offset = offsetInRow(focused.element);
  return offset === null ? 0 : offset - focused.offset;
}

/** The row holding keyboard focus, if it is in view (`top`: the scroller's scroll top). */
function focusedAnchor(
  rows: readonly VirtualItem[],
  scroller: HTMLElement,
  top: number,
): Anchor | null {
  const active = document.activeElement;
  if (!active || !scroller.contains(active)) return null;
  const row = rows[Number(active.closest('[data-index]')?.getAttribute('data-index'))];
  if (!row || row.end <= top || row.start >= top + scroller.clientHeight) return null;
  return {
    key: row.key,
    within: top - row.start,
    focused: { element: active, offset: offsetInRow(active) ?? 0 },
  };
}

/** Where the reader is: the focused row, else the first row; nothing at the very top. */
const anchorOf = (rows: readonly VirtualItem[], scroller: HTMLElement, top: number) =>
  focusedAnchor(rows, scroller, top) ?? (top > 0 ? anchorAt(rows, top) : null);

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
  /** The scroll top when the anchor was last taken. */
  const lastTop = useRef(0);

  /** Takes the anchor from the list as it is: reads its scroll top (and boxes, with focus). */
  const record = useCallback(
    (scroller: HTMLElement) => {
      lastTop.current = scroller.scrollTop;
      anchor.current = anchorOf(virtualizer.measurementsCache, scroller, lastTop.current);
    },
    [virtualizer],
  );

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const listener = () => record(scroller);
    scroller.addEventListener('scroll', listener, { passive: true });
    // Focus moving from row to row, or leaving the list, moves the reader's place too.
    scroller.addEventListener('focusin', listener);
    scroller.addEventListener('focusout', listener);
    return () => {
      scroller.removeEventListener('scroll', listener);
      scroller.removeEventListener('focusin', listener);
      scroller.removeEventListener('focusout', listener);
    };
  }, [record, scrollRef]);

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const held = anchor.current;
    if (!held) {
      // At its top with focus elsewhere the list stays at its top, and its next anchor is
      // none: nothing to read. Otherwise (scrolled, or its focused row out of view, which a
      // change may bring into view) the anchor is taken again.
      if (lastTop.current > 0 || scroller.contains(document.activeElement)) record(scroller);
      return;
    }
    const index = keys.indexOf(held.key);
    const row = index < 0 ? undefined : virtualizer.measurementsCache[index];
    if (!row || !enabled) {
      record(scroller);
      return;
    }
    // Every read before the one write.
    const moved = movedInRow(held.focused);
    const target = row.start + held.within + moved;
    const current = scroller.scrollTop;
    const write = Math.abs(current - target) >= 1;
    if (write) scroller.scrollTop = target;
    const { focused } = held;
    // Focus gone from its element, or in a row that was out of view (the change may have
    // brought it in): the anchor is read again, as it was after every change.
    const lost = focused ? !focused.element.isConnected : scroller.contains(document.activeElement);
    if (lost) {
      record(scroller);
      return;
    }
    // The anchor as a read would take it now, from what was read and written.
    const top = write ? target : current;
    lastTop.current = top;
    anchor.current = {
      key: held.key,
      within: top - row.start,
      focused: focused && { element: focused.element, offset: focused.offset + moved },
    };
  }, [keys, virtualizer, scrollRef, enabled, record]);
}
