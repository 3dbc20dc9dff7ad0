/**
 * Posts the text of an edit whose comment was deleted meanwhile (in the person's other tab or
 * window) as a new comment: a reply goes back into its thread, whose first comment stays on the
 * card as a line while the thread has replies, and comes back with one.
 */
import type { CardView } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';

export function postEditAgain(
  actions: BoardActions,
  card: CardView,
  commentId: string,
  text: string,
): boolean {
  const parentId = card.comments.find((c) => c.id === commentId)?.parentId ?? null;
  const ok = actions.run('post the comment', () =>
    actions.commands.addComment(card.id, { text, parentId }),
  );
  if (ok) actions.announce(parentId ? 'Reply posted.' : 'Comment posted.');
  return ok;
}
