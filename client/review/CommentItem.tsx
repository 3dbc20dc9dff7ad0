/** One comment: author, time, text (as text), and Edit / Delete for its author. */
import { useRef, useState } from 'react';
import type { CommentView } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';
import { CommentForm } from './CommentForm';
import { CommentText } from './CommentText';
import { formatTime } from './formatTime';
import { mentionsMe } from './commentSegments';
import { quoted } from '../ui/quoted';

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
}

export function CommentItem({ comment: c, ctx }: { comment: CommentView; ctx: CommentContext }) {
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const { actions } = ctx;
  const own = c.author.id === ctx.myId && ctx.canComment;

  if (c.deletedAt !== null) {
    // Deleted elsewhere while being edited here: what was typed is shown by the thread list.
    if (editing) setEditing(false);
    return <p className="muted small comment-deleted">Comment deleted.</p>;
  }
  // No longer allowed to comment (revoked, made a viewer): the form goes, as a new comment's
  // does; the card's dialog keeps what was typed in it to copy (CardDetail, QA15 F2).
  if (editing && !ctx.canComment) {
    ctx.noteEdit(c.id, null);
    setEditing(false);
  }
  const forMe = mentionsMe(c.text, ctx.names, ctx.myNames);
  // Which comment the buttons are about: a thread of one's own comments otherwise reads
  // "Edit comment, Delete comment" again and again.
  const which = `${quoted(c.text, 40)}, ${formatTime(c.createdAt)}`;
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
      {own && !editing && (
        <div className="row item-actions">
          <button
            ref={editRef}
            type="button"
            className="button small"
            aria-label={`Edit comment ${which}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
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
        </div>
      )}
    </div>
  );
}
