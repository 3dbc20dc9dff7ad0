import { getEventCoordinates } from '@dnd-kit/utilities';

export interface PointerTrail {
  /** Where the pointer is now, in the window's coordinates (null before it is known). */
  at(): { x: number; y: number } | null;
  stop(): void;
}

/**
 * Follows the pointer of a mouse or touch drag from the event that started it. dnd-kit's drop
 * event gives its movement adjusted for the scrolling of the columns, not where it is in the
 * window, which is what a card on screen is compared with.
 */
export function followPointer(start: Event | null): PointerTrail {
  let at = start ? getEventCoordinates(start) : null;
  const move = (e: PointerEvent) => {
    at = { x: e.clientX, y: e.clientY };
  };
  window.addEventListener('pointermove', move, { capture: true, passive: true });
  return {
    at: () => at,
    stop: () => window.removeEventListener('pointermove', move, { capture: true }),
  };
}

/** Whether the pointer is below the card's element in the column (false when not on screen). */
export function pointerBelowCard(
  trail: PointerTrail | null,
  column: string,
  cardId: string,
): boolean {
  const at = trail?.at();
  const element = document.querySelector(
    `.column-${column} li[data-card-id="${CSS.escape(cardId)}"]`,
  );
  return !!at && !!element && at.y > element.getBoundingClientRect().bottom;
}

/**
 * The card of the column under the pointer, other than the one in hand, as the page shows it.
 * dnd-kit can miss it: a card the column's list rendered while it scrolled under a held card
 * keeps a measured place that is off by the scrolling (QA: the first card of a long column,
 * carried down to the last as the column scrolled, went back where it was picked up).
 */
export function cardUnderPointer(
  trail: PointerTrail | null,
  column: string,
  heldId: string,
): string | null {
  const at = trail?.at();
  if (!at) return null;
  for (const element of document.elementsFromPoint(at.x, at.y)) {
    const row = element.closest<HTMLElement>(`.column-${column} li[data-card-id]`);
    if (row && row.dataset.cardId !== heldId) return row.dataset.cardId ?? null;
  }
  return null;
}
