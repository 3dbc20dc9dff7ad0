import { type RefObject, useEffect } from 'react';
import { takeArrival } from '../app/router';

/**
 * Focuses a page's heading when the page was reached from inside the app ("Create board", a
 * board in the list, "← Boards"): the control used went with the old page, and focus would
 * be left on the body, where a keyboard or screen-reader user must find their way from the
 * top. A page loaded from its address keeps the browser's own start.
 */
export function useArrivalFocus(heading: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!takeArrival()) return;
    const active = document.activeElement;
    if (active === null || active === document.body) heading.current?.focus();
    // Only on mount: a page arrives once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
