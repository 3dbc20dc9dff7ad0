/**
 * What the card's comment list says of text typed for a comment that lost its place
 * (TypedCommentGone): an edit whose comment this person deleted elsewhere or a lead redacted, or
 * a reply whose thread went off the card.
 */
import type { Actor } from '../../shared/board/actor';
import type { CommentView } from '../../shared/board/view';
import { quoted } from '../ui/quoted';
import { personName } from '../ui/personName';

/**
 * An edit of the person's comment that they deleted in their other tab or window: `was` the
 * comment's text as the edit began, null for an edit that was saved.
 */
export function editGoneNews(was: string | null): string {
  return was !== null
    ? `Your comment ${quoted(was, 40)} was deleted in another tab or window while you were editing it here, so what you typed was not saved.`
    : 'Your comment was deleted in another tab or window that had not seen your edit here, so your edit is not on the board.';
}

/**
 * An edit of the person's comment whose text a lead (`by`) redacted meanwhile. What was typed
 * went with it, unsaid and not offered again: an edit starts from the comment's text, so it is
 * mostly the words redacted.
 */
export function editRedactedNews(by: Actor, myId: string): string {
  return by.id === myId
    ? 'You redacted the text of your comment in another tab or window while you were editing it here; what you typed was discarded with it.'
    : `${personName(by.name)} redacted the text of your comment while you were editing it; what you typed was discarded with it.`;
}

/**
 * A reply being typed to a thread whose first comment's text a lead (`by`) redacted meanwhile:
 * the thread stays (it has live replies), and so do the reply box and its text, the person's
 * own words; only the words above the box go, in silence otherwise.
 */
export function replyRedactedNews(by: Actor, myId: string): string {
  return by.id === myId
    ? 'You redacted the text of the comment you are replying to, in another tab or window.'
    : `${personName(by.name)} redacted the text of the comment you are replying to.`;
}

/**
 * A reply typed to the thread `rootId` starts, which `comments` (the card's) no longer show:
 * the comment deleted last in it (by the deletion times its author's device wrote) went with the
 * thread, deleted by its author (only an author deletes a comment), or by a lead's redaction of
 * it (which writes its deletion time as its own: a comment redacted after its author deleted it
 * was deleted by its author). A first comment missing
 * altogether was taken back by its author's Undo (`rootAuthor`, as the reply form knew it),
 * which reads here as deleted too.
 */
export function replyGoneNews(
  comments: readonly CommentView[],
  rootId: string,
  rootAuthor: Actor,
  myId: string,
): string {
  const [last] = comments.some((c) => c.id === rootId)
    ? comments
        .filter((c) => (c.id === rootId || c.parentId === rootId) && c.deletedAt !== null)
        .sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0))
    : [];
  const what =
    last && last.id !== rootId
      ? 'the last comment left in the thread you were replying to'
      : 'the comment you were replying to';
  const redaction = last?.redacted && last.redacted.at === last.deletedAt ? last.redacted : null;
  if (redaction) {
    return redaction.by.id === myId
      ? `You redacted the text of ${what} in another tab or window, so your reply was not posted.`
      : `${personName(redaction.by.name)} redacted the text of ${what}, so your reply was not posted.`;
  }
  const by = last?.author ?? rootAuthor;
  return by.id === myId
    ? `You deleted ${what} in another tab or window, so your reply was not posted.`
    : `${personName(by.name)} deleted ${what}, so your reply was not posted.`;
}
