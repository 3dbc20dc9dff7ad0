/**
 * Keeps keyboard focus on the board when the focused card leaves its column under the person:
 * a colleague moved it (focus follows it to its new column, and who moved it from where to where
 * is said) or deleted it (focus goes to the
 * card that took its place, or another column's first card when it was the last), or a change
 * took it out of the filter (BoardPage puts focus in its place, as for a request for a card not
 * shown). Without this, the card's element goes with it and focus falls to
 * the page, silently: a screen-reader user is left nowhere. The person's own moves and deletes
 * already say where focus goes (a reveal request); this steps in only when none was made since
 * the card got focus. An Undo that moves the focused card has announced itself: focus follows
 * without a second announcement. It answers whether a card has focus, so that other news of
 * a colleague's move of it (colleagueNotice) is not said twice.
 */
import { useCallback, useEffect, useRef } from 'react';
import { type BoardView, type ColumnId, COLUMNS } from '../../shared/board';
import { clip } from '../ui/clip';
import type { RevealRequest } from './Column';
import { colleagueMovedWords } from './moveWords';

interface Focused {
  readonly id: string;
  readonly column: ColumnId;
  readonly index: number;
  readonly claim: string;
  /** When the card was last changed, as it had focus: a move names its mover only if later. */
  readonly updatedAt: number;
  readonly element: HTMLElement;
  /** The reveal request current when the card got focus. */
  readonly reveal: RevealRequest | null;
}

export function useFocusFollowsCard({
  board,
  shown,
  reveal,
  focusCard,
  announce,
  lastChangeOwn,
}: {
  board: BoardView;
  /** The cards each column shows, in order. */
  shown: Readonly<Record<ColumnId, readonly string[]>>;
  reveal: RevealRequest | null;
  focusCard: (cardId: string) => void;
  announce: (text: string) => void;
  /** Whether the board's latest change was this person's own (an Undo, say). */
  lastChangeOwn: () => boolean;
}): (cardId: string) => boolean {
  const focused = useRef<Focused | null>(null);
  const latest = useRef({ board, shown, reveal });
  latest.current = { board, shown, reveal };

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const li = (event.target as Element | null)?.closest?.<HTMLElement>('li[data-card-id]');
      const id = li?.dataset.cardId;
      const { board: now, shown: columns, reveal: request } = latest.current;
      const card = id ? now.cards[id] : undefined;
      if (!li || !id || !card) {
        focused.current = null;
        return;
      }
      const index = columns[card.column].indexOf(id);
      focused.current = {
        id,
        column: card.column,
        index,
        claim: card.claim,
        updatedAt: card.updatedAt,
        element: li,
        reveal: request,
      };
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  useEffect(() => {
    const was = focused.current;
    if (!was || was.element.isConnected) return;
    focused.current = null;
    const active = document.activeElement;
    // The card's new row took focus itself (a claim being edited in place: claimEdits).
    const followed = active?.closest<HTMLElement>('li[data-card-id]')?.dataset.cardId === was.id;
    if (active && active !== document.body && !followed) return; // focus went somewhere on purpose
    if (reveal !== was.reveal) return; // the person's own action said where focus goes
    const short = clip(was.claim, 60);
    const card = board.cards[was.id];
    if (card) {
      // One the filter no longer shows is not focused: BoardPage puts focus in its place and
      // says why.
      if (!followed) focusCard(was.id);
      if (!lastChangeOwn() && shown[card.column].includes(was.id)) {
        // The card's last writer is its mover, unless the move was a colleague's Undo: that
        // writes an earlier writer and time back, and a name then would blame the wrong person.
        const by = card.updatedAt > was.updatedAt ? card.updatedBy.name.trim() : '';
        announce(colleagueMovedWords(by || null, short, was.column, card.column));
      }
      return;
    }
    // The card that took its place, else the one above, else the first of another column.
    const column = shown[was.column];
    const next =
      column[Math.min(Math.max(was.index, 0), column.length - 1)] ??
      COLUMNS.map((c) => shown[c][0]).find((id) => id !== undefined);
    if (next) focusCard(next);
    if (!lastChangeOwn()) announce(`${short} was deleted.`);
  }, [board, shown, reveal, focusCard, announce, lastChangeOwn]);

  // Whether the card had focus as this render began: a colleague's move of it is told here.
  return useCallback((cardId: string) => focused.current?.id === cardId, []);
}
