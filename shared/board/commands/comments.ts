/**
 * Commands on comments. Comments live in the flat `comments` root map so that the server
 * can let reviewers write there and nowhere else. Deleting keeps a tombstone (text cleared,
 * deletedAt set) so replies keep their thread.
 */
import * as Y from 'yjs';
import { BoardError } from '../errors';
import { commentInput, type CommentInput, LIMITS } from '../inputs';
import type { CommandContext } from '../origin';
import { parseInput } from '../parse';
import { COMMENT_KEYS as K, COMMENT_REDACTED_KEY, commentsMap, newCommentMap } from '../schema';
import { setChanged } from '../setChanged';
import { transact } from '../transact';
import { getCard } from './cards';
import { z } from 'zod';

function getComment(doc: Y.Doc, commentId: string): Y.Map<unknown> {
  const comment = commentsMap(doc).get(commentId);
  if (!(comment instanceof Y.Map))
    throw new BoardError('comment_not_found', `no comment ${commentId}`);
  return comment;
}

function authorId(comment: Y.Map<unknown>): unknown {
  return (comment.get(K.author) as { id?: unknown } | undefined)?.id;
}

function ownComment(doc: Y.Doc, commentId: string, ctx: CommandContext): Y.Map<unknown> {
  const comment = getComment(doc, commentId);
  if (authorId(comment) !== ctx.actor.id) {
    throw new BoardError('not_allowed', 'only the author may change a comment');
  }
  return comment;
}

export function addComment(
  doc: Y.Doc,
  cardId: string,
  input: CommentInput,
  ctx: CommandContext,
): string {
  const data = parseInput(commentInput, input);
  getCard(doc, cardId);
  // Replies hang off the thread's first comment, so a thread is one level deep.
  let parentId: string | null = null;
  if (data.parentId) {
    const parent = getComment(doc, data.parentId);
    parentId = (parent.get(K.parentId) as string | null) ?? data.parentId;
  }
  return transact(doc, 'addComment', ctx, (scope) => {
    const id = scope.newId();
    const comment = newCommentMap({
      id,
      cardId,
      parentId,
      text: data.text,
      author: scope.actor,
      createdAt: scope.now,
      editedAt: null,
      deletedAt: null,
      resolved: false,
      resolvedBy: null,
    });
    commentsMap(doc).set(id, comment);
    return id;
  });
}

/**
 * An edit's time comes after the comment's last one: the server takes a text change only
 * with a later time, so that the thread shows it as edited. An edit in the same millisecond
 * as the comment, or after the device's clock went back, is stamped one millisecond later.
 */
function editTime(comment: Y.Map<unknown>, now: number): number {
  const last = comment.get(K.editedAt) ?? comment.get(K.createdAt);
  return typeof last === 'number' ? Math.max(now, last + 1) : now;
}

export function editComment(
  doc: Y.Doc,
  commentId: string,
  text: string,
  ctx: CommandContext,
): void {
  const value = parseInput(z.string().trim().min(1).max(LIMITS.comment), text);
  const comment = ownComment(doc, commentId, ctx);
  // The server refuses it (writePolicy), and with it whatever this device had not saved yet.
  if (comment.has(COMMENT_REDACTED_KEY)) {
    throw new BoardError('not_allowed', 'a lead has redacted this comment’s text for good');
  }
  transact(doc, 'editComment', ctx, (scope) => {
    if (setChanged(comment, K.text, value)) comment.set(K.editedAt, editTime(comment, scope.now));
  });
}

/** Deletes a comment, keeping its tombstone (B5); a deleted one keeps its first deletion. */
export function deleteComment(doc: Y.Doc, commentId: string, ctx: CommandContext): void {
  const comment = ownComment(doc, commentId, ctx);
  transact(doc, 'deleteComment', ctx, (scope) => {
    if (comment.get(K.deletedAt) != null) return;
    comment.set(K.text, '');
    comment.set(K.deletedAt, scope.now);
  });
}

/**
 * A lead's redaction: the comment's text goes for good (the server also scrubs it from its stored
 * updates and history, server/comments/redactComment). Deletes the comment if its author had
 * not, and clears the text even if it had (an edit from another tab may have left words beside
 * the tombstone). A comment redacted already is left as it was.
 */
export function redactComment(doc: Y.Doc, commentId: string, ctx: CommandContext): void {
  const comment = getComment(doc, commentId);
  transact(doc, 'redactComment', ctx, (scope) => {
    if (comment.has(COMMENT_REDACTED_KEY)) return;
    comment.set(K.text, '');
    if (comment.get(K.deletedAt) == null) comment.set(K.deletedAt, scope.now);
    comment.set(COMMENT_REDACTED_KEY, { by: scope.actor, at: scope.now });
  });
}

/** Resolves or reopens the thread that `commentId` starts (or belongs to). */
export function resolveThread(
  doc: Y.Doc,
  commentId: string,
  resolved: boolean,
  ctx: CommandContext,
): void {
  const comment = getComment(doc, commentId);
  const rootId = (comment.get(K.parentId) as string | null) ?? commentId;
  const root = getComment(doc, rootId);
  transact(doc, 'resolveThread', ctx, (scope) => {
    // Resolving a resolved thread keeps who resolved it.
    if (setChanged(root, K.resolved, resolved))
      root.set(K.resolvedBy, resolved ? scope.actor : null);
  });
}
