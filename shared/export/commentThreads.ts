/** Comments grouped into threads, as the card detail shows them and CSV and Markdown print them. */
import type { CommentView } from '../board/view';

export interface CommentThread {
  readonly root: CommentView;
  /** Oldest first. */
  readonly replies: readonly CommentView[];
}

const isLive = (c: CommentView) => c.deletedAt === null;

/**
 * Threads in the order of their first comment. A card's comments name only thread starts of
 * their card as parents (readCard reads any other reply as a thread of its own); a reply to a
 * comment missing from the list given is one too, rather than being dropped.
 *
 * A thread with nothing live left in it is left out: a deleted comment is kept only as the
 * line that live replies hang off, so no reader meets a thread that says nothing.
 */
export function commentThreads(comments: readonly CommentView[]): CommentThread[] {
  const ids = new Set(comments.map((c) => c.id));
  const replies = new Map<string, CommentView[]>();
  const roots: CommentView[] = [];
  for (const comment of comments) {
    if (comment.parentId !== null && ids.has(comment.parentId)) {
      const list = replies.get(comment.parentId);
      if (list) list.push(comment);
      else replies.set(comment.parentId, [comment]);
    } else {
      roots.push(comment);
    }
  }
  return roots
    .map((root) => ({ root, replies: replies.get(root.id) ?? [] }))
    .filter(({ root, replies }) => isLive(root) || replies.some(isLive));
}
