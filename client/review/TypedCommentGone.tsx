/**
 * Text typed for a comment that lost its place on the card: an edit of this person's comment
 * deleted in another tab or window while they typed it here, or as they saved it (the two
 * crossed: LostEditWatch); or a reply whose thread a deletion took off the card (its first
 * comment, or the last one left, deleted by its author or redacted by a lead). What they wrote
 * stays in the comment list to copy or to post as a new comment, as a card's typed text does
 * when the card goes (CardDetail); but not an edit of a comment a lead redacted, which went with
 * the comment's words (`text` null: the news alone). Text typed and never saved is an unsaved
 * draft of the dialog, so closing asks first; a saved edit is also among the notices under the
 * header.
 */
import { useEffect, useRef } from 'react';
import { TypedTextKept } from '../ui/TypedTextKept';
import { useUnsavedDraft } from '../ui/unsavedDrafts';

export function TypedCommentGone({
  text,
  news,
  draft,
  onPost,
  onDismiss,
}: {
  /** What was typed, kept to copy; null where it went (an edit of a redacted comment). */
  text: string | null;
  /** What happened and what became of the text, said as it appears. */
  news: string;
  /** The draft's name in "Close without saving?"; null for an edit that was saved, or gone. */
  draft: string | null;
  /** Posts the text as a new comment; absent where the person may not comment. */
  onPost: (() => void) | null;
  onDismiss: () => void;
}) {
  useUnsavedDraft(draft ?? '', draft !== null, text ?? '', { saves: 'comment' });
  // Focus was in the form, or on the comment's buttons, that went with it: it comes here.
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body) said.current?.focus();
  }, []);
  return (
    <li className="comment-gone">
      <p ref={said} role="alert" tabIndex={-1}>
        {news}
      </p>
      {text !== null && <TypedTextKept text={text} />}
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
