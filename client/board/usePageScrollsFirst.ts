import { type RefObject, useLayoutEffect } from 'react';

/**
 * Marks the columns `data-docked` while they are wholly on screen. Where the page scrolls and
 * the columns are a screen tall (a phone held upright), styles.css lets a column scroll its
 * cards only then: a swipe over a card scrolled the column first, and the page, with the
 * header and filters over the cards, only once the column had reached its end, so a phone's
 * reader was stuck in a box under them. Now the swipe scrolls the
 * page until the cards fill the screen, then the column; back at the column's start, a swipe
 * down brings the header back. Each column is still its own scroller, which draws only the
 * cards in view (Column's virtualiser), and the columns stay side by side for a card dragged
 * from one to another.
 */
export function usePageScrollsFirst(
  columnsRef: RefObject<HTMLElement | null>,
  loaded: boolean,
): void {
  useLayoutEffect(() => {
    const columns = columnsRef.current;
    if (!columns || !loaded) return;
    // A pixel of slack: the page scrolls by fractions of a px on a screen of 2 or 3 dppx.
    const measure = () =>
      columns.toggleAttribute(
        'data-docked',
        columns.getBoundingClientRect().bottom <= window.innerHeight + 1,
      );
    measure();
    window.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    // What is above the columns changes (the selection bar, a notice, the menus opened).
    const observer = new ResizeObserver(measure);
    observer.observe(columns);
    if (columns.parentElement) observer.observe(columns.parentElement);
    return () => {
      window.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [columnsRef, loaded]);
}
