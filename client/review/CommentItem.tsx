/**
 * One comment: author, time, text (as text), Edit / Delete for its author, and "Redact text"
 * for a lead (deleted comments too: the history kept their words).
 */
import { type ReactNode, useRef, useState } from 'react';
import type { CommentView } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';
import { CommentForm } from './CommentForm';
import { CommentText } from './CommentText';
import { formatDay, formatTime } from './formatTime';
import { RedactCommentDialog } from './RedactCommentDialog';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import { mentionsMe } from './commentSegments';
import { useDraftOffers } from '../ui/unsavedDrafts';

export interface CommentContext {
  readonly actions: BoardActions;
  readonly myId: string;
  readonly canComment: boolean;
  /** Names @mentions can match, and the local user's own names. */
  readonly names: readonly string[];
  readonly myNames: readonly string[];
  /** Where focus goes when this comment's controls disappear (it was deleted). */
  readonly onGone: () => void;
  /**
   * What is typed in the edit of a comment (`was` its text as the edit began), and null when
   * the edit ends: kept by the thread list, where it outlives the comment's row.
   */
  readonly noteEdit: (commentId: string, edit: { was: string; text: string } | null) => void;
  /** Redacts a comment's text for good (POST …/redact); null for those who may not (not a lead). */
  readonly redact: ((commentId: string) => Promise<void>) | null;
}

export function CommentItem({
  comment: c,
  which,
  ctx,
}: {
  comment: CommentView;
  /**
   * What tells it from the card's other comments, in its controls' names (commentNames): a
   * thread of one's own comments otherwise reads "Edit comment, Delete comment" again and again.
   */
  which: string;
  ctx: CommentContext;
}) {
  const [editing, setEditing] = useState(false);
  const [redacting, setRedacting] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const redactRef = useRef<HTMLButtonElement>(null);
  const { actions, redact } = ctx;
  // The question goes with the right to redact (a lead lowered the role); kept, it was asked
  // again by itself once the person was a lead again.
  if (redacting && !redact) setRedacting(false);
  const own = c.author.id === ctx.myId && ctx.canComment;
  // Its edit's form name, apart from every other comment's "Edit comment" (unsavedDrafts).
  const editForm = `Edit comment ${c.id}`;
  const editBack = useDraftOffers()(editForm, 'comment');

  // Kept open while the comment turns deleted under it (the redaction's own change arrives
  // through sync, maybe before the server's answer).
  const dialog = redacting && redact && (
    <RedactCommentDialog
      author={c.author.name}
      onRedact={async () => {
        await redact(c.id);
        setRedacting(false);
        actions.announce('Comment text redacted.');
        ctx.onGone();
      }}
      onCancel={() => {
        setRedacting(false);
        focusWhenRendered(() => redactRef.current);
      }}
    />
  );
  const redactButton: ReactNode = redact && (
    <button
      ref={redactRef}
      type="button"
      className="button small danger"
      aria-haspopup="dialog"
      aria-label={`Redact text of comment ${which}`}
      onClick={() => setRedacting(true)}
    >
      Redact text…
    </button>
  );

  if (c.redacted !== null) {
    if (editing) setEditing(false);
    return (
      <>
        <p className="muted small comment-deleted">
          Comment text redacted by <bdi>{c.redacted.by.name}</bdi> on {formatDay(c.redacted.at)}.
        </p>
        {dialog}
      </>
    );
  }
  if (c.deletedAt !== null) {
    // Deleted elsewhere while being edited here: what was typed is shown by the thread list.
    if (editing) setEditing(false);
    return (
      <>
        <p className="muted small comment-deleted">Comment deleted.</p>
        {/* Its words are still in the history until a lead redacts them. */}
        {redact && <div className="row item-actions">{redactButton}</div>}
        {dialog}
      </>
    );
  }
  // No longer allowed to comment (revoked, made a viewer): the form goes, as a new comment's
  // does; the card's dialog keeps what was typed in it to copy (CardDetail, QA15 F2).
  if (editing && !ctx.canComment) {
    ctx.noteEdit(c.id, null);
    setEditing(false);
  }
  // The right back (the lead changed their mind): the edit typed then opens again with its text.
  if (!editing && own && editBack) setEditing(true);
  const forMe = mentionsMe(c.text, ctx.names, ctx.myNames);
  const stopEditing = () => {
    ctx.noteEdit(c.id, null);
    setEditing(false);
    requestAnimationFrame(() => editRef.current?.focus());
  };

  return (
    <div className={`comment${forMe ? ' mentions-me' : ''}`}>
      <p className="comment-meta small">
        <strong>{c.author.name}</strong>{' '}
        <span className="muted">
          {formatTime(c.createdAt)}
          {c.editedAt !== null && ' (edited)'}
        </span>
        {forMe && <span className="badge mention-badge">Mentions you</span>}
      </p>
      {editing ? (
        <CommentForm
          label="Edit comment"
          form={editForm}
          submitLabel="Save comment"
          initial={c.text}
          members={ctx.names}
          autoFocus
          onTextChange={(text) => ctx.noteEdit(c.id, { was: c.text, text })}
          onSubmit={(text) => {
            const ok = actions.run('edit the comment', () =>
              actions.commands.editComment(c.id, text),
            );
            if (ok) {
              actions.announce('Comment saved.');
              stopEditing();
            }
            return ok;
          }}
          onCancel={stopEditing}
        />
      ) : (
        <CommentText text={c.text} names={ctx.names} myNames={ctx.myNames} />
      )}
      {(own || redact) && !editing && (
        <div className="row item-actions">
          {own && (
            <button
              ref={editRef}
              type="button"
              className="button small"
              aria-label={`Edit comment ${which}`}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
          )}
          {own && (
            <button
              type="button"
              className="button small danger"
              aria-label={`Delete comment ${which}`}
              onClick={() => {
                if (actions.run('delete the comment', () => actions.commands.deleteComment(c.id))) {
                  actions.notify('Comment deleted', true);
                  ctx.onGone();
                }
              }}
            >
              Delete
            </button>
          )}
          {redactButton}
        </div>
      )}
      {dialog}
    </div>
  );
}
