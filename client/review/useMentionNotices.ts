/**
 * Tells the local user when a colleague @mentions them: a notice with the colleague's name and
 * the card, read out by screen readers, and a way to the card. While the board is open, only
 * a card that changed in this update can bring a notice, so names that become known later (the
 * invite list arrives after the board) never make old mentions look new. The board as it first
 * loads brings the mentions made since it was last on screen in this browser (lastSeen): the
 * first load may come from the device's copy or from the server, whichever answers first, and
 * either way the person hears of what came while they were away.
 */
import { useEffect, useRef } from 'react';
import { COLUMNS, type BoardView, type CardView, type CommentView } from '../../shared/board';
import { clip } from '../ui/clip';
import { lastSeen, recordSeen } from './lastSeen';

export type MentionNotice =
  | { readonly kind: 'one'; readonly text: string; readonly cardId: string }
  | { readonly kind: 'many'; readonly text: string };

/** A mention is new again when its comment is edited. */
const stamp = (c: CommentView) => `${c.id}@${c.editedAt ?? c.createdAt}`;

const NO_CARDS: BoardView['cards'] = Object.freeze({});

/**
 * The notice for the mentions that wait for the reader on `board` and did not on `before`;
 * with `awaySince`, those among them written or edited after that moment, told as news from
 * while the reader was away.
 */
export function mentionNotice(
  before: BoardView['cards'],
  board: BoardView,
  awaitingMe: (card: CardView) => readonly CommentView[],
  awaySince?: number,
): MentionNotice | null {
  const fresh: { card: CardView; comment: CommentView }[] = [];
  for (const column of COLUMNS) {
    for (const id of board.columns[column]) {
      const card = board.cards[id];
      const was = before[id];
      if (!card || card === was) continue;
      const known = new Set(was ? awaitingMe(was).map(stamp) : []);
      for (const comment of awaitingMe(card)) {
        const old = awaySince !== undefined && (comment.editedAt ?? comment.createdAt) <= awaySince;
        if (!old && !known.has(stamp(comment))) fresh.push({ card, comment });
      }
    }
  }
  const first = fresh[0];
  if (!first) return null;
  const away = awaySince === undefined ? '' : 'While you were away, ';
  if (fresh.length > 1) {
    return {
      kind: 'many',
      text: `${away}${away ? 'you' : 'You'} were mentioned in ${fresh.length} comments`,
    };
  }
  return {
    kind: 'one',
    text: `${away}${first.comment.author.name} mentioned you on “${clip(first.card.claim, 60)}”`,
    cardId: first.card.id,
  };
}

export function useMentionNotices(
  boardId: string,
  board: BoardView,
  loaded: boolean,
  awaitingMe: (card: CardView) => readonly CommentView[],
  onNotice: (notice: MentionNotice) => void,
): void {
  const seen = useRef<BoardView['cards'] | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const before = seen.current;
    seen.current = board.cards;
    if (before === board.cards) return;
    const notice =
      before === null
        ? mentionNotice(NO_CARDS, board, awaitingMe, lastSeen(boardId))
        : mentionNotice(before, board, awaitingMe);
    if (before === null) recordSeen(boardId);
    if (notice) onNotice(notice);
  }, [boardId, board, loaded, awaitingMe, onNotice]);
}
