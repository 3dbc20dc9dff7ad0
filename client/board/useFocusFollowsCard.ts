/**
 * Keeps keyboard focus on the board when the focused card leaves its column under the person:
 * a colleague moved it (focus follows it to its new column, and who moved it from where to
 * where is said, with the verdict the move set or cleared) or deleted it (focus goes to the
 * card that took its place, or another column's first card when it was the last, and who
 * deleted it is said once the history names them; the columns when it was the last card on
 * the board), or a change took it out of the filter
 * (BoardPage puts focus in its place, as for a request for a card not shown). Without this,
 * the card's element goes with it and focus falls to the page, silently: a screen-reader user
 * is left nowhere. The person's own moves and deletes already say where focus goes (a reveal
 * request); this steps in only when none was made since the card got focus. An Undo that moves
 * the focused card has announced itself: focus follows without a second announcement. It
 * answers whether a card has focus, so that other news of a colleague's move of it
 * (colleagueNotice) is not said twice.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { BoardView, CardView, ColumnId } from '../../shared/board';
import { cardInPlace } from './cardBeside';
import { clip } from '../ui/clip';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import { fullStop } from '../ui/fullStop';
import type { RevealRequest } from './Column';
import { colleagueMovedWords } from './moveWords';

interface Focused {
  /**
   * The card as it was last read while it had focus: a move names its mover only if the card
   * changed since (its `updatedAt`), tells the verdict it changed, and a deletion is looked up
   * by it.
   */
  readonly card: CardView;
  readonly index: number;
  readonly element: HTMLElement;
  /**
   * The reveal request current when the card got focus, or the later one for this card that
   * found focus already on it.
   */
  readonly reveal: RevealRequest | null;
}

export function useFocusFollowsCard({
  board,
  shown,
  reveal,
  focusCard,
  announce,
  lastChangeOwn,
  deleterName,
  meId,
}: {
  board: BoardView;
  /** The cards each column shows, in order. */
  shown: Readonly<Record<ColumnId, readonly string[]>>;
  reveal: RevealRequest | null;
  focusCard: (cardId: string) => void;
  announce: (text: string) => void;
  /** Whether a card's latest change was this person's own (an Undo, say). */
  lastChangeOwn: (cardId: string) => boolean;
  /** The colleague who deleted a card, by name, when the board's history says (deleterName). */
  deleterName: (card: CardView) => Promise<string | null>;
  /** This person's id: a move they made in another tab or window names nobody, as a deletion. */
  meId: string;
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
      focused.current = { card, index, element: li, reveal: request };
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  useEffect(() => {
    const was = focused.current;
    if (!was) return;
    if (was.element.isConnected) {
      // The card as it is now, so that a move is told against the card just before it: the
      // verdict it had then (one a colleague set since it got focus is not the mover's), the
      // time of its last change (the mover is named only if the move is later).
      const card = board.cards[was.card.id];
      let now = card && card.column === was.card.column ? { ...was, card } : was;
      // A request for the card that already holds focus moves no focus, and no focusin says it
      // was carried out: a keyboard drop (the card was focused in its new column as it was
      // carried there), or a move cancelled. Left as the request since focus came, it read as
      // the person's own word on where focus goes, and an Undo that took the card back across
      // columns left focus on the page.
      if (reveal?.cardId === was.card.id && was.element.contains(document.activeElement)) {
        now = { ...now, reveal };
      }
      focused.current = now;
      return;
    }
    focused.current = null;
    const active = document.activeElement;
    // The card's new row took focus itself (a claim being edited in place: claimEdits).
    const followed =
      active?.closest<HTMLElement>('li[data-card-id]')?.dataset.cardId === was.card.id;
    if (active && active !== document.body && !followed) return; // focus went somewhere on purpose
    if (reveal !== was.reveal) return; // the person's own action said where focus goes
    const short = clip(was.card.claim, 60);
    const card = board.cards[was.card.id];
    if (card) {
      // One the filter no longer shows is not focused: BoardPage puts focus in its place and
      // says why.
      if (!followed) focusCard(card.id);
      if (!lastChangeOwn(card.id) && shown[card.column].includes(card.id)) {
        // The card's last writer is its mover, unless the move was a colleague's Undo: that
        // writes an earlier writer and time back, and a name then would blame the wrong person.
        // "You" is not a name: this person's own move from another tab names nobody (QA45:
        // it said "Lea moved …" to Lea).
        const moverNamed = card.updatedAt > was.card.updatedAt && card.updatedBy.id !== meId;
        const by = moverNamed ? card.updatedBy.name.trim() : '';
        const verdict = card.verdict === was.card.verdict ? undefined : card.verdict;
        announce(colleagueMovedWords(by || null, short, was.card.column, card.column, verdict));
      }
      return;
    }
    // The card that took its place, else the one above, else the first of another column;
    // with no card left on the board, its columns, not the page (QA45).
    const next = cardInPlace(shown, was.card.column, was.index);
    if (next) focusCard(next);
    else focusWhenRendered(() => document.getElementById('main'));
    if (lastChangeOwn(was.card.id)) return;
    // Focus moves on at once; the words wait for the history, which alone names the deleter.
    void deleterName(was.card).then((by) =>
      announce(by ? fullStop(`${by} deleted ${short}`) : `${short} was deleted.`),
    );
  }, [board, shown, reveal, focusCard, announce, lastChangeOwn, deleterName, meId]);

  // Whether the card had focus as this render began: a colleague's move of it is told here.
  return useCallback((cardId: string) => focused.current?.card.id === cardId, []);
}
