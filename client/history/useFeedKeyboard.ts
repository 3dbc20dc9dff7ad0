/**
 * The Activity feed is one stop in the tab order (a roving tabindex). Its items are the
 * entries (each change, `data-entry`) and the buttons in them (a card's claim, "Restore", an
 * import's list of cards), in reading order; every one of them was a tab stop, and "Load older
 * activity" after 282 changes was 68 Tab presses away. Now one item holds the tab stop, Up and
 * Down go from item to item (scrolling the virtualised list to rows not rendered yet), Home and
 * End to the first and last loaded, and Tab leaves the list. Up on the first item and Down on
 * the last say so.
 *
 * The item in the tab order is the one last focused, while it holds focus or is in view; else
 * the first item in view, so Tab never enters the list at an entry scrolled out of sight. An
 * item that goes while it has focus (a restored card's "Restore") hands focus to its nearest
 * neighbour, the one before it (the entry the button was in), else the one after: never to
 * the page. New rows above it and older pages below it leave the focused item alone.
 *
 * Not the board's useRovingCard: that one roves between rows (cards) and lets a card's own
 * buttons into the tab order; here every item, buttons included, is one arrow key away, and
 * the items are found in the DOM, as a row holds any number of them.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  useLayoutEffect,
  useRef,
} from 'react';
import { focusWhenRendered } from '../ui/focusWhenRendered';

/** The feed's items, in document (reading) order. */
const ITEM = '[data-entry], button';

const rowOf = (element: Element) => element.closest<HTMLElement>('[data-index]');

/** A row's items, the row itself first when it is an entry. */
const itemsOf = (row: HTMLElement): HTMLElement[] => [
  ...(row.matches(ITEM) ? [row] : []),
  ...row.querySelectorAll<HTMLElement>(ITEM),
];

const follows = (from: Node, other: Node) =>
  (from.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

export function useFeedKeyboard(
  listRef: RefObject<HTMLElement | null>,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  rowCount: number,
  /**
   * Says that Up on the first item or Down on the last goes no further, as the board's
   * "Top of Unverified." does: silent, a screen-reader user could not tell the edge from a key
   * not heard.
   */
  sayEdge: (down: boolean) => void,
): {
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
} {
  /** The item last focused, and its neighbours then, for when it goes. */
  const current = useRef<{
    readonly item: HTMLElement;
    readonly before: HTMLElement | undefined;
    readonly after: HTMLElement | undefined;
  } | null>(null);
  /**
   * Focus is in the list, or was when it went nowhere (an item removed, a click on the page's
   * background): only focus moving to another control outside takes it out.
   */
  const within = useRef(false);
  const cancelFocus = useRef<(() => void) | null>(null);

  /**
   * Whether an item's row shows in the list's viewport, by where it is now: the virtualizer's
   * range follows scroll events, a frame or more after a focus scrolled an item into view, and
   * a render in between would take the tab stop from the item just focused.
   */
  const inView = (element: HTMLElement) => {
    const viewport = virtualizer.scrollElement;
    if (!viewport) return true;
    const row = (rowOf(element) ?? element).getBoundingClientRect();
    const view = viewport.getBoundingClientRect();
    return row.bottom > view.top && row.top < view.bottom;
  };

  /** Gives the tab stop to one item, and focus back to the list when its item went. */
  const settle = () => {
    const list = listRef.current;
    if (!list) return;
    const items = [...list.querySelectorAll<HTMLElement>(ITEM)];
    let stop: HTMLElement | undefined = current.current?.item;
    let rescue = false;
    if (stop && !stop.isConnected) {
      const lost = document.activeElement === null || document.activeElement === document.body;
      rescue = lost && within.current;
      const { before, after } = current.current!;
      stop = [before, after].find((item) => item?.isConnected);
    }
    if (!stop?.isConnected || !(within.current || inView(stop))) {
      stop = items.find(inView) ?? items[0];
    }
    for (const item of items) {
      const tabIndex = item === stop ? 0 : -1;
      if (item.tabIndex !== tabIndex) item.tabIndex = tabIndex;
    }
    if (!stop) return;
    const at = items.indexOf(stop);
    current.current = { item: stop, before: items[at - 1], after: items[at + 1] };
    if (rescue) stop.focus();
  };

  // After every render of the list: rows come and go, scroll into view and out of it.
  useLayoutEffect(settle);

  /** Focuses the first or last item of a row, scrolling it into being if need be. */
  const goToRow = (index: number, edge: 'first' | 'last') => {
    if (index < 0 || index >= rowCount) return;
    const find = () => {
      const row = listRef.current?.querySelector<HTMLElement>(`:scope > [data-index="${index}"]`);
      const items = row ? itemsOf(row) : [];
      return edge === 'first' ? items[0] : items.at(-1);
    };
    const item = find();
    cancelFocus.current?.();
    if (item) {
      item.focus();
      return;
    }
    virtualizer.scrollToIndex(index, { align: edge === 'first' ? 'start' : 'end' });
    cancelFocus.current = focusWhenRendered(find);
  };

  /** The item before or after `from` in its row, else the edge of the next row that way. */
  const step = (from: HTMLElement, down: boolean) => {
    const row = rowOf(from);
    if (!row) return;
    const items = itemsOf(row);
    const next = down
      ? items.find((item) => follows(from, item))
      : items.findLast((item) => follows(item, from));
    const index = Number(row.dataset.index) + (down ? 1 : -1);
    if (next) next.focus();
    else if (index < 0 || index >= rowCount) sayEdge(down);
    else goToRow(index, down ? 'first' : 'last');
  };

  return {
    onKeyDown: (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target as HTMLElement;
      if (event.key === 'ArrowDown') step(target, true);
      else if (event.key === 'ArrowUp') step(target, false);
      else if (event.key === 'Home') goToRow(0, 'first');
      else if (event.key === 'End') goToRow(rowCount - 1, 'last');
      else return;
      event.preventDefault();
    },
    onFocus: (event) => {
      within.current = true;
      if (event.target.matches(ITEM)) {
        current.current = { item: event.target, before: undefined, after: undefined };
      }
      settle();
    },
    onBlur: (event) => {
      const to = event.relatedTarget;
      if (to !== null && !event.currentTarget.contains(to)) within.current = false;
    },
  };
}
