import { type RefObject, useLayoutEffect } from 'react';

/**
 * Keeps the cards where they are on screen when something above the columns comes, goes or
 * grows (the selection bar, a notice, the filters opened on a phone): the columns, a screen's
 * height tall, then grow or shrink at the top, and every card would move by as much. On a
 * phone the selection bar (138 px) took the card whose box a finger had just tapped down out
 * of the screen. Each column is scrolled by what its top moved, and the card that has focus,
 * if its top went above its column's view, is scrolled back to the top of it: the card acted
 * on stays in view. Where the page scrolls (a phone, a short window), the page is scrolled
 * by what it can of that first; the browser's own scroll anchoring does it off the page's top.
 */
export function useCardsStayPut(columnsRef: RefObject<HTMLElement | null>, loaded: boolean): void {
  useLayoutEffect(() => {
    const columns = columnsRef.current;
    if (!columns || !loaded) return;
    let top = columns.getBoundingClientRect().top;
    // Set by styles.css where the page scrolls and the columns are a screen tall (a phone).
    const byPage = () => getComputedStyle(columns).getPropertyValue('--cards-stay-put') === 'page';
    const observer = new ResizeObserver((entries) => {
      if (!byPage() && entries.every((e) => e.target !== columns)) return;
      let moved = columns.getBoundingClientRect().top - top;
      if (moved === 0) return;
      // A page that scrolls (a phone) takes it first: the columns, a screen tall, may have too
      // few cards to. The browser's anchoring does, but not from the page's top, nor for what
      // goes above (the selection bar); only with focus in the columns, as a column at its
      // start: the header's rows coming as the board loads scrolled the page down by 34 px.
      const page = document.scrollingElement;
      if (
        page &&
        byPage() &&
        (page.scrollTop === 0 || moved < 0) &&
        columns.contains(document.activeElement)
      ) {
        const was = page.scrollTop;
        page.scrollTop += moved;
        moved -= page.scrollTop - was;
      }
      top = columns.getBoundingClientRect().top;
      if (moved === 0) return;
      const card = document.activeElement?.closest<HTMLElement>('.columns li.card');
      for (const scroller of columns.querySelectorAll<HTMLElement>('.column-scroll')) {
        // A column at its start stays there, as the browser's scroll anchoring has it (a notice
        // shown as the board loads would otherwise hide its first card), unless it holds focus.
        if (scroller.scrollTop > 0 || scroller.contains(card ?? null)) scroller.scrollTop += moved;
      }
      const scroller = card?.closest<HTMLElement>('.column-scroll');
      if (!card || !scroller) return;
      const above = scroller.getBoundingClientRect().top - card.getBoundingClientRect().top;
      if (above > 0) scroller.scrollTop -= above;
    });
    observer.observe(columns);
    // Where the page scrolls, the columns keep their height as what is above them changes:
    // the page's changes instead (the header's rows as the board loads, the selection bar).
    if (columns.parentElement) observer.observe(columns.parentElement);
    return () => observer.disconnect();
  }, [columnsRef, loaded]);
}
