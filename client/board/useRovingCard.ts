/**
 * One tab stop per column (a roving tabindex): of a column's cards only one is in the tab
 * order, so Tab goes from column to column instead of through every card and its buttons (a
 * card in Corroborated was 66 Shift+Tab presses from Export). The arrow keys go from card to
 * card (CardItem), and a card's own buttons join the tab order while focus is in it.
 *
 * The card in the tab order is the column's current one, the card last focused or revealed
 * in it (a claim just added, a card moved there), when it is in view or holds focus; else the
 * first card in view. So Tab never enters a column at a card scrolled out of sight, which is
 * where it landed when the first rendered row (above the view) had the tab stop.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import { type FocusEvent, useState } from 'react';
import type { RevealRequest } from './Column';

export function useRovingCard(
  ids: readonly string[],
  reveal: RevealRequest | null,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  cardIdOf: (element: HTMLElement) => string | null,
): {
  /** The card in the tab order; null for an empty column. */
  tabbable: string | null;
  /** For the list: follows focus and where it leaves. */
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
} {
  const [current, setCurrent] = useState<string | null>(null);
  const [within, setWithin] = useState(false);
  // A card revealed here becomes current once it is in this column (its move may land later).
  const [revealed, setRevealed] = useState<RevealRequest | null>(null);
  if (reveal !== revealed && reveal && ids.includes(reveal.cardId)) {
    setRevealed(reveal);
    setCurrent(reveal.cardId);
  }

  const rows = virtualizer.getVirtualItems();
  const range = virtualizer.range;
  const inView = (index: number) =>
    range === null || (index >= range.startIndex && index <= range.endIndex);
  const at = current === null ? -1 : ids.indexOf(current);
  const rendered = rows.some((row) => row.index === at);
  const row =
    at >= 0 && rendered && (within || inView(at))
      ? at
      : (rows.find((r) => inView(r.index)) ?? rows[0])?.index;
  return {
    tabbable: row === undefined ? null : (ids[row] ?? null),
    onFocus: (event) => {
      const id = cardIdOf(event.target);
      setWithin(id !== null);
      if (id !== null) setCurrent(id);
    },
    onBlur: (event) => {
      if (!event.currentTarget.contains(event.relatedTarget)) setWithin(false);
    },
  };
}
