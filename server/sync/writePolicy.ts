/**
 * What each role may write (DESIGN §4, shared/roles.ts), judged on an analysed update before
 * it is applied:
 * - lead, editor: anything inside the board layout's roots (meta, articles, cards, comments);
 * - reviewer: only the comments root: post comments whose author.id is their invite id, edit
 *   or delete (text, editedAt, deletedAt) their own comments, resolve or reopen any thread
 *   (resolved, resolvedBy); nothing nested deeper than a comment's fields;
 * - viewer: nothing.
 * Items that Yjs will discard (their parent is gone) change nothing and pass, except for a
 * viewer, who may not add structs at all. A redundant update (nothing new) always passes.
 */
import * as Y from 'yjs';
import { COMMENT_KEYS, ROOT, ROOT_NAMES } from '../../shared/board/schema';
import type { Role } from '../../shared/roles';
import type { UpdateAnalysis, Where } from './analyzeUpdate';

export type PolicyVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: PolicyVerdict = { ok: true };
const no = (reason: string): PolicyVerdict => ({ ok: false, reason });

const RESOLVE_KEYS: ReadonlySet<string> = new Set([COMMENT_KEYS.resolved, COMMENT_KEYS.resolvedBy]);
const OWN_EDIT_KEYS: ReadonlySet<string> = new Set([
  COMMENT_KEYS.text,
  COMMENT_KEYS.editedAt,
  COMMENT_KEYS.deletedAt,
  COMMENT_KEYS.resolved,
  COMMENT_KEYS.resolvedBy,
]);

const inLayout = (w: Where) =>
  w.root === null || (ROOT_NAMES as readonly string[]).includes(w.root);

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
}

export function checkWrite(
  role: Role,
  inviteId: string,
  analysis: UpdateAnalysis,
  ds: ReturnType<typeof Y.decodeUpdate>['ds'],
): PolicyVerdict {
  const { newStructs, newItems, deletes } = analysis;
  if (newStructs.length === 0 && deletes.length === 0) return OK;
  if (role === 'viewer') return no('viewers cannot change the board');
  for (const { item } of newItems) {
    if (item.content instanceof Y.ContentDoc) return no('subdocuments are not part of a board');
  }
  if (role === 'lead' || role === 'editor') {
    if (!newItems.every((n) => inLayout(n.where)) || !deletes.every((d) => inLayout(d.where))) {
      return no('writes outside the board layout');
    }
    return OK;
  }
  return checkReviewer(inviteId, analysis, ds);
}

function checkReviewer(
  inviteId: string,
  { newItems, deletes }: UpdateAnalysis,
  ds: ReturnType<typeof Y.decodeUpdate>['ds'],
): PolicyVerdict {
  const isNew = new Set(newItems.map((n) => n.item));
  // Authors of the comments this update creates: every `author` value set in them.
  const newAuthors = new Map<Y.Item, unknown[]>();
  for (const { item, where } of newItems) {
    const holder = where.top;
    if (where.depth === 1 && holder && where.key === COMMENT_KEYS.author) {
      const content = item.content instanceof Y.ContentAny ? item.content.arr : [undefined];
      newAuthors.set(holder, [...(newAuthors.get(holder) ?? []), ...content.map(idOf)]);
    }
  }
  const own = (comment: Y.Item): boolean => {
    if (isNew.has(comment)) {
      const ids = newAuthors.get(comment) ?? [];
      return ids.length > 0 && ids.every((id) => id === inviteId);
    }
    const type = comment.content instanceof Y.ContentType ? comment.content.type : null;
    return type instanceof Y.Map && idOf(type.get(COMMENT_KEYS.author)) === inviteId;
  };

  for (const { item, where } of newItems) {
    if (where.root === null) continue;
    if (where.root !== ROOT.comments) return no('reviewers may only write comments');
    if (where.depth === 0) {
      const isMap = item.content instanceof Y.ContentType && item.content.type instanceof Y.Map;
      if (!isMap || !own(item)) return no('reviewers may only post their own comments');
      continue;
    }
    const comment = where.top as Y.Item;
    if (where.depth > 1 || item.content instanceof Y.ContentType) {
      return no('comment fields are plain values');
    }
    if (isNew.has(comment)) continue; // a field of a new comment, vetted with the comment
    const key = where.key ?? '';
    if (RESOLVE_KEYS.has(key)) continue;
    if (!(OWN_EDIT_KEYS.has(key) && own(comment))) {
      return no('reviewers may only edit their own comments');
    }
  }

  for (const { item, where } of deletes) {
    if (where.root === null) continue;
    if (where.root !== ROOT.comments) return no('reviewers may only write comments');
    if (where.depth === 0) {
      if (!own(item)) return no('reviewers may only delete their own comments');
      continue;
    }
    if (where.depth > 1) return no('comment fields are plain values');
    const comment = where.top as Y.Item;
    const key = where.key ?? '';
    if (RESOLVE_KEYS.has(key)) continue;
    const wholeCommentGoes = Y.isDeleted(ds, comment.id);
    if (!((OWN_EDIT_KEYS.has(key) || wholeCommentGoes) && own(comment))) {
      return no('reviewers may only edit their own comments');
    }
  }
  return OK;
}
