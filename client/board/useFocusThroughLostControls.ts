/**
 * Keeps focus on the board when the controls only editors have go from under it: a lead makes
 * this person a reviewer or a viewer while the page is open, and the selection bar, a card's
 * "Select …" box and its "Move to…" leave the page at once. Focus on one of them fell to the
 * page's body (Chrome blurs a control taken off the page), and a keyboard or screen-reader
 * user with it, to start again from the top. It goes to the card last focused, as the card's
 * own controls are in it and the bar acts on cards selected from one (the reveal finds its
 * neighbour if a filter hides it), else to the columns; the new role is said by the board.
 */
import { useEffect, useRef } from 'react';

export function useFocusThroughLostControls(
  canEdit: boolean,
  /** Whether the board still has the card (a colleague may have deleted it since). */
  onBoard: (cardId: string) => boolean,
  focusCard: (cardId: string) => void,
): void {
  const lastCard = useRef<string | null>(null);
  useEffect(() => {
    const follow = (e: FocusEvent) => {
      const inCard = e.target instanceof Element && e.target.closest('li[data-card-id]');
      if (inCard instanceof HTMLElement) lastCard.current = inCard.dataset.cardId ?? null;
    };
    document.addEventListener('focusin', follow);
    return () => document.removeEventListener('focusin', follow);
  }, []);
  const could = useRef(canEdit);
  useEffect(() => {
    const lost = could.current && !canEdit;
    could.current = canEdit;
    if (!lost) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const cardId = lastCard.current;
    if (cardId !== null && onBoard(cardId)) focusCard(cardId);
    else document.getElementById('main')?.focus();
  }, [canEdit, onBoard, focusCard]);
}
