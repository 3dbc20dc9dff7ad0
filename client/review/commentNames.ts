import type { CommentView } from '../../shared/board/view';
import type { CommentThread } from '../../shared/export/commentThreads';
import { quoted } from '../ui/quoted';
import { toldApart } from '../ui/toldApart';
import { formatTime } from './formatTime';

/** Short: heard on every Tab to the comment's Edit, Delete and Redact text (QA24). */
const WORDS_CHARS = 40;

/** A comment by its first words and when it was written; deleted, by whom and when. */
function commentWords(c: CommentView): string {
  return c.deletedAt === null && c.redacted === null
    ? `${quoted(c.text, WORDS_CHARS)}, ${formatTime(c.createdAt)}`
    : `by ${c.author.name}, ${formatTime(c.createdAt)} (deleted)`;
}

/**
 * What tells each comment shown on a card from the others in its controls' names ("“The
 * figure comes from…”, 5 Dec, 10:32", with its place among the card's comments, in reading
 * order, when two read alike). Two comments of one person that start alike, written in one
 * minute, otherwise had two "Edit comment" buttons of the same name.
 */
export function commentNames(threads: readonly CommentThread[]): (c: CommentView) => string {
  return toldApart(
    threads.flatMap((t) => [t.root, ...t.replies]),
    commentWords,
  );
}
