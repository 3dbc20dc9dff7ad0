/**
 * Cards, evidence and articles carry who made them in the writer's own name (the id and the
 * name of their invite), whoever writes, leads included: a new card's createdBy and every
 * updatedBy a write sets name the writer, as do a new evidence item's addedBy and a new
 * article's createdBy; a card's and an article's creator and an evidence item's adder never
 * change once set.
 *
 * Except for a name written back where the board had it (PastActors remembers them): an Undo
 * writes back what the writer's change replaced or deleted, a colleague's name included. Of a
 * move, edit, verdict or assignment: the card's updatedBy, over the writer's own (one their
 * page wrote), back to a name a write of theirs replaced on that card (on their page: a
 * colleague's write that crossed theirs may have replaced it on the server first; the card's
 * last 256 replaced names are remembered). Of a deletion (or Redo of a card after its Undo):
 * the card under its id with the creator and updater it had when it was deleted, and its
 * evidence with their adders; of an evidence item's removal: the item with the adder it had on that card; of an
 * article's removal: the article with its creator. So a writer can at most leave a card's
 * "updated by" naming a colleague whose update of that card their own replaced, which is what
 * an Undo shows; never someone who had no part in it.
 *
 * What was deleted or replaced before the room last loaded the board is not remembered, and is
 * taken on its shape instead, so that an Undo of work from before a server restart still goes
 * through: a card or an article under an id the board had (it can only be that one coming
 * back, as a comment does in writePolicy); an updatedBy over the writer's own on a card whose
 * updatedBy that page wrote before; an evidence item put back right before one the card's list
 * lost then.
 *
 * A person's name cannot change (an invite's name is fixed when it is issued, and the client
 * writes under its invite's name). A person given a new invite is a new writer: what they had
 * written offline under the old invite and sends under the new one is refused, as their
 * comments are, and the page lists it under "Not saved" to be done again; the server cannot
 * know that two invites are one person (the old one may have been revoked for cause).
 *
 * A card is given (its assignee) only to a colleague who may edit it: a lead or an editor of
 * the board, by their live invite's id and name (BoardInvites, which follows role changes as
 * they are stored), or cleared. Someone lowered to reviewer after they were given a card keeps
 * it: only a write that sets the assignee is judged, and one that writes back a checker the
 * card had (an Undo of an assignment, of a card's deletion) is taken as the names above are.
 */
import * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';
import {
  ARTICLE_KEYS,
  articlesMap,
  CARD_KEYS,
  cardsMap,
  EVIDENCE_KEYS,
  ROOT,
} from '../../shared/board/schema';
import { isWriter, valueOf } from './actorValues';
import type { UpdateAnalysis, Where } from './analyzeUpdate';
import type { BoardInvites } from './BoardInvites';
import { everHad } from './everHad';
import { isNewItem } from './isNewItem';
import type { PastActors } from './PastActors';
import { no, OK, type PolicyVerdict } from './policyVerdict';

const CREATED = 'cards are created in their creator’s own name';
const UPDATED = 'a card is updated in its updater’s own name';
const ADDED = 'evidence is added in its adder’s own name';
const ARTICLE = 'articles are added in their creator’s own name';
const CHECKER = 'a card is given only to a lead or an editor of the board';

/** What the checks need beside each item: the doc, its memory, and what the update makes. */
interface Scope {
  readonly writer: Actor;
  readonly doc: Y.Doc;
  readonly past: PastActors;
  readonly invites: BoardInvites;
  readonly newItems: UpdateAnalysis['newItems'];
  /** Gathered once a name other than the writer's needs it (made). */
  made: Made | null;
}

interface Made {
  /**
   * The id of each card and article the update makes, by its item: a new item's own key
   * (parentSub) is left out of the update when it is written next to another (an Undo puts a
   * card back next to its deleted self), and only its place in the doc says it.
   */
  readonly ids: Map<Y.Item, string | null>;
  /** Each new evidence item's id, by the item of its map. */
  readonly evidenceIds: Map<Y.Item, unknown>;
  /** The list each new evidence item goes into, when the doc has it. */
  readonly evidenceLists: Map<Y.Item, Y.AbstractType<unknown> | null>;
}

export function checkActors(
  writer: Actor,
  analysis: UpdateAnalysis,
  doc: Y.Doc,
  invites: BoardInvites,
  /** The doc's memory, with what this update deletes recorded (checkWrite). */
  past: PastActors,
): PolicyVerdict {
  const scope: Scope = { writer, doc, past, invites, newItems: analysis.newItems, made: null };
  for (const { item, where } of analysis.newItems) {
    const top = where.top;
    if (where.depth === 0 || where.key === null || top === null) continue;
    let reason: string | null = null;
    if (where.root === ROOT.cards) {
      if (where.depth === 1 && where.key === CARD_KEYS.assignee) {
        reason = checker(scope, item, top);
      } else if (where.depth === 1) reason = cardField(scope, item, where, top);
      else if (where.depth === 3 && where.key === EVIDENCE_KEYS.addedBy && where.holder) {
        reason = adder(scope, item, where.holder, top);
      }
    } else if (where.root === ROOT.articles && where.depth === 1) {
      if (where.key === ARTICLE_KEYS.createdBy) reason = articleCreator(scope, item, top);
    }
    if (reason !== null) return no(reason);
  }
  return OK;
}

/** What the update makes, gathered on first need: most writes carry only the writer's name. */
function made(scope: Scope): Made {
  if (scope.made) return scope.made;
  const found: Made = { ids: new Map(), evidenceIds: new Map(), evidenceLists: new Map() };
  for (const { item, where } of scope.newItems) {
    if (where.depth === 0) found.ids.set(item, where.key);
    if (where.root !== ROOT.cards) continue;
    if (where.depth === 2 && where.key === null) found.evidenceLists.set(item, where.parent);
    if (where.depth === 3 && where.key === EVIDENCE_KEYS.id && where.holder) {
      found.evidenceIds.set(where.holder, valueOf(item));
    }
  }
  scope.made = found;
  return found;
}

/** The id of a card or an article: its key in its root map. */
function idOf(scope: Scope, item: Y.Item): string | null {
  const { ids } = made(scope);
  return ids.has(item) ? (ids.get(item) ?? null) : item.parentSub;
}

/** A card's createdBy or updatedBy: the reason to refuse it, or null. */
function cardField(scope: Scope, item: Y.Item, where: Where, card: Y.Item): string | null {
  const { key } = where;
  if (key !== CARD_KEYS.createdBy && key !== CARD_KEYS.updatedBy) return null;
  const { writer, doc, past } = scope;
  const live = !isNewItem(doc, card);
  if (live && key === CARD_KEYS.createdBy) return 'a card’s creator does not change';
  const value = valueOf(item);
  if (value === undefined || isWriter(value, writer)) return null;
  const cardId = idOf(scope, card) ?? '';
  if (live) return writtenBack(scope, item, cardId, where.parent, value) ? null : UPDATED;
  if (past.cardHad(cardId, key, value) || cameBackUnremembered(scope, card)) return null;
  return key === CARD_KEYS.createdBy ? CREATED : UPDATED;
}

/**
 * An updatedBy written back over the writer's own, as an Undo of their change does: over one
 * the same page wrote (its client id, which only the writer's invite writes with), to a name
 * that a write of the writer's replaced on this card. Or to any name when that page wrote the
 * card's updatedBy before the room began remembering: what those writes replaced is forgotten.
 */
function writtenBack(
  scope: Scope,
  item: Y.Item,
  cardId: string,
  card: Y.AbstractType<unknown> | null,
  value: unknown,
): boolean {
  const { writer, past } = scope;
  // A map key's new value is written next to the one it replaces: its origin.
  const client = item.id.client;
  if (item.origin?.client !== client) return false;
  if (past.overwrote(cardId, writer.id, value)) return true;
  // Over the writer's own change, written over this name on their page: a colleague's write
  // had replaced the name on the server first (the two crossed, on a slow link: found by QA).
  const own = item.origin && itemOf(scope, item.origin);
  if (own && own.id.client === client && own.origin) {
    if (past.replacedHeld(cardId, own.origin, value)) return true;
  }
  for (let before = card?._map.get(CARD_KEYS.updatedBy) ?? null; before; before = before.left) {
    if (before.id.client === client && past.predates(before.id)) return true;
  }
  return false;
}

/** The item of this id: new in the update, or in the doc; null if neither has it. */
function itemOf(scope: Scope, id: Y.ID): Y.Item | null {
  const fresh = scope.newItems.find(({ item }) => Y.compareIDs(item.id, id));
  if (fresh) return fresh.item;
  if (id.clock >= Y.getState(scope.doc.store, id.client)) return null;
  const stored = Y.getItem(scope.doc.store, id) as Y.Item | Y.GC;
  return stored instanceof Y.Item ? stored : null;
}

/**
 * A card's assignee: the reason to refuse it, or null. The checker a write replaces is
 * remembered before this runs (PastActors.record), so setting the same checker again is
 * writing back one the card had.
 */
function checker(scope: Scope, item: Y.Item, card: Y.Item): string | null {
  const value = valueOf(item);
  if (value === undefined || value === null || scope.invites.mayCheckCards(value)) return null;
  if (scope.past.cardHad(idOf(scope, card) ?? '', CARD_KEYS.assignee, value)) return null;
  return isNewItem(scope.doc, card) && cameBackUnremembered(scope, card) ? null : CHECKER;
}

/** A new card under the id of one deleted before the room began remembering. */
function cameBackUnremembered(scope: Scope, card: Y.Item): boolean {
  const { doc, past } = scope;
  const id = idOf(scope, card);
  return id !== null && everHad(cardsMap(doc), id) && !past.sawCardDeleted(id);
}

/** An evidence item's addedBy: the reason to refuse it, or null. */
function adder(scope: Scope, item: Y.Item, evidence: Y.Item, card: Y.Item): string | null {
  const { writer, doc, past } = scope;
  if (!isNewItem(doc, evidence)) return 'an evidence item’s adder does not change';
  const value = valueOf(item);
  if (value === undefined || isWriter(value, writer)) return null;
  const evidenceId = made(scope).evidenceIds.get(evidence);
  const cardId = idOf(scope, card) ?? '';
  if (typeof evidenceId === 'string' && past.evidenceHad(cardId, evidenceId, value)) return null;
  const unremembered = isNewItem(doc, card)
    ? cameBackUnremembered(scope, card)
    : putBackUnremembered(scope, evidence);
  return unremembered ? null : ADDED;
}

/**
 * An evidence item put back where the card's list lost one before the room began remembering:
 * an Undo of its removal inserts it right before the removed item (its right origin).
 */
function putBackUnremembered(scope: Scope, evidence: Y.Item): boolean {
  const { doc, past } = scope;
  const list = made(scope).evidenceLists.get(evidence);
  const anchor = evidence.rightOrigin;
  if (!list || !anchor || !past.predates(anchor) || past.sawEvidenceRemoved(anchor)) return false;
  const removed = Y.getItem(doc.store, anchor) as Y.Item | Y.GC;
  return removed instanceof Y.Item && removed.deleted && removed.parent === list;
}

/** An article's createdBy: the reason to refuse it, or null. */
function articleCreator(scope: Scope, item: Y.Item, article: Y.Item): string | null {
  const { writer, doc, past } = scope;
  if (!isNewItem(doc, article)) return 'an article’s creator does not change';
  const value = valueOf(item);
  const id = idOf(scope, article);
  if (value === undefined || isWriter(value, writer) || (id && past.articleHad(id, value))) {
    return null;
  }
  return id !== null && everHad(articlesMap(doc), id) && !past.sawArticleDeleted(id)
    ? null
    : ARTICLE;
}
