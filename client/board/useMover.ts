/**
 * Moving cards with the keyboard and the mouse. Both keep the card in hand as a `MovePreview`
 * (in a ref the events step from, and in React state for the render) and run one `moveCard` on
 * drop, so a move is one transaction and one undo step, and the card lands exactly where the
 * preview showed it. The keyboard path is our own
 * (it works with virtualised columns, where most cards are not in the DOM); the mouse and
 * touch path (a long press on a touch screen) is dnd-kit's sensors with sortable lists.
 */
import type { DragEndEvent, DragOverEvent, DragStartEvent } from '@dnd-kit/core';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { type BoardView, type CardView, type ColumnId, isColumn } from '../../shared/board';
import { moveWithVerdict } from '../review/moveVerdict';
import type { BoardConnection } from '../sync/BoardConnection';
import { clip } from '../ui/clip';
import { errorMessage } from '../ui/errorMessage';
import { CarryVoice } from './carryVoice';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { edgeWords } from './edgeWords';
import type { Columns } from './filterCards';
import { movedWords, pickedUpWords } from './moveWords';
import {
  cardUnderPointer,
  followPointer,
  type PointerTrail,
  pointerBelowCard,
} from './pointerTrail';
import {
  type Direction,
  isInPlace,
  type MovePreview,
  othersIn,
  pickUp,
  previewColumns,
  step,
  toModelIndex,
} from './movePreview';
import { personName } from '../ui/personName';

const ARROWS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};
/**
 * How long after the last arrow key a burst of them is over and the card's place is said: longer
 * than a held key's repeat (20-33 ms) or quick presses, short enough to answer the last one.
 */
const SETTLE_MS = 250;

export interface Mover {
  readonly preview: MovePreview | null;
  /** The columns as shown: the card in hand at its preview place. */
  readonly shown: Columns;
  pickUpWithKeyboard(cardId: string): void;
  onDragStart(e: DragStartEvent): void;
  onDragOver(e: DragOverEvent): void;
  onDragEnd(e: DragEndEvent): void;
  onDragCancel(): void;
}

interface MoverInput {
  readonly connection: BoardConnection;
  readonly board: BoardView;
  readonly visible: Columns;
  readonly announce: (text: string) => void;
  /** Scrolls a card into view (and focuses it) after the next render. */
  readonly reveal: (cardId: string, focus: boolean) => void;
  /**
   * Whether a card has focus: focus moving on from it once a colleague deletes it says who
   * deleted which card (useFocusFollowsCard), and that is not said twice.
   */
  readonly inFocus: (cardId: string) => boolean;
  /** Whether this person may move cards now: a lead may lower their role while one is in hand. */
  readonly canMove: boolean;
}

export function useMover({
  connection,
  board,
  visible,
  announce,
  reveal,
  inFocus,
  canMove,
}: MoverInput): Mover {
  const [preview, setPreview] = useState<MovePreview | null>(null);
  // Event handlers read the latest data without re-subscribing on every board change.
  const latest = useRef({ board, visible });
  /** The card in hand as the board last had it: its claim is said once a colleague deletes it. */
  const lastHeld = useRef<CardView | null>(null);
  useLayoutEffect(() => {
    latest.current = { board, visible };
    const held = preview && board.cards[preview.cardId];
    if (held) lastHeld.current = held;
  });
  /**
   * The card in hand as the last event left it. Every key steps from here, never from a render:
   * the keys of a burst come faster than the board renders, and the render follows once a frame
   * (`show`), with the latest place. Only this hook writes it (`hold`, the keys).
   */
  const hand = useRef<MovePreview | null>(null);
  /** The pointer of a mouse or touch drag, followed from its start to its drop. */
  const trail = useRef<PointerTrail | null>(null);
  const stopTrail = () => {
    trail.current?.stop();
    trail.current = null;
  };
  useEffect(() => stopTrail, []);
  const hold = useCallback((p: MovePreview | null) => {
    hand.current = p;
    setPreview(p);
  }, []);
  const carry = useRef({
    frame: 0,
    settle: 0,
    words: null as string | null,
    voice: new CarryVoice(),
  });
  /** Drops a keyboard carry's pending frame and words: the card left the hand. */
  const endCarry = useCallback(() => {
    cancelAnimationFrame(carry.current.frame);
    clearTimeout(carry.current.settle);
    carry.current = { frame: 0, settle: 0, words: null, voice: new CarryVoice() };
  }, []);
  useEffect(() => endCarry, [endCarry]);

  // Without its full stop: the announcements end the sentence themselves. Cut as the other
  // announcements cut it: a 2,000-character claim read out before the position buries it.
  const claimOf = (cardId: string) => {
    const gone = lastHeld.current?.id === cardId ? lastHeld.current : undefined;
    const claim = (latest.current.board.cards[cardId] ?? gone)?.claim ?? 'Card';
    return clip(claim, 60).replace(/\.+$/, '');
  };
  const place = (p: { column: ColumnId; index: number; cardId: string }) => {
    const size = othersIn(latest.current.visible, p.column, p.cardId).length + 1;
    return `${COLUMN_LABELS[p.column]}, position ${p.index + 1} of ${size}`;
  };

  /** Where the card in hand is on the board now (a colleague may have moved it meanwhile). */
  const whereNow = (p: MovePreview) => {
    const column = latest.current.board.cards[p.cardId]?.column ?? p.from.column;
    const index = latest.current.visible[column].indexOf(p.cardId);
    return index < 0 ? { ...p, ...p.from } : { cardId: p.cardId, column, index };
  };

  const begin = useCallback(
    (cardId: string, by: MovePreview['by']) => {
      const p = pickUp(latest.current.visible, cardId, by);
      if (!p) return;
      endCarry();
      hold(p);
      connection.setCarrying(cardId);
      announce(pickedUpWords(claimOf(cardId), by === 'keyboard' ? place(p) : null));
      reveal(cardId, by === 'keyboard');
    },
    // claimOf and place read refs only.
    [connection, announce, reveal, endCarry, hold],
  );

  const finish = useCallback(
    (p: MovePreview | null, dropped: boolean) => {
      endCarry();
      hold(null);
      connection.setCarrying(null);
      if (!p) return;
      const { board: b, visible: v } = latest.current;
      const claim = claimOf(p.cardId);
      const card = b.cards[p.cardId];
      if (!card) {
        // With focus on it, focus moving on says it, naming who deleted it: said here too, the
        // second sentence cut the first off in the assertive region.
        if (!inFocus(p.cardId)) announce(`${claim} was deleted by a colleague.`);
        return;
      }
      // Against where the card is now: a colleague may have moved it from where it is held.
      if (!dropped || isInPlace(v, p)) {
        announce(
          dropped
            ? `${claim} dropped where it was.`
            : `Move cancelled. ${claim} is back in ${place(whereNow(p))}.`,
        );
        reveal(p.cardId, p.by === 'keyboard');
        return;
      }
      const index = toModelIndex(b.columns[p.column], v[p.column], p.cardId, p.index);
      // Where the card is: where it was picked up, unless a colleague has moved it since.
      const from = card.column;
      // A verdict that does not belong in the new column asks for a new label first.
      moveWithVerdict(
        p.cardId,
        p.column,
        (verdict) => {
          try {
            connection.commands.moveCard(p.cardId, { column: p.column, index, verdict });
            const size = othersIn(latest.current.visible, p.column, p.cardId).length + 1;
            announce(movedWords(claim, from, { ...p, size }));
          } catch (err) {
            announce(`Could not move ${claim}: ${errorMessage(err)}`);
          }
          reveal(p.cardId, p.by === 'keyboard');
        },
        () => {
          announce(`Move cancelled. ${claim} is back in ${place(whereNow(p))}.`);
          reveal(p.cardId, p.by === 'keyboard');
        },
      );
    },
    [connection, announce, reveal, inFocus, endCarry, hold],
  );

  // While a card is in hand from the keyboard, the arrow keys, Space/Enter and Escape are ours.
  useEffect(() => {
    if (preview?.by !== 'keyboard') return;
    /**
     * The card in hand where the keys left it, on screen and focused, and what they said. In
     * the page before the next key, as a key's own update is: words left for a later render ran
     * into the drop's ("Corroborated, position 1 of 1 Moved … to Disputed"), as sentences said
     * before the announcer shows the last are said together (useAnnouncer).
     */
    const show = () => {
      const c = carry.current;
      c.frame = 0;
      const p = hand.current;
      const words = c.words;
      c.words = null;
      if (!p) return;
      flushSync(() => {
        setPreview(p);
        reveal(p.cardId, true);
        if (words) announce(words);
      });
    };
    const onKey = (e: KeyboardEvent) => {
      const direction = ARROWS[e.key];
      const p = hand.current;
      if (!p) return;
      if (direction) {
        e.preventDefault();
        e.stopPropagation();
        // The card moves in `hand` now; the board shows it at the next frame, once for all the
        // keys that came before it: a render per key (26.5 ms of main thread on a slow machine
        // with a 300-card board, QA) is more than a held key's repeat leaves between presses.
        const next = step(latest.current.visible, p, direction);
        hand.current = next;
        const c = carry.current;
        const words = c.voice.step(
          next !== p,
          () => place(next),
          () => edgeWords(p.column, direction),
        );
        if (words) c.words = words;
        if (!c.frame) c.frame = requestAnimationFrame(show);
        clearTimeout(c.settle);
        c.settle = window.setTimeout(() => {
          const held = hand.current;
          const last = held && c.voice.settle(() => place(held));
          if (last) flushSync(() => announce(last));
        }, SETTLE_MS);
      } else if (e.key === ' ' || e.key === 'Enter') {
        e.preventDefault();
        e.stopPropagation();
        finish(p, true);
      } else if (e.key === 'Escape' || e.key === 'Tab') {
        if (e.key === 'Escape') e.preventDefault();
        e.stopPropagation();
        finish(p, false);
      }
    };
    // A finger or the mouse pressed anywhere lets go, as Escape: on a tablet whose keyboard
    // picked the card up, the arrow keys, Space and Escape went with it, and nothing else did.
    const onPointer = () => finish(hand.current, false);
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [preview?.by, announce, finish, reveal]);

  // A colleague who moves the card in hand is heard of at once: a drop would move it again.
  const held = preview ? board.cards[preview.cardId] : undefined;
  const heardColumn = useRef<{ cardId: string; column: ColumnId } | null>(null);
  useEffect(() => {
    if (!preview || !held) {
      heardColumn.current = null;
      return;
    }
    if (heardColumn.current?.cardId !== preview.cardId) {
      heardColumn.current = { cardId: preview.cardId, column: preview.from.column };
    }
    if (held.column === heardColumn.current.column) return;
    const from = COLUMN_LABELS[heardColumn.current.column];
    heardColumn.current = { cardId: preview.cardId, column: held.column };
    announce(
      `${personName(held.updatedBy.name)} moved ${claimOf(preview.cardId)} from ${from} to ${COLUMN_LABELS[held.column]} while you held it. ` +
        'Space drops it where you hold it; Escape leaves it where they put it.',
    );
  }, [preview, held, announce]);

  // A card in hand that a colleague deletes is dropped from the hand.
  useEffect(() => {
    if (preview && !board.cards[preview.cardId]) finish(hand.current, false);
  }, [board, preview, finish]);

  // So is one whose mover may no longer move cards (a lead made them a reviewer, or revoked
  // their invite): it goes back where it was, said, rather than move on under the arrow keys
  // to a drop that is refused.
  useEffect(() => {
    if (preview && !canMove) finish(hand.current, false);
  }, [canMove, preview, finish]);

  const overTarget = (e: DragOverEvent | DragEndEvent) => {
    const p = hand.current;
    if (!p || !e.over) return null;
    const overColumn = e.over.data.current?.column;
    const column: ColumnId | null = isColumn(overColumn) ? overColumn : null;
    if (!column) return null;
    const shown = previewColumns(latest.current.visible, p)[column];
    const overId = String(e.over.id);
    const overIndex = shown.indexOf(overId);
    return { p, column, overIndex, overId, shown };
  };

  return {
    preview,
    shown: previewColumns(visible, preview),
    pickUpWithKeyboard: useCallback((cardId: string) => begin(cardId, 'keyboard'), [begin]),
    onDragStart: (e) => {
      stopTrail();
      trail.current = followPointer(e.activatorEvent);
      begin(String(e.active.id), 'pointer');
    },
    onDragOver: (e) => {
      const t = overTarget(e);
      if (!t || t.column === t.p.column) return;
      // Into another column: before the card under the pointer, or last over empty space.
      const others = othersIn(latest.current.visible, t.column, t.p.cardId).length;
      const index = t.overIndex < 0 ? others : Math.min(t.overIndex, others);
      hold({ ...t.p, column: t.column, index });
    },
    onDragEnd: (e) => {
      const t = overTarget(e);
      const p = hand.current;
      const pointer = trail.current;
      stopTrail();
      if (!p) return;
      if (!t) return finish(p, false);
      // Over a card: the sortable list showed the card in that card's slot. Over a column's
      // empty space: last in it below its last card (its own column too, where the card used to
      // go back where it was picked up), else where the preview is, or last in a column it has
      // not entered yet.
      const others = othersIn(latest.current.visible, t.column, p.cardId);
      const lastOther = others.at(-1);
      const under = t.overIndex < 0 ? cardUnderPointer(pointer, t.column, p.cardId) : null;
      const overIndex = under ? t.shown.indexOf(under) : t.overIndex;
      const index =
        overIndex >= 0 && (under ?? t.overId) !== p.cardId
          ? Math.min(overIndex, others.length)
          : t.column === p.column && !(lastOther && pointerBelowCard(pointer, t.column, lastOther))
            ? p.index
            : others.length;
      finish({ ...p, column: t.column, index }, true);
    },
    onDragCancel: () => {
      stopTrail();
      finish(hand.current, false);
    },
  };
}
