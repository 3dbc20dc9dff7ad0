/**
 * What each role may write (DESIGN §4, shared/roles.ts), judged on an analysed update before
 * it is applied:
 * - lead: anything inside the board layout's roots (meta, articles, cards, comments), but not
 *   the rating scale's removal (removesScale), nor a write after which the scale would not hold
 *   together (checkScaleWrite, which RoomWrites runs next, with the update's bytes);
 * - editor: the same, except the board's meta beyond its title (the rating scale and the
 *   organisation are the lead's, the schema version the server's migration's);
 * - reviewer: only the comments root;
 * - viewer: nothing.
 * Comments are their authors' whoever writes: a new comment's author is the writer (the id and
 * the name of their invite, so nobody posts under a colleague's name), and it comes with its
 * card, its thread (parentId) and its time, as every post writes them (POSTED_KEYS); its text,
 * editedAt, deletedAt and author change only on the writer's own comments (the UI offers
 * nothing else);
 * anyone who may comment resolves or reopens any thread, as themselves (resolvedBy is the writer
 * or null); a new comment is on a card the board has or had (a deleted one's come back with
 * it); a reply hangs off a thread (a comment that is no reply) of its own card, one the board
 * has, gets in the same write, or had (deleted whole since by an Undo of its posting, its card
 * gone with it: the reply is judged when its thread comes back under its id), never an id the
 * board never had; a change of a comment's text shows as an edit, a deletion or an Undo of one
 * (textChangeShows); a comment a lead redacted takes no text and is not taken off the board
 * (an Undo in its author's browser would bring its words back); a comment holds the layout's
 * fields and no others, none nesting deeper, and its text shows something unless it is
 * deleted (fieldRules refuses one that only looks blank; an empty one comes with a deletion
 * time, clearedUndeleted). A
 * new comment may arrive edited or deleted (changed offline before it was sent), but a deleted
 * one as a deletion leaves it, its text cleared; under an id the board never had, it is open or
 * resolved by the writer; under one it had (Redo of a comment after Undo) it comes back with its
 * values, a colleague's resolution included. One posted and taken back in the same update (an
 * Undo offline) lands deleted, and passes.
 * Cards, evidence and articles likewise carry their makers' names whoever writes, leads too
 * (checkActors): a new card's createdBy and every updatedBy a write sets name the writer, as do a
 * new evidence item's addedBy and a new article's createdBy, and a creator or an adder, once
 * set, does not change; only a name the board had there before may be written back (an Undo of
 * a colleague's move or of a deletion does: PastActors remembers such names). A card is given
 * (its assignee) only to a lead or an editor of the board (BoardInvites), or cleared. The
 * server's own changes (the demo seed, an article imported over REST, a card restored from
 * Activity, a migration) and a board imported from a JSON export are not client updates and
 * are not judged.
 * Every time a write carries lies between the board's beginning and the server's now, give or
 * take a day for clocks that are off (writeTimes).
 * Articles come from imports: a client changes none but for its publication day (a lead's or
 * an editor's, a real day fieldRules takes), and puts one back (Undo of its removal) only as it
 * was removed; a card quotes its article's text at its offsets (checkSources).
 * Every role's values must fit the layout (shared/board/fieldRules: a claim is a string of
 * at most 2,000 characters, a column is one of the three, a link is http(s), a JSON value has
 * its schema's keys and no others, …), and every key it writes is one the layout names where
 * it lands (namedPlace): a key of its own on a card, an evidence item, a comment, an article,
 * the meta map or the scale, an entry of a root under a key that is no id, or anything inside a
 * map the layout does not have, is refused naming the key; such a key a stored board already
 * holds may be deleted (on a comment by whoever may comment, on an article too), as it shows
 * nothing to anyone.
 * Setting a map key replaces its value (analyzeUpdate counts that as a delete), so replacing
 * a colleague's comment under its id is deleting it. Items that Yjs will discard (their parent
 * is gone) change nothing and pass, except for a viewer, who may not add structs at all. A
 * redundant update (nothing new) always passes.
 */
import * as Y from 'yjs';
import { fieldRule } from '../../shared/board/fieldRules';
import {
  type CardMap,
  cardsMap,
  COMMENT_KEYS,
  COMMENT_REDACTED_KEY,
  commentsMap,
  META_KEYS,
  ROOT,
  ROOT_NAMES,
} from '../../shared/board/schema';
import type { Actor } from '../../shared/board/actor';
import type { Role } from '../../shared/roles';
import { isWriter, valueOf } from './actorValues';
import type { UpdateAnalysis, Where } from './analyzeUpdate';
import type { BoardInvites } from './BoardInvites';
import { checkActors } from './checkActors';
import { checkSources } from './checkSources';
import { everHad } from './everHad';
import { firstUnnamed, namedPlace } from './namedPlace';
import { pastActorsOf } from './PastActors';
import { no, OK, type PolicyVerdict } from './policyVerdict';
import type { HistoryDigests } from './HistoryDigests';
import { checkTimes, type TimeBounds } from './writeTimes';

const RESOLVE_KEYS: ReadonlySet<string> = new Set([COMMENT_KEYS.resolved, COMMENT_KEYS.resolvedBy]);
const OWN_EDIT_KEYS: ReadonlySet<string> = new Set([
  COMMENT_KEYS.text,
  COMMENT_KEYS.editedAt,
  COMMENT_KEYS.deletedAt,
  COMMENT_KEYS.resolved,
  COMMENT_KEYS.resolvedBy,
]);

/**
 * In one of the layout's roots, and under a key where it lands in one: the roots are maps, and
 * an item without a key would sit in a root's list part, stored and sent to everyone though no
 * reader of the board sees it.
 */
const inLayout = (w: Where) =>
  w.root === null ||
  ((ROOT_NAMES as readonly string[]).includes(w.root) && (w.depth > 0 || w.key !== null));

/** A reviewer's write: to comments only (or discarded by Yjs). */
const reviewerMayWrite = (w: Where) => w.root === null || w.root === ROOT.comments;

/** An editor's write to meta: only the title, directly in the meta map. */
const editorMayWrite = (w: Where) =>
  w.root !== ROOT.meta || (w.depth === 0 && w.key === META_KEYS.title);

/**
 * Whether a deletion takes the board's rating scale map away (or replaces it). No command does:
 * the scale is edited label by label (writeScale), and only the server's migration and a new
 * board write the map. Without it readers fall back to version 1's whole-scale value, which a
 * lead may still write with any numbers (fieldRules), so the numbers the scale's own fields must
 * hold (ClaimReview ratings) would be one deletion away.
 */
const removesScale = ({ where }: { readonly where: Where }) =>
  where.root === ROOT.meta && where.depth === 0 && where.key === META_KEYS.scale;

/** Whether every place the update writes or deletes at passes `check` (read where they are). */
const everyPlace = ({ newItems, deletes }: UpdateAnalysis, check: (w: Where) => boolean) =>
  newItems.every((n) => check(n.where)) && deletes.every((n) => check(n.where));

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
}

/**
 * A resolver written by this writer: null (reopened), the writer, or a value set and replaced
 * within the update (it travels as deleted content, undefined here, and holds nothing).
 */
const resolvedByWriter = (value: unknown, writer: Actor): boolean =>
  value === undefined || value === null || isWriter(value, writer);

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/**
 * Whether a new item is deleted as Yjs applies it: the update deletes it too, or it travels as
 * deleted content (which Yjs takes as deleted, delete set or not).
 */
const landsDeleted = (item: Y.Item, ds: DeleteSet): boolean =>
  item.content instanceof Y.ContentDeleted || Y.isDeleted(ds, item.id);

/**
 * How deep anything may sit, under any key: the layout's deepest fields (an evidence item's, a
 * rating-scale label's) are 3 containers below their root, and its deepest plain value (a
 * card's extraction: chips in a list in an object) 3 levels deep. A hostile value thousands of
 * levels deep was taken live but could not be read back when the board next loaded (the
 * decoder recurses, and a cold stack is shorter), so the board lost it on restart.
 */
const MAX_DEPTH = 3;
const MAX_VALUE_DEPTH = 8;

// Plain functions and loops: tsx compiles with esbuild's keepNames, so every named closure a
// call creates (const f = (…) => …) costs a defineProperty of its name, and these run on every
// item of every update. The checks below take what they need as arguments for the same reason:
// the three closures checkComments and checkSources made per update were a third of the time
// checkWrite took for a card edit (1 µs of 3). An arrow passed inline (every((v) => …)) is
// left unnamed, and costs nothing of the kind.
function nestsTooDeep(item: Y.Item): boolean {
  if (!(item.content instanceof Y.ContentAny)) return false;
  for (const value of item.content.arr) if (deeper(value, 0)) return true;
  return false;
}

function deeper(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= MAX_VALUE_DEPTH) return true;
  const children = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
  for (const child of children) if (deeper(child, depth + 1)) return true;
  return false;
}

export function checkWrite(
  role: Role,
  writer: Actor,
  analysis: UpdateAnalysis,
  ds: DeleteSet,
  doc: Y.Doc,
  /** Who may be given a card: the board's invites as they are now. */
  invites: BoardInvites,
  /** The times the write may carry (writeTimes). */
  times: TimeBounds,
  /** What the board's history records of removed articles and deleted cards. */
  history: HistoryDigests,
): PolicyVerdict {
  const { newStructs, newItems, deletes } = analysis;
  if (newStructs.length === 0 && deletes.length === 0) return OK;
  if (role === 'viewer') return no('viewers cannot change the board');
  for (const { item } of newItems) {
    if (item.content instanceof Y.ContentDoc) return no('subdocuments are not part of a board');
  }
  if (role === 'reviewer') {
    if (!everyPlace(analysis, reviewerMayWrite)) return no('reviewers may only write comments');
  } else if (!everyPlace(analysis, inLayout)) {
    return no('writes outside the board layout');
  } else if (role === 'editor' && !everyPlace(analysis, editorMayWrite)) {
    return no('the rating scale and organisation are the lead’s');
  } else if (deletes.some(removesScale)) {
    return no('the rating scale is changed, not removed');
  }
  for (const { item, where } of newItems) {
    if (where.depth > MAX_DEPTH || nestsTooDeep(item)) {
      return no('nothing nests deeper than the board layout');
    }
  }
  const unnamed = firstUnnamed(newItems);
  if (unnamed) return notNamed(unnamed.where.key);
  const bad = newItems.find((n) => !fitsLayout(n.item, n.where));
  if (bad) return no(`a value that does not fit the board’s ${bad.where.key ?? 'layout'}`);
  const untimely = checkTimes(newItems, times);
  if (untimely) return untimely;
  const comments = checkComments(writer, analysis, ds, doc);
  if (!comments.ok) return comments;
  const past = pastActorsOf(doc);
  past.record(writer.id, analysis.deletes);
  const actors = checkActors(writer, analysis, doc, invites, past);
  return actors.ok ? checkSources(analysis, ds, doc, past, history) : actors;
}

/**
 * A write under a key the layout does not name, named in the 4403's reason (cut short: a close
 * reason holds 123 bytes, and a key may be as long as a hostile client likes).
 */
function notNamed(key: string | null): PolicyVerdict {
  if (key === null) return no('a list the board layout does not have');
  const shown = key.length > 24 ? `${key.slice(0, 24)}…` : key;
  return no(`a key the board layout does not name: ${shown}`);
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

const inComments = (n: { readonly where: Where }): boolean => n.where.root === ROOT.comments;

function checkComments(
  writer: Actor,
  { newItems, deletes }: UpdateAnalysis,
  ds: DeleteSet,
  doc: Y.Doc,
): PolicyVerdict {
  // A write that touches no comment (a card edit, a move) has nothing to be judged here: spare
  // it the sets and maps below.
  if (!newItems.some(inComments) && !deletes.some(inComments)) return OK;
  const comments = commentsMap(doc);
  const isNew = new Set(newItems.map((n) => n.item));
  // The fields the update sets in comments: every value it keeps, by key. A value it also
  // deletes was replaced within it (a merge of several updates carries both, and the deletion).
  const newFields = new Map<Y.Item, Map<string, unknown[]>>();
  for (const { item, where } of newItems) {
    const holder = where.top;
    if (where.root !== ROOT.comments || where.depth !== 1 || !holder || where.key === null) {
      continue;
    }
    if (landsDeleted(item, ds)) continue;
    const fields = newFields.get(holder) ?? new Map<string, unknown[]>();
    newFields.set(holder, fields);
    fields.set(where.key, [...(fields.get(where.key) ?? []), valueOf(item)]);
  }
  // The fields of each comment this update creates, by id: a reply may come with its thread.
  const newById = new Map<string, CommentFields>();
  // Those of them under an id the board has or had (a Redo after Undo): replies may name them.
  const returning = new Map<string, CommentFields>();
  // The cards it creates: a comment may come with its card (both written offline).
  const newCards = new Set<string>();
  for (const { item, where } of newItems) {
    if (where.depth !== 0 || where.key === null) continue;
    if (where.root === ROOT.comments) {
      const fields = newFields.get(item) ?? NO_FIELDS;
      newById.set(where.key, fields);
      if (everHad(comments, where.key)) returning.set(where.key, fields);
    } else if (where.root === ROOT.cards) {
      newCards.add(where.key);
    }
  }
  const cards = cardsMap(doc);

  for (const { item, where } of newItems) {
    if (where.root !== ROOT.comments) continue;
    if (where.depth === 0) {
      // Posted and taken back within the update (an Undo offline, sent on reconnecting): Yjs
      // stores it deleted, its fields with it, and no reader meets it.
      if (landsDeleted(item, ds)) continue;
      const isMap = item.content instanceof Y.ContentType && item.content.type instanceof Y.Map;
      if (!isMap || !ownComment(item, writer, isNew, newFields)) {
        return no('comments are posted in their author’s own name');
      }
      const fields = newFields.get(item);
      const refusal = checkNewComment(writer, fields ?? NO_FIELDS, comments, where.key, newById);
      if (refusal) return refusal;
      // A card deleted since takes comments still (they come back with it); a made-up one
      // would show in Activity as a card no longer on the board.
      const cardIds = fields?.get(COMMENT_KEYS.cardId) ?? [];
      if (!cardIds.every((cardId) => boardHas(cardId, cards, newCards))) {
        return no('a comment is on a card of the board');
      }
      continue;
    }
    const comment = where.top as Y.Item;
    if (where.depth > 1 || item.content instanceof Y.ContentType) {
      return no('comment fields are plain values');
    }
    if (isNew.has(comment)) continue; // a field of a new comment, vetted with the comment
    const key = where.key ?? '';
    if (key === COMMENT_KEYS.resolvedBy) {
      if (!resolvedByWriter(valueOf(item), writer)) {
        return no('a thread is resolved in its resolver’s own name');
      }
      continue;
    }
    if (key === COMMENT_KEYS.resolved) {
      // Resolving names its resolver in the same write: a bare flip would show the last one.
      if (!newFields.get(comment)?.has(COMMENT_KEYS.resolvedBy)) {
        return no('a thread is resolved in its resolver’s own name');
      }
      continue;
    }
    if (!(OWN_EDIT_KEYS.has(key) && ownComment(comment, writer, isNew, newFields))) {
      return no('only a comment’s author edits it');
    }
    if (key === COMMENT_KEYS.text && isRedacted(comment)) return REDACTED;
    if (key === COMMENT_KEYS.text && clearedUndeleted(newFields.get(comment) ?? NO_FIELDS)) {
      return SAYS_NOTHING;
    }
    if (key === COMMENT_KEYS.text && !textChangeShows(comment, newFields.get(comment))) {
      return no('an edited comment says when it was edited');
    }
  }

  for (const { item, where } of deletes) {
    if (where.root !== ROOT.comments) continue;
    // A key a stored comment holds though the layout does not name it: whoever may comment may
    // take it away, as it shows nothing to anyone.
    if (where.depth > 0 && !namedPlace(where)) continue;
    if (where.depth === 0) {
      if (!ownComment(item, writer, isNew, newFields)) {
        return no('only a comment’s author deletes it');
      }
      if (isRedacted(item)) return REDACTED;
      continue;
    }
    if (where.depth > 1) return no('comment fields are plain values');
    const comment = where.top as Y.Item;
    const key = where.key ?? '';
    if (RESOLVE_KEYS.has(key)) continue;
    const wholeCommentGoes = Y.isDeleted(ds, comment.id);
    const mayChange = OWN_EDIT_KEYS.has(key) || wholeCommentGoes;
    if (!(mayChange && ownComment(comment, writer, isNew, newFields))) {
      return no('only a comment’s author edits it');
    }
  }
  return returning.size > 0 && repliesElsewhere(comments, returning, newById) ? ON_ITS_CARD : OK;
}

/** Whether a card id names a card the board has or had, or one the same update makes. */
const boardHas = (cardId: unknown, cards: Y.Map<CardMap>, newCards: ReadonlySet<string>) =>
  typeof cardId === 'string' && (everHad(cards, cardId) || newCards.has(cardId));

/**
 * Whether the writer wrote a comment: by every author the update gives it when it makes it
 * (`isNew`, with the fields it sets, `newFields`), else by the author the board has.
 */
function ownComment(
  comment: Y.Item,
  writer: Actor,
  isNew: ReadonlySet<Y.Item>,
  newFields: ReadonlyMap<Y.Item, CommentFields>,
): boolean {
  if (isNew.has(comment)) {
    const ids = (newFields.get(comment)?.get(COMMENT_KEYS.author) ?? []).map(idOf);
    return ids.length > 0 && ids.every((id) => id === writer.id);
  }
  const type = comment.content instanceof Y.ContentType ? comment.content.type : null;
  return type instanceof Y.Map && idOf(type.get(COMMENT_KEYS.author)) === writer.id;
}

const REDACTED = no('a redacted comment’s text is gone for good');
/** Whether a lead redacted the comment (redactComment). */
function isRedacted(comment: Y.Item): boolean {
  const type = comment.content instanceof Y.ContentType ? comment.content.type : null;
  return type instanceof Y.Map && type.has(COMMENT_REDACTED_KEY);
}

type CommentFields = ReadonlyMap<string, readonly unknown[]>;
const NO_FIELDS: CommentFields = new Map();
const SAYS_NOTHING = no('a comment shows some text unless it is deleted');
/**
 * Whether the write leaves a comment's text empty but for a deletion: deleteComment clears it
 * with a deletion time, and a comment that is not deleted shows something, as addComment and
 * editComment have it (text that only looks blank is refused with the field, fieldRules).
 */
const clearedUndeleted = (fields: CommentFields): boolean =>
  (fields.get(COMMENT_KEYS.text) ?? []).includes('') &&
  !(fields.get(COMMENT_KEYS.deletedAt) ?? []).some((v) => typeof v === 'number');
const ON_ITS_CARD = no('a reply belongs to a thread on its own card');
const LAYOUT_KEYS: ReadonlySet<string> = new Set(Object.values(COMMENT_KEYS));
/**
 * The fields a comment always arrives with: addComment writes them all with the map, and no
 * command writes them again, so a Redo after Undo brings each back too. Not the text, the edit
 * and deletion times nor the resolution: another tab's edit, or a colleague's resolution, that
 * crossed the Undo holds the last value of its key, and Yjs then redoes none of that key's
 * values (the comment comes back without its text, reading empty). Without its card a comment
 * was stored and shown on no card, in no export (readBoard groups comments by card); without
 * its time it read as written in 1970.
 */
const POSTED_KEYS = [
  COMMENT_KEYS.id,
  COMMENT_KEYS.cardId,
  COMMENT_KEYS.parentId,
  COMMENT_KEYS.author,
  COMMENT_KEYS.createdAt,
] as const;

/**
 * The values a comment's field holds: the one the board has, or every one the update keeps
 * (a hostile update may set two at once, and Yjs would keep either).
 */
const valuesOf = (comment: Y.Map<unknown> | CommentFields, key: string): readonly unknown[] =>
  comment instanceof Y.Map ? [comment.get(key)] : (comment.get(key) ?? []);

/** Whether a thread is no reply, and on the card of every value of `cards`. */
const threadOn = (thread: Y.Map<unknown> | CommentFields, cards: readonly unknown[]): boolean =>
  valuesOf(thread, COMMENT_KEYS.parentId).every((p) => p == null) &&
  new Set([...valuesOf(thread, COMMENT_KEYS.cardId), ...cards]).size === 1;

/**
 * Whether a comment the board keeps names one that comes back under its id as its thread, though
 * that one is now on another card or a reply itself. Replies name only threads the board has or
 * had (checkNewComment): one whose thread was deleted whole (an Undo of its posting) could not
 * be judged by that thread's card, gone with it, so it is judged when its thread comes back. An
 * id the board never had has no replies, so a comment posted afresh costs no pass over the
 * comments (one coming back does: 0.3 ms at 3,000 comments, against 0.02 ms for a post).
 */
function repliesElsewhere(
  comments: Y.Map<Y.Map<unknown>>,
  returning: ReadonlyMap<string, CommentFields>,
  /** Every comment the update creates: one it replaces is not kept. */
  newById: ReadonlyMap<string, unknown>,
): boolean {
  for (const [id, comment] of comments) {
    if (!(comment instanceof Y.Map) || newById.has(id)) continue;
    const parentId = comment.get(COMMENT_KEYS.parentId);
    const thread = typeof parentId === 'string' ? returning.get(parentId) : undefined;
    if (thread !== undefined && !threadOn(thread, [comment.get(COMMENT_KEYS.cardId)])) {
      return true;
    }
  }
  return false;
}

/**
 * A new comment, beyond its author's id: the writer's name on it, the layout's fields and no
 * other, a resolver who is the writer unless the board had the comment before (a Redo after
 * Undo brings back a colleague's resolution), no text once deleted, and a reply whose thread
 * is on the same card.
 */
function checkNewComment(
  writer: Actor,
  fields: CommentFields,
  comments: Y.Map<Y.Map<unknown>>,
  id: string | null,
  /** The fields of each comment the same update creates, by id. */
  newById: ReadonlyMap<string, CommentFields>,
): PolicyVerdict | null {
  if (!valuesOf(fields, COMMENT_KEYS.author).every((author) => isWriter(author, writer))) {
    return no('comments are posted in their author’s own name');
  }
  for (const key of fields.keys()) {
    if (!LAYOUT_KEYS.has(key)) return no('a comment holds the board layout’s fields only');
  }
  for (const key of POSTED_KEYS) {
    if (!fields.has(key)) return no('a comment comes with its card, its thread and its time');
  }
  const returning = id !== null && everHad(comments, id);
  if (
    !returning &&
    !valuesOf(fields, COMMENT_KEYS.resolvedBy).every((v) => resolvedByWriter(v, writer))
  ) {
    return no('a thread is resolved in its resolver’s own name');
  }
  // A comment may arrive deleted (posted and deleted offline, or brought back by a Redo after
  // its deletion), but as deleteComment leaves it: with its text cleared.
  const deleted = valuesOf(fields, COMMENT_KEYS.deletedAt).some((v) => v != null);
  if (deleted && !valuesOf(fields, COMMENT_KEYS.text).every((t) => t === undefined || t === '')) {
    return no('a deleted comment keeps no text');
  }
  if (clearedUndeleted(fields)) return SAYS_NOTHING;
  for (const parentId of valuesOf(fields, COMMENT_KEYS.parentId)) {
    if (typeof parentId !== 'string') continue;
    // A thread posted in the same update (offline, then the reply) is judged as it is written.
    const parent = newById.get(parentId) ?? comments.get(parentId);
    if (parent === undefined) {
      // A thread deleted whole since (its author's Undo) may have been replied to meanwhile, or
      // a reply to it come back by Redo: its card went with it (repliesElsewhere). An id the
      // board never had is no thread at all.
      if (everHad(comments, parentId)) continue;
      return ON_ITS_CARD;
    }
    if (!threadOn(parent, valuesOf(fields, COMMENT_KEYS.cardId))) return ON_ITS_CARD;
  }
  return null;
}

/** The last of the values the update sets under `key` of a comment. */
const lastOf = (fields: CommentFields | undefined, key: string): unknown =>
  fields?.get(key)?.at(-1);

/**
 * Whether a change of an existing comment's text shows as what it is, judged by the fields the
 * same write sets: an edit moves its edit time on past the one before (or past its writing), so
 * it reads "(edited)"; a deletion clears it with a deletion time; an Undo of a deletion clears
 * the deletion time, and an Undo of an edit writes back the edit time before it, earlier (or
 * none), but never before the comment was written.
 */
function textChangeShows(
  comment: Y.Item,
  fields: ReadonlyMap<string, readonly unknown[]> | undefined,
): boolean {
  // A comment deleted whole: Yjs discards what is written into it.
  if (!(comment.content instanceof Y.ContentType)) return true;
  const now = comment.content.type as Y.Map<unknown>;
  const deletedAt = lastOf(fields, COMMENT_KEYS.deletedAt);
  if (lastOf(fields, COMMENT_KEYS.text) === '' && typeof deletedAt === 'number') return true;
  if (deletedAt === null && now.get(COMMENT_KEYS.deletedAt) != null) return true;
  const editedAt = lastOf(fields, COMMENT_KEYS.editedAt);
  const createdAt = now.get(COMMENT_KEYS.createdAt);
  const editedBefore = now.get(COMMENT_KEYS.editedAt);
  const since = typeof editedBefore === 'number' ? editedBefore : createdAt;
  if (typeof editedAt === 'number' && (typeof since !== 'number' || editedAt > since)) return true;
  if (typeof editedBefore !== 'number') return false;
  return editedAt === null || (typeof editedAt === 'number' && !(editedAt < (createdAt as number)));
}
