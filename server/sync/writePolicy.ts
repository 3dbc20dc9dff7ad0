/**
 * What each role may write (DESIGN §4, shared/roles.ts), judged on an analysed update before
 * it is applied:
 * - lead: anything inside the board layout's roots (meta, articles, cards, comments);
 * - editor: the same, except the board's meta beyond its title (the rating scale and the
 *   organisation are the lead's, the schema version the server's migration's);
 * - reviewer: only the comments root;
 * - viewer: nothing.
 * Comments are their authors' whoever writes: a new comment's author.id is the writer's invite
 * id; its text, editedAt, deletedAt and author change only on the writer's own comments (the
 * UI offers nothing else); anyone who may comment resolves or reopens any thread (resolved,
 * resolvedBy); nothing nests deeper than a comment's fields.
 * Every role's values must fit the layout (shared/board/fieldRules: a claim is a string of
 * at most 2,000 characters, a column is one of the three, a link is http(s), …).
 * Setting a map key replaces its value (analyzeUpdate counts that as a delete), so replacing
 * a colleague's comment under its id is deleting it. Items that Yjs will discard (their parent
 * is gone) change nothing and pass, except for a viewer, who may not add structs at all. A
 * redundant update (nothing new) always passes.
 */
import * as Y from 'yjs';
import { fieldRule } from '../../shared/board/fieldRules';
import { COMMENT_KEYS, META_KEYS, ROOT, ROOT_NAMES } from '../../shared/board/schema';
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

/** An editor's write to meta: only the title, directly in the meta map. */
const editorMayWrite = (w: Where) =>
  w.root !== ROOT.meta || (w.depth === 0 && w.key === META_KEYS.title);

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
}

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

export function checkWrite(
  role: Role,
  inviteId: string,
  analysis: UpdateAnalysis,
  ds: DeleteSet,
): PolicyVerdict {
  const { newStructs, newItems, deletes } = analysis;
  if (newStructs.length === 0 && deletes.length === 0) return OK;
  if (role === 'viewer') return no('viewers cannot change the board');
  for (const { item } of newItems) {
    if (item.content instanceof Y.ContentDoc) return no('subdocuments are not part of a board');
  }
  const wheres = [...newItems, ...deletes].map((n) => n.where);
  if (role === 'reviewer') {
    if (!wheres.every((w) => w.root === null || w.root === ROOT.comments)) {
      return no('reviewers may only write comments');
    }
  } else if (!wheres.every(inLayout)) {
    return no('writes outside the board layout');
  } else if (role === 'editor' && !wheres.every(editorMayWrite)) {
    return no('the rating scale and organisation are the lead’s');
  }
  const bad = newItems.find((n) => !fitsLayout(n.item, n.where));
  if (bad) return no(`a value that does not fit the board’s ${bad.where.key ?? 'layout'}`);
  return checkComments(inviteId, analysis, ds);
}

/** Whether a new item holds what the layout allows where it lands (shared/board/fieldRules). */
function fitsLayout(item: Y.Item, where: Where): boolean {
  if (where.root === null) return true; // discarded by Yjs
  const rule = fieldRule(where.root, where.depth, where.key);
  if (rule === null) return true;
  const content = item.content;
  // A value set and replaced within one update travels as deleted content: it holds nothing.
  if (content instanceof Y.ContentDeleted) return true;
  if (rule === 'map') return content instanceof Y.ContentType && content.type instanceof Y.Map;
  if (rule === 'array') return content instanceof Y.ContentType && content.type instanceof Y.Array;
  return content instanceof Y.ContentAny && content.arr.every(rule);
}

function checkComments(
  inviteId: string,
  { newItems, deletes }: UpdateAnalysis,
  ds: DeleteSet,
): PolicyVerdict {
  const isNew = new Set(newItems.map((n) => n.item));
  // Authors of the comments this update creates: every `author` value set in them.
  const newAuthors = new Map<Y.Item, unknown[]>();
  for (const { item, where } of newItems) {
    const holder = where.top;
    if (where.root === ROOT.comments && where.depth === 1 && holder) {
      if (where.key !== COMMENT_KEYS.author) continue;
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
    if (where.root !== ROOT.comments) continue;
    if (where.depth === 0) {
      const isMap = item.content instanceof Y.ContentType && item.content.type instanceof Y.Map;
      if (!isMap || !own(item)) return no('comments are posted in their author’s own name');
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
      return no('only a comment’s author edits it');
    }
  }

  for (const { item, where } of deletes) {
    if (where.root !== ROOT.comments) continue;
    if (where.depth === 0) {
      if (!own(item)) return no('only a comment’s author deletes it');
      continue;
    }
    if (where.depth > 1) return no('comment fields are plain values');
    const comment = where.top as Y.Item;
    const key = where.key ?? '';
    if (RESOLVE_KEYS.has(key)) continue;
    const wholeCommentGoes = Y.isDeleted(ds, comment.id);
    if (!((OWN_EDIT_KEYS.has(key) || wholeCommentGoes) && own(comment))) {
      return no('only a comment’s author edits it');
    }
  }
  return OK;
}
