/**
 * The card's comment threads: a thread is a first comment and its replies (one level). Members
 * who may comment (leads, editors, reviewers) post, reply, edit and delete their own comments,
 * and resolve or reopen any thread. A deleted comment stays as a line in a thread that still has
 * live comments (commentThreads leaves out the others), so replies keep their place. An edit
 * whose comment was deleted in the person's other tab or window, typed or saved, stays below
 * the threads (CommentEditGone).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { commentThreads, type CommentThread } from '../../shared/export/commentThreads';
import type { CardView } from '../../shared/board/view';
import type { LostEditNotice } from '../sync/BoardConnection';
import { CommentEditGone } from './CommentEditGone';
import { CommentForm } from './CommentForm';
import { type CommentContext, CommentItem } from './CommentItem';
import { postEditAgain } from './postEditAgain';

/** An edit typed here, not saved, whose comment was deleted meanwhile. */
interface TypedEdit {
  readonly commentId: string;
  readonly was: string;
  readonly text: string;
}

export function CommentThreads({
  card,
  ctx,
  crossed,
  onDismissCrossed,
}: {
  card: CardView;
  ctx: Omit<CommentContext, 'onGone' | 'noteEdit'>;
  /** Edits of this card's comments saved here that a deletion of the comment crossed. */
  crossed: readonly LostEditNotice[];
  onDismissCrossed: (seq: number) => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const threads = commentThreads(card.comments);
  const count = card.comments.filter((c) => c.deletedAt === null).length;
  // A deleted comment's buttons go: focus goes to the heading, whose count says it, and where
  // Ctrl+Z is the board's Undo that the notice offers (in the comment box it would be the
  // browser's undo of the text).
  const onGone = useCallback(() => headingRef.current?.focus(), []);
  // The edits open here, by comment: a comment deleted elsewhere takes its row, and with it the
  // form, while what was typed in it is kept here.
  const editing = useRef(new Map<string, { was: string; text: string }>());
  const noteEdit = useCallback((commentId: string, edit: { was: string; text: string } | null) => {
    if (edit) editing.current.set(commentId, edit);
    else editing.current.delete(commentId);
  }, []);
  const [typedGone, setTypedGone] = useState<readonly TypedEdit[]>([]);
  useEffect(() => {
    const gone: TypedEdit[] = [];
    for (const [commentId, edit] of editing.current) {
      if (card.comments.some((c) => c.id === commentId && c.deletedAt === null)) continue;
      editing.current.delete(commentId);
      const text = edit.text.trim();
      if (text && text !== edit.was.trim()) gone.push({ commentId, was: edit.was, text });
    }
    if (gone.length > 0) setTypedGone((had) => [...had, ...gone]);
  }, [card.comments]);
  const full: CommentContext = { ...ctx, onGone, noteEdit };
  const post = (commentId: string, text: string, done: () => void) =>
    ctx.canComment
      ? () => {
          if (!postEditAgain(ctx.actions, card, commentId, text)) return;
          done();
          onGone();
        }
      : null;

  return (
    <section aria-labelledby="detail-comments" className="review-section">
      <h3 id="detail-comments" ref={headingRef} tabIndex={-1}>
        Comments ({count})
      </h3>
      {threads.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ul className="thread-list">
          {threads.map((t) => (
            <Thread key={t.root.id} thread={t} ctx={full} />
          ))}
        </ul>
      )}
      {(typedGone.length > 0 || crossed.length > 0) && (
        <ul className="comment-gone-list">
          {typedGone.map((t) => {
            const drop = () => setTypedGone((had) => had.filter((o) => o !== t));
            return (
              <CommentEditGone
                key={`typed-${t.commentId}`}
                text={t.text}
                was={t.was}
                onPost={post(t.commentId, t.text, drop)}
                onDismiss={() => {
                  drop();
                  onGone();
                }}
              />
            );
          })}
          {crossed.map((n) => {
            const drop = () => onDismissCrossed(n.seq);
            const text = n.mine ?? '';
            return 'commentId' in n ? (
              <CommentEditGone
                key={`saved-${n.seq}`}
                text={text}
                was={null}
                onPost={post(n.commentId, text, drop)}
                onDismiss={() => {
                  drop();
                  onGone();
                }}
              />
            ) : null;
          })}
        </ul>
      )}
      {ctx.canComment && (
        <CommentForm
          label="New comment"
          submitLabel="Post comment"
          members={ctx.names}
          onSubmit={(text) => {
            const { actions } = ctx;
            const ok = actions.run('post the comment', () =>
              actions.commands.addComment(card.id, { text }),
            );
            if (ok) actions.announce('Comment posted.');
            return ok;
          }}
        />
      )}
    </section>
  );
}

function Thread({ thread, ctx }: { thread: CommentThread; ctx: CommentContext }) {
  const [replying, setReplying] = useState(false);
  const replyRef = useRef<HTMLButtonElement>(null);
  const { root, replies } = thread;
  const { actions } = ctx;
  const stopReplying = () => {
    setReplying(false);
    requestAnimationFrame(() => replyRef.current?.focus());
  };
  const setResolved = (resolved: boolean) => {
    if (
      actions.run(resolved ? 'resolve the thread' : 'reopen the thread', () =>
        actions.commands.resolveThread(root.id, resolved),
      )
    ) {
      actions.announce(resolved ? 'Thread resolved.' : 'Thread reopened.');
    }
  };

  return (
    <li
      className={`thread${root.resolved ? ' resolved' : ''}`}
      aria-label={`Thread by ${root.author.name}${root.resolved ? ', resolved' : ''}`}
    >
      <CommentItem comment={root} ctx={ctx} />
      {replies.length > 0 && (
        <ul className="reply-list" aria-label="Replies">
          {replies.map((r) => (
            <li key={r.id}>
              <CommentItem comment={r} ctx={ctx} />
            </li>
          ))}
        </ul>
      )}
      {root.resolved && (
        <p className="small thread-status">Resolved by {root.resolvedBy?.name ?? 'someone'}</p>
      )}
      {ctx.canComment &&
        (replying ? (
          <CommentForm
            label={`Reply to ${root.author.name}`}
            submitLabel="Post reply"
            members={ctx.names}
            autoFocus
            onSubmit={(text) => {
              const ok = actions.run('post the reply', () =>
                actions.commands.addComment(root.cardId, { text, parentId: root.id }),
              );
              if (ok) {
                actions.announce('Reply posted.');
                stopReplying();
              }
              return ok;
            }}
            onCancel={stopReplying}
          />
        ) : (
          <div className="row item-actions">
            <button
              ref={replyRef}
              type="button"
              className="button small"
              aria-label={`Reply to ${root.author.name}`}
              onClick={() => setReplying(true)}
            >
              Reply
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => setResolved(!root.resolved)}
            >
              {root.resolved ? 'Reopen thread' : 'Resolve thread'}
            </button>
          </div>
        ))}
    </li>
  );
}
