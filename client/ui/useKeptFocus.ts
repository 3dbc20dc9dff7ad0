/**
 * For a virtualised list: the row holding focus (itself or a control in it) stays rendered
 * when it scrolls out of view, so a keyboard or screen-reader user scrolling with the wheel,
 * or a list growing above them, never has focus dropped to the page. Spread `focusHandlers`
 * on the list element and pass `rangeExtractor` to useVirtualizer.
 */
import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { type FocusEvent, useCallback, useMemo, useRef } from 'react';

export function useKeptFocus<K>(
  /** The rows' keys, in list order. */
  keys: readonly K[],
  /** The key of the row an element of the list belongs to, if any. */
  keyOf: (element: HTMLElement) => K | null,
) {
  const focused = useRef<K | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const index = focused.current === null ? -1 : keys.indexOf(focused.current);
      if (index < 0 || indexes.includes(index)) return indexes;
      return [...indexes, index].sort((a, b) => a - b);
    },
    [keys],
  );
  const focusHandlers = useMemo(
    () => ({
      onFocus: (event: FocusEvent<HTMLElement>) => {
        focused.current = keyOf(event.target);
      },
      onBlur: (event: FocusEvent<HTMLElement>) => {
        if (!event.currentTarget.contains(event.relatedTarget)) focused.current = null;
      },
    }),
    // keyOf reads the DOM the same way for the list's whole life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return { rangeExtractor, focusHandlers };
}
