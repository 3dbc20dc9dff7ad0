/**
 * Tells the local user when a colleague @mentions them while the board is open: a notice with
 * the colleague's name and the card, read out by screen readers, and a way to the card. Only a
 * card that changed in this update can bring a notice, so names that become known later (the
 * invite list arrives after the board) never make old mentions look new.
 */
import { useEffect, useRef } from 'react';
import { COLUMNS, type BoardView, type CardView, type CommentView } from '../../shared/board';
import { clip } from '../ui/clip';

export type MentionNotice =
  | { readonly kind: 'one'; readonly text: string; readonly cardId: string }
  | { readonly kind: 'many'; readonly text: string };

/** A mention is new again when its comment is edited. */
const stamp = (c: CommentView) => `${c.id}@${c.editedAt ?? c.createdAt}`;

/** The notice for the mentions that wait for the reader on `board` and did not on `before`. */
export function mentionNotice(
  before: BoardView['cards'],
  board: BoardView,
  awaitingMe: (card: CardView) => readonly CommentView[],
): MentionNotice | null {
  const fresh: { card: CardView; comment: CommentView }[] = [];
  for (const column of COLUMNS) {
    for (const id of board.columns[column]) {
      const card = board.cards[id];
      const was = before[id];
      if (!card || card === was) continue;
      const known = new Set(was ? awaitingMe(was).map(stamp) : []);
      for (const comment of awaitingMe(card)) {
        if (!known.has(stamp(comment))) fresh.push({ card, comment });
      }
    }
  }
  const first = fresh[0];
  if (!first) return null;
  if (fresh.length > 1)
    return { kind: 'many', text: `You were mentioned in ${fresh.length} comments` };
  return {
    kind: 'one',
    text: `${first.comment.author.name} mentioned you on “${clip(first.card.claim, 60)}”`,
    cardId: first.card.id,
  };
}

export function useMentionNotices(
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
    // The board as it opens is not news: its mentions are on the cards and under "For me".
    if (before === null || before === board.cards) return;
    const notice = mentionNotice(before, board, awaitingMe);
    if (notice) onNotice(notice);
  }, [board, loaded, awaitingMe, onNotice]);
}
