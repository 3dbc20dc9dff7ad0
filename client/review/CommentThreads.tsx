/**
 * The card's comment threads: a thread is a first comment and its replies (one level). Members
 * who may comment (leads, editors, reviewers) post, reply, edit and delete their own comments,
 * and resolve or reopen any thread. A deleted comment stays as a line in a thread that still has
 * live comments (commentThreads leaves out the others), so replies keep their place. Text typed
 * in a form that went with its comment stays below the threads (TypedCommentGone): an edit whose
 * comment was deleted in the person's other tab or window, typed or saved, and a reply whose
 * thread a deletion took off the card (QA18). An edit whose comment a lead redacted is not kept:
 * it is mostly the words redacted (QA20); the list says only that it went, and who took it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Actor } from '../../shared/board/actor';
import { commentThreads, type CommentThread } from '../../shared/export/commentThreads';
import type { CardView, CommentView } from '../../shared/board/view';
import type { LostEditNotice } from '../sync/LostEditNotices';
import { CommentForm } from './CommentForm';
import { type CommentContext, CommentItem } from './CommentItem';
import { commentNames } from './commentNames';
import { postEditAgain } from './postEditAgain';
import { threadNames } from './threadNames';
import { TypedCommentGone } from './TypedCommentGone';
import { useDraftOffers } from '../ui/unsavedDrafts';
import {
  editGoneNews,
  editRedactedNews,
  replyGoneNews,
  replyRedactedNews,
} from './typedCommentNews';

/** A reply being typed, by its thread's first comment. */
interface TypedReply {
  readonly rootAuthor: Actor;
  readonly text: string;
}

/** Text typed here, not saved, whose place on the card went meanwhile. */
type TypedGone =
  /** An edit whose comment was deleted. */
  | { readonly commentId: string; readonly was: string; readonly text: string }
  /** An edit whose comment's text a lead redacted: what was typed went with it. */
  | { readonly commentId: string; readonly redactedBy: Actor }
  /** A reply whose thread went. */
  | { readonly rootId: string; readonly news: string; readonly text: string };

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
  const nameOf = threadNames(threads);
  const commentName = commentNames(threads);
  const count = card.comments.filter((c) => c.deletedAt === null).length;
  // A deleted comment's buttons go: focus goes to the heading, whose count says it, and where
  // Ctrl+Z is the board's Undo that the notice offers (in the comment box it would be the
  // browser's undo of the text).
  const onGone = useCallback(() => headingRef.current?.focus(), []);
  // The edits and replies open here, by comment and by thread: a comment deleted elsewhere
  // takes its row, and a thread with nothing live left leaves the list, each with its form,
  // while what was typed in it is kept here.
  const editing = useRef(new Map<string, { was: string; text: string }>());
  const noteEdit = useCallback((commentId: string, edit: { was: string; text: string } | null) => {
    if (edit) editing.current.set(commentId, edit);
    else editing.current.delete(commentId);
  }, []);
  const replying = useRef(new Map<string, TypedReply>());
  const noteReply = useCallback((rootId: string, reply: TypedReply | null) => {
    if (reply) replying.current.set(rootId, reply);
    else replying.current.delete(rootId);
  }, []);
  const [typedGone, setTypedGone] = useState<readonly TypedGone[]>([]);
  const { myId } = ctx;
  useEffect(() => {
    const gone: TypedGone[] = [];
    for (const [commentId, edit] of editing.current) {
      const comment = card.comments.find((c) => c.id === commentId);
      if (comment?.deletedAt === null) continue;
      editing.current.delete(commentId);
      const text = edit.text.trim();
      if (!text || text === edit.was.trim()) continue;
      const redacted = comment?.redacted;
      gone.push(
        redacted ? { commentId, redactedBy: redacted.by } : { commentId, was: edit.was, text },
      );
    }
    const shown = new Set(commentThreads(card.comments).map((t) => t.root.id));
    for (const [rootId, reply] of replying.current) {
      if (shown.has(rootId)) continue;
      replying.current.delete(rootId);
      const text = reply.text.trim();
      const news = replyGoneNews(card.comments, rootId, reply.rootAuthor, myId);
      if (text) gone.push({ rootId, news, text });
    }
    if (gone.length > 0) setTypedGone((had) => [...had, ...gone]);
  }, [card.comments, myId]);
  const full: CommentContext = { ...ctx, onGone, noteEdit };
  const { actions } = ctx;
  const postComment = (text: string) => {
    const ok = actions.run('post the comment', () =>
      actions.commands.addComment(card.id, { text }),
    );
    if (ok) actions.announce('Comment posted.');
    return ok;
  };
  const post = (again: () => boolean, done: () => void) =>
    ctx.canComment
      ? () => {
          if (!again()) return;
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
            <Thread
              key={t.root.id}
              thread={t}
              which={nameOf(t)}
              commentName={commentName}
              ctx={full}
              noteReply={noteReply}
            />
          ))}
        </ul>
      )}
      {(typedGone.length > 0 || crossed.length > 0) && (
        <ul className="comment-gone-list">
          {typedGone.map((t) => {
            const drop = () => setTypedGone((had) => had.filter((o) => o !== t));
            const dismiss = () => {
              drop();
              onGone();
            };
            if ('redactedBy' in t) {
              return (
                <TypedCommentGone
                  key={`typed-${t.commentId}`}
                  text={null}
                  news={editRedactedNews(t.redactedBy, myId)}
                  draft={null}
                  onPost={null}
                  onDismiss={dismiss}
                />
              );
            }
            const edit = 'commentId' in t;
            return (
              <TypedCommentGone
                key={edit ? `typed-${t.commentId}` : `reply-${t.rootId}`}
                text={t.text}
                news={edit ? editGoneNews(t.was) : t.news}
                draft={edit ? 'your edit of a deleted comment' : 'your reply to a deleted comment'}
                onPost={post(
                  edit
                    ? () => postEditAgain(actions, card, t.commentId, t.text)
                    : () => postComment(t.text),
                  drop,
                )}
                onDismiss={dismiss}
              />
            );
          })}
          {crossed.map((n) => {
            const drop = () => onDismissCrossed(n.seq);
            const text = n.mine ?? '';
            return 'commentId' in n ? (
              <TypedCommentGone
                key={`saved-${n.seq}`}
                text={text}
                news={editGoneNews(null)}
                draft={null}
                onPost={post(() => postEditAgain(actions, card, n.commentId, text), drop)}
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
          onSubmit={postComment}
        />
      )}
    </section>
  );
}

function Thread({
  thread,
  which,
  commentName,
  ctx,
  noteReply,
}: {
  thread: CommentThread;
  /** What tells it from the card's other threads, in its controls' names (threadNames). */
  which: string;
  /** What tells each of its comments from the card's others (commentNames). */
  commentName: (c: CommentView) => string;
  ctx: CommentContext;
  /** What is typed in the reply, and null when it ends: kept by the list, as edits are. */
  noteReply: (rootId: string, reply: TypedReply | null) => void;
}) {
  const [replying, setReplying] = useState(false);
  // When the reply began, from its first comment's redacted mark: a redaction after it is news.
  const [redactedBefore, setRedactedBefore] = useState<number | null>(null);
  const replyRef = useRef<HTMLButtonElement>(null);
  const { root, replies } = thread;
  const { actions } = ctx;
  // Its controls say which thread they act on: one person's threads read alike (QA24).
  const replyName = `Reply to ${root.author.name}: ${which}`;
  const redactedMeanwhile =
    root.redacted && root.redacted.at !== redactedBefore ? root.redacted.by : null;
  // No longer allowed to comment: the form goes, and the card's dialog keeps what was typed
  // in it (CardDetail), as for an edit (CommentItem).
  if (replying && !ctx.canComment) {
    noteReply(root.id, null);
    setReplying(false);
  }
  // The right back (a lead undid the change), the reply typed then opens again with its text.
  const replyBack = useDraftOffers()(replyName, 'comment');
  if (!replying && ctx.canComment && replyBack) {
    setRedactedBefore(root.redacted?.at ?? null);
    setReplying(true);
  }
  const stopReplying = () => {
    noteReply(root.id, null);
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
      <CommentItem comment={root} which={commentName(root)} ctx={ctx} />
      {replies.length > 0 && (
        <ul className="reply-list" aria-label="Replies">
          {replies.map((r) => (
            <li key={r.id}>
              <CommentItem comment={r} which={commentName(r)} ctx={ctx} />
            </li>
          ))}
        </ul>
      )}
      {root.resolved && (
        <p className="small thread-status">Resolved by {root.resolvedBy?.name ?? 'someone'}</p>
      )}
      {ctx.canComment &&
        (replying ? (
          <>
            {/* Said politely in the dialog, as colleagues' other changes are (useCardNews). */}
            <p className="visually-hidden" aria-live="polite">
              {redactedMeanwhile && replyRedactedNews(redactedMeanwhile, ctx.myId)}
            </p>
            <CommentForm
              label={replyName}
              submitLabel="Post reply"
              members={ctx.names}
              autoFocus
              onTextChange={(text) => noteReply(root.id, { rootAuthor: root.author, text })}
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
          </>
        ) : (
          <div className="row item-actions">
            <button
              ref={replyRef}
              type="button"
              className="button small"
              aria-label={replyName}
              onClick={() => {
                setRedactedBefore(root.redacted?.at ?? null);
                setReplying(true);
              }}
            >
              Reply
            </button>
            <button
              type="button"
              className="button small"
              aria-label={`${root.resolved ? 'Reopen thread' : 'Resolve thread'}: ${which}`}
              onClick={() => setResolved(!root.resolved)}
            >
              {root.resolved ? 'Reopen thread' : 'Resolve thread'}
            </button>
          </div>
        ))}
    </li>
  );
}
