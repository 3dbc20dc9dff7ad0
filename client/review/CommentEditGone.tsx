/**
 * An edit of this person's comment that lost its comment: they deleted it in another tab or
 * window while typing the edit here, or as they saved it (the two crossed: LostEditWatch). What
 * they wrote stays in the comment list to copy or to post as a new comment, as a card's typed
 * text does when the card goes (CardDetail). Text typed and never saved is an unsaved draft of
 * the dialog, so closing asks first; a saved edit is also among the notices under the header.
 */
import { useEffect, useRef } from 'react';
import { TypedTextKept } from '../ui/TypedTextKept';
import { useUnsavedDraft } from '../ui/unsavedDrafts';
import { quoted } from '../ui/quoted';

export function CommentEditGone({
  text,
  was,
  onPost,
  onDismiss,
}: {
  text: string;
  /** The comment's text before the edit, for an edit never saved; null for a saved one. */
  was: string | null;
  /** Posts the text as a new comment; absent where the person may not comment. */
  onPost: (() => void) | null;
  onDismiss: () => void;
}) {
  const typed = was !== null;
  useUnsavedDraft('your edit of a deleted comment', typed, text, 'comment');
  // Focus was in the edit, or on the comment's buttons, that went with it: it comes here.
  const news = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body) news.current?.focus();
  }, []);
  return (
    <li className="comment-gone">
      <p ref={news} role="alert" tabIndex={-1}>
        {typed
          ? `Your comment ${quoted(was, 40)} was deleted in another tab or window while you were editing it here, so what you typed was not saved.`
          : 'Your comment was deleted in another tab or window at the same time as you saved your edit here, so your edit is not on the board.'}
      </p>
      <TypedTextKept text={text} />
      <div className="row item-actions">
        {onPost && (
          <button type="button" className="button small" onClick={onPost}>
            Post as a new comment
          </button>
        )}
        <button type="button" className="button small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </li>
  );
}
