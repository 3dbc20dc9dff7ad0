import { type RefObject, useLayoutEffect } from 'react';

/**
 * Keeps the cards where they are on screen when something above the columns comes, goes or
 * grows (the selection bar, a notice, the filters opened on a phone): the columns, a screen's
 * height tall, then grow or shrink at the top, and every card would move by as much. On a
 * phone the selection bar (138 px) took the card whose box a finger had just tapped down out
 * of the screen. Each column is scrolled by what its top moved, and the card that has focus,
 * if its top went above its column's view, is scrolled back to the top of it: the card acted
 * on stays in view. A page that scrolls instead (a short window) has columns of a fixed
 * height, which do not resize: the browser's own scroll anchoring keeps its place there.
 */
export function useCardsStayPut(columnsRef: RefObject<HTMLElement | null>, loaded: boolean): void {
  useLayoutEffect(() => {
    const columns = columnsRef.current;
    if (!columns || !loaded) return;
    let top = columns.getBoundingClientRect().top;
    const observer = new ResizeObserver(() => {
      const now = columns.getBoundingClientRect().top;
      const moved = now - top;
      top = now;
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
    return () => observer.disconnect();
  }, [columnsRef, loaded]);
}
