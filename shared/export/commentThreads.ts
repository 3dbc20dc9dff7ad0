/** Comments grouped into threads, for the formats that print them (CSV, Markdown). */
import type { CommentView } from '../board/view';

export interface CommentThread {
  readonly root: CommentView;
  /** Oldest first. */
  readonly replies: readonly CommentView[];
}

/**
 * Threads in the order of their first comment. A card's comments name only thread starts of
 * their card as parents (readCard reads any other reply as a thread of its own); a reply to a
 * comment missing from the list given is one too, rather than being dropped.
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
  return roots.map((root) => ({ root, replies: replies.get(root.id) ?? [] }));
}
