import type { CommentThread } from '../../shared/export/commentThreads';
import { quoted } from '../ui/quoted';
import { toldApart } from '../ui/toldApart';
import { formatTime } from './formatTime';

/** Short: heard on every Tab to the thread's Reply and Resolve (QA24). */
const WORDS_CHARS = 30;

/** A thread by its first comment's first words, or, deleted, when it was written. */
function threadWords({ root }: CommentThread): string {
  return root.deletedAt === null && root.redacted === null
    ? quoted(root.text, WORDS_CHARS)
    : `deleted comment of ${formatTime(root.createdAt)}`;
}

/**
 * What tells each thread from the card's others in its controls' names ("“The figure comes
 * from…”", with its place in the list when two start alike). Without it one person's threads
 * read "Reply to Bench editor", "Resolve thread" again and again.
 */
export function threadNames(threads: readonly CommentThread[]): (t: CommentThread) => string {
  return toldApart(threads, threadWords);
}
