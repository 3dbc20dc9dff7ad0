/**
 * Derives history events from the transactions applied to a room's doc (issue 4, item 7):
 * card.created, card.moved {from, to}, card.edited {fields, values, was} (each edited field's
 * new and old text, so the history says what changed), verdict.set {verdict, from},
 * card.assigned {assignee}, card.deleted {claim, sourceDigest?}, evidence.added {url, stance},
 * evidence.edited {fields, values, was} (likewise, for url, quote, stance and note),
 * evidence.removed {url, stance, quote}, evidence.restored {url, stance} (an item back on the
 * card it was removed from, under its old id: its remover's Undo, or their Undo of its adding
 * then Redo), comment.posted {text}, comment.edited {text, was},
 * comment.deleted {text} (what it said: the doc keeps an empty tombstone, or nothing),
 * comment.restored {text} (a deletion undone: the tombstone lifted, the words back),
 * comment.redacted (a lead took the text out for good: no words, and none of the comment's
 * other events keeps them either, server/comments/redactComment),
 * comment.resolved, comment.reopened, article.added {articleId, title}, article.restored
 * {articleId, title} (put back by an Undo of its removal; an import of its words again is
 * article.added), article.linked {articleId, title, url}, article.dated {articleId, title,
 * published, was} (its publication day set, changed or cleared: `YYYY-MM-DD` or null),
 * article.removed {articleId, title, url, removed, kept, moved, movedTo, textDigest, articleDigest}
 * (its title and link, which the exports name as the source of the cards that stay anchored to
 * it (shared/export/removedArticles), how many of its cards went with it, how many stay anchored
 * to it because someone worked on them, how many moved to another article holding their
 * sentence and which ones, {articleId, title} each, and the digest of its text: textDigest),
 * board.renamed {title, from}, scale.changed {added, removed, renamed, changed, range} (label
 * names added and removed, labels renamed in place, labels given another ClaimReview value or
 * column, a new best or worst: diffScales; each card a rename relabels has its own verdict.set).
 * A card that appears under the id of one deleted before (an undone deletion, or a restore)
 * reads as card.restored: ids are never reused, so the key's earlier, deleted value is that
 * card. The room adds, from a restore's intent, the evidence its restorer put back
 * (attribution.eventsFor).
 *
 * Two writes to one field that cross (one made offline, say) both reach the server, and Yjs
 * keeps one: crossedWrites records the value that lost (write.overridden) and marks the one
 * that won over a value its writer never saw (crossed).
 * A write into a card or evidence item deleted meanwhile never reaches the doc, so no event here
 * shows it: DeletedPlaces, told here what each deletion took, records it as write.lost.
 *
 * Events are computed from what changed in the doc, not from what a client claims, and the
 * caller attributes them to the transaction's origin. A move within one column (a reorder)
 * is not an event; a move records the columns it went from and to. Recorded texts are whole:
 * the sync server refuses a value longer than its field allows (shared/board/fieldRules), so
 * an event holds at most those limits, and only for the fields the layout names.
 */
import * as Y from 'yjs';
import {
  ARTICLE_KEYS,
  articlesMap,
  CARD_KEYS,
  cardsMap,
  COMMENT_KEYS,
  COMMENT_REDACTED_KEY,
  commentsMap,
  EVIDENCE_KEYS,
  META_KEYS,
  metaMap,
} from '../../shared/board/schema';
import type { Actor } from '../../shared/board/actor';
import { storedScale } from '../../shared/board/readMeta';
import { sameValue } from '../../shared/board/setChanged';
import { articleDigest, sourceDigest } from '../articles/articleDigest';
import { textDigest } from '../articles/textDigest';
import type { RemovedEvidence } from '../storage/Storage';
import { ServerChange } from './attribution';
import type { DeletedPlaces } from './DeletedPlaces';
import { diffScales } from './diffScales';
import { stringOrNull } from '../../shared/stringOrNull';
import {
  crossedFields,
  crossedKeys,
  crossing,
  overridden,
  replaced,
  type WriterOf,
} from './crossedWrites';
import { rawGet, valueOf } from './rawValues';
import { columnOf, EDITABLE, EVIDENCE_EDITABLE, RECORDED } from './recordedFields';

export interface HistoryDraft {
  readonly cardId: string | null;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** In whose name, when not the change's: the writer whose value a crossing write replaced. */
  readonly actor?: Actor;
}

type AnyMap = Y.Map<unknown>;
export type KeyChange = { action: 'add' | 'update' | 'delete'; oldValue: unknown };

/** Any shared type: only its place in the doc (`_item`) is used. */
type Placed = { readonly _item: Y.Item | null };
const keyOf = (type: Placed): string | null => type._item?.parentSub ?? null;
const parentOf = (type: Placed): unknown => type._item?.parent ?? null;

/**
 * A key's value after `change`: none once the change deleted the key, as an Undo of the key's
 * first write does (a card's speaker type or published URL, which a new card lacks), though
 * the deleted item still holds the value rawGet reads (found by QA: the Undo of publication
 * details was recorded as setting them again).
 */
const valueAfter = (target: unknown, key: string, change: KeyChange): unknown =>
  change.action === 'delete' ? undefined : rawGet(target, key);

/**
 * The new and the old text of each of `fields` that the change set: what an edit records, so
 * the history says what changed and not only that something did.
 */
function textChanges(target: unknown, keys: Map<string, KeyChange>, fields: readonly string[]) {
  const values: Record<string, string | null> = {};
  const was: Record<string, string | null> = {};
  for (const [key, change] of keys) {
    if (!fields.includes(key)) continue;
    values[key] = stringOrNull(valueAfter(target, key, change));
    was[key] = stringOrNull(change.oldValue);
  }
  return { values, was };
}

/**
 * The keys `event` set, less those written with the value they already held. The commands
 * write no such value (B15), but a raw client may: its write happened, yet the board reads the
 * same, so there is nothing to record ("set the verdict to False (was False)").
 */
function keysChanged(event: Y.YEvent<Y.AbstractType<unknown>>): Map<string, KeyChange> {
  // A loop, not a named closure per call: under tsx (npm start) each costs a defineProperty
  // (esbuild's keepNames), about half of this function's time in a profile of the bench's load.
  const changed = new Map<string, KeyChange>();
  for (const [key, c] of event.changes.keys as Map<string, KeyChange>) {
    if (c.action === 'update' && sameValue(c.oldValue, rawGet(event.target, key))) continue;
    changed.set(key, c);
  }
  return changed;
}

/**
 * A deleted card's claim, and the digest of the source it quoted, if any: what an Undo of the
 * deletion must bring back, known after a restart too (checkSources).
 */
function deletedCard(card: unknown) {
  const source = rawGet(card, CARD_KEYS.source);
  const claim = stringOrNull(rawGet(card, CARD_KEYS.claim));
  // Who was checking it: told on their next visit from the history alone, whatever their
  // device remembers of the board (client/review/colleagueNotice, deletedWhileAway).
  const assignee = rawGet(card, CARD_KEYS.assignee);
  return {
    claim,
    ...(source != null && { sourceDigest: sourceDigest(source) }),
    ...(assignee != null && { assignee }),
  };
}

/**
 * The evidence ids removed from each card, until they come back. An Undo puts an item back as
 * a new item holding the old id, and the server's doc (gc on) keeps nothing of the removed one
 * to compare it with; ids are never reused, so a known removed id on the same card is that item
 * back. The removals stored before the room loaded come from the stored history (seeded at
 * load), so a restart or an unload of the room between a removal and its Undo changes nothing.
 * Seeded ids that came back since stay known: harmless, as such an item can only be added
 * again after another removal.
 */
type RemovedIds = Map<string, Set<string>>;

function cardEvents(
  cards: Y.Map<AnyMap>,
  removedEvidence: RemovedIds,
  writerOf: WriterOf,
  places: DeletedPlaces | null,
  event: Y.YEvent<Y.AbstractType<unknown>>,
) {
  const out: HistoryDraft[] = [];
  const target = event.target;
  const origin = event.transaction.origin;
  const keys = keysChanged(event);
  if (target === cards) {
    for (const [cardId, change] of keys) {
      if (change.action === 'delete') {
        const data = deletedCard(change.oldValue);
        if (change.oldValue instanceof Y.Map) {
          places?.cardDeleted(cardId, change.oldValue as AnyMap, data.claim, origin);
        }
        out.push({ cardId, type: 'card.deleted', data });
      } else {
        const card = cards.get(cardId);
        // Only an 'add' can be a return: an 'update' replaced a card that was still there.
        const returned = change.action === 'add' && cards._map.get(cardId)?.left != null;
        out.push({
          cardId,
          type: returned ? 'card.restored' : 'card.created',
          data: {
            claim: stringOrNull(rawGet(card, CARD_KEYS.claim)),
            column: columnOf(rawGet(card, CARD_KEYS.pos)) ?? 'unverified',
          },
        });
      }
    }
    return out;
  }
  if (parentOf(target) === cards) {
    const cardId = keyOf(target) as string;
    const crossed = crossedKeys(event, keys, RECORDED);
    for (const [key, change] of keys) {
      const now = valueAfter(target, key, change);
      if (key === CARD_KEYS.pos) {
        const from = columnOf(change.oldValue);
        const to = columnOf(now);
        const data = { from, to, ...crossing(crossed, key) };
        if (from !== to) out.push({ cardId, type: 'card.moved', data });
      } else if (key === CARD_KEYS.verdict) {
        out.push({
          cardId,
          type: 'verdict.set',
          data: { verdict: now ?? null, from: change.oldValue ?? null, ...crossing(crossed, key) },
        });
      } else if (key === CARD_KEYS.assignee) {
        const data = { assignee: now ?? null, ...crossing(crossed, key) };
        out.push({ cardId, type: 'card.assigned', data });
      }
    }
    const edited = [...keys.keys()].filter((key) => EDITABLE.includes(key));
    if (edited.length > 0) {
      const data = { fields: edited.sort(), ...textChanges(target, keys, EDITABLE) };
      const edits = crossed.filter((key) => EDITABLE.includes(key));
      out.push({ cardId, type: 'card.edited', data: { ...data, ...crossedFields(edits) } });
    }
    out.push(...overridden(event, RECORDED, writerOf, cardId));
    out.push(...replaced(event, keys, RECORDED, writerOf, cardId));
    return out;
  }
  // The evidence list of a card, or one evidence item in it.
  const list = target instanceof Y.Array ? target : parentOf(target);
  if (!(list instanceof Y.Array) || keyOf(list) !== CARD_KEYS.evidence) return out;
  const card = parentOf(list);
  if (!(card instanceof Y.Map) || parentOf(card) !== cards) return out;
  const cardId = keyOf(card) as string;
  if (target === list) {
    const removed = removedEvidence.get(cardId) ?? new Set<string>();
    // Removals first: an item removed and put back in one change (offline, say) reads in order.
    for (const item of event.changes.deleted) {
      const ev = item.content.getContent()[0];
      const evidenceId = stringOrNull(rawGet(ev, EVIDENCE_KEYS.id));
      if (evidenceId !== null) removed.add(evidenceId);
      if (ev instanceof Y.Map) {
        const claim = stringOrNull(rawGet(card, CARD_KEYS.claim));
        places?.evidenceRemoved(cardId, ev as AnyMap, claim, origin);
      }
      // The item is gone from the board: the history keeps what it was.
      out.push({
        cardId,
        type: 'evidence.removed',
        data: {
          evidenceId,
          url: stringOrNull(rawGet(ev, EVIDENCE_KEYS.url)),
          stance: stringOrNull(rawGet(ev, EVIDENCE_KEYS.stance)),
          quote: stringOrNull(rawGet(ev, EVIDENCE_KEYS.quote)),
        },
      });
    }
    for (const item of event.changes.added) {
      const ev = item.content.getContent()[0];
      const evidenceId = stringOrNull(rawGet(ev, EVIDENCE_KEYS.id));
      const returned = evidenceId !== null && removed.delete(evidenceId);
      out.push({
        cardId,
        type: returned ? 'evidence.restored' : 'evidence.added',
        data: {
          evidenceId,
          stance: stringOrNull(rawGet(ev, EVIDENCE_KEYS.stance)),
          url: stringOrNull(rawGet(ev, EVIDENCE_KEYS.url)),
        },
      });
    }
    if (removed.size > 0) removedEvidence.set(cardId, removed);
    else removedEvidence.delete(cardId);
  } else {
    const evidenceId = stringOrNull(rawGet(target, EVIDENCE_KEYS.id));
    // An item whose every new value lost (overridden) changed nothing to record as an edit.
    if (keys.size > 0) {
      out.push({
        cardId,
        type: 'evidence.edited',
        data: {
          evidenceId,
          fields: [...keys.keys()].sort(),
          ...textChanges(target, keys, EVIDENCE_EDITABLE),
          ...crossedFields(crossedKeys(event, keys, EVIDENCE_EDITABLE)),
        },
      });
    }
    out.push(...overridden(event, EVIDENCE_EDITABLE, writerOf, cardId, evidenceId));
    out.push(...replaced(event, keys, EVIDENCE_EDITABLE, writerOf, cardId, evidenceId));
  }
  return out;
}

function commentEvents(comments: Y.Map<AnyMap>, event: Y.YEvent<Y.AbstractType<unknown>>) {
  const out: HistoryDraft[] = [];
  const target = event.target;
  const keys = keysChanged(event);
  const describe = (comment: unknown, commentId: string) => ({
    commentId,
    cardId: stringOrNull(rawGet(comment, COMMENT_KEYS.cardId)),
  });
  if (target === comments) {
    for (const [commentId, change] of keys) {
      const comment = change.action === 'delete' ? change.oldValue : comments.get(commentId);
      const d = describe(comment, commentId);
      const parentId = stringOrNull(rawGet(comment, COMMENT_KEYS.parentId));
      // What was said goes with the post, so the trail reads on its own: a comment that
      // leaves the map (its post undone) keeps its words here only.
      const said = stringOrNull(rawGet(comment, COMMENT_KEYS.text));
      const type = change.action === 'delete' ? 'comment.deleted' : 'comment.posted';
      out.push({ cardId: d.cardId, type, data: { commentId, parentId, text: said } });
    }
    return out;
  }
  if (parentOf(target) !== comments) return out;
  const d = describe(target, keyOf(target) as string);
  const data = { commentId: d.commentId };
  // A lead's redaction (redactComment) records who and when, never the words: the deletion it
  // makes, if any, is no event of its own, as it would carry them.
  if (keys.has(COMMENT_REDACTED_KEY) && rawGet(target, COMMENT_REDACTED_KEY) != null) {
    out.push({ cardId: d.cardId, type: 'comment.redacted', data });
    return out;
  }
  const textChange = keys.get(COMMENT_KEYS.text);
  const deletion = keys.get(COMMENT_KEYS.deletedAt);
  const deleted = rawGet(target, COMMENT_KEYS.deletedAt) != null;
  // A tombstone stamped again (a raw client's; deleteComment writes none, B15) is no event.
  if (deletion && deleted && deletion.oldValue == null) {
    // The tombstone clears the text in the same change: the words are its old value.
    const said = textChange ? textChange.oldValue : rawGet(target, COMMENT_KEYS.text);
    out.push({
      cardId: d.cardId,
      type: 'comment.deleted',
      data: { ...data, text: stringOrNull(said) },
    });
  } else if (deletion && !deleted && deletion.oldValue != null) {
    // The tombstone lifted (its author's Undo of the deletion): the words come back with it.
    const said = stringOrNull(rawGet(target, COMMENT_KEYS.text));
    out.push({ cardId: d.cardId, type: 'comment.restored', data: { ...data, text: said } });
  } else if (textChange && !deleted) {
    // Not an edit of a deleted comment: its author's other tab, which had not seen the
    // deletion, may save one, whose text the merge can keep beside the deletion. The comment
    // reads as deleted all the same (readComment), and the trail keeps words it was deleted
    // over, not those.
    const edit = {
      text: stringOrNull(rawGet(target, COMMENT_KEYS.text)),
      was: stringOrNull(textChange.oldValue),
    };
    out.push({ cardId: d.cardId, type: 'comment.edited', data: { ...data, ...edit } });
  }
  if (keys.has(COMMENT_KEYS.resolved)) {
    const resolved = rawGet(target, COMMENT_KEYS.resolved) === true;
    out.push({ cardId: d.cardId, type: resolved ? 'comment.resolved' : 'comment.reopened', data });
  }
  return out;
}

const articleOf = (card: unknown): unknown =>
  (rawGet(card, CARD_KEYS.source) as { articleId?: unknown } | null | undefined)?.articleId;

/**
 * An article taken off the board (removeArticle), with what became of its cards: those deleted
 * in the same change, those that stay anchored to it (someone worked on them), and those the
 * change anchored in another article that has their sentence.
 */
function articleRemoved(
  articleId: string,
  article: unknown,
  articles: Y.Map<AnyMap>,
  cards: Y.Map<AnyMap>,
  tr: Y.Transaction,
): HistoryDraft {
  let removed = 0;
  // Yjs types `changed` by a base type that its own Y.Map does not match; the key is the map.
  const changed = tr.changed.get(cards as unknown as Y.AbstractType<Y.YEvent<AnyMap>>);
  for (const cardId of changed ?? []) {
    // A card deleted in this change: its map's last item, deleted, still holds its content.
    const content = cardId === null || cards.has(cardId) ? null : cards._map.get(cardId)?.content;
    const card = content instanceof Y.ContentType ? content.type : null;
    if (card && articleOf(card) === articleId) removed++;
  }
  let kept = 0;
  let moved = 0;
  const movedTo = new Map<string, string | null>();
  cards.forEach((card) => {
    const now = articleOf(card);
    if (now === articleId) kept++;
    if (now === articleId || typeof now !== 'string') return;
    // Anchored elsewhere by this change: its source written in it over one naming the article
    // (the value before, deleted in this change, keeps its content until GC: rawValues).
    if (!tr.changed.get(card as unknown as Y.AbstractType<Y.YEvent<AnyMap>>)?.has(CARD_KEYS.source))
      return;
    const before = card._map.get(CARD_KEYS.source)?.left;
    const was = before ? (valueOf(before) as { articleId?: unknown } | null) : null;
    if (was?.articleId !== articleId) return;
    moved++;
    movedTo.set(now, stringOrNull(rawGet(articles.get(now), ARTICLE_KEYS.title)));
  });
  return {
    cardId: null,
    type: 'article.removed',
    data: {
      articleId,
      title: stringOrNull(rawGet(article, ARTICLE_KEYS.title)),
      url: stringOrNull(rawGet(article, ARTICLE_KEYS.url)),
      removed,
      kept,
      moved,
      movedTo: [...movedTo].map(([id, title]) => ({ articleId: id, title })),
      // What its Undo must bring back, known after a restart too (HistoryDigests).
      textDigest: textDigest(stringOrNull(rawGet(article, ARTICLE_KEYS.text)) ?? ''),
      articleDigest: articleDigest((key) => rawGet(article, key)),
    },
  };
}

/** Whether two article maps hold the same fields (articleDigest). */
const sameArticle = (a: unknown, b: unknown): boolean =>
  articleDigest((key) => rawGet(a, key)) === articleDigest((key) => rawGet(b, key));

function articleEvents(
  articles: Y.Map<AnyMap>,
  cards: Y.Map<AnyMap>,
  event: Y.YEvent<Y.AbstractType<unknown>>,
) {
  const out: HistoryDraft[] = [];
  const target = event.target;
  if (target instanceof Y.Map && target.parent === articles) {
    // An article's link, given after its import (setArticleUrl).
    const url = keysChanged(event).get(ARTICLE_KEYS.url);
    if (url && url.action !== 'delete') {
      out.push({
        cardId: null,
        type: 'article.linked',
        data: {
          articleId: target._item?.parentSub ?? null,
          title: stringOrNull(target.get(ARTICLE_KEYS.title)),
          url: stringOrNull(target.get(ARTICLE_KEYS.url)),
        },
      });
    }
    // Its publication day, set, changed or cleared (setArticlePublished).
    const day = keysChanged(event).get(ARTICLE_KEYS.published);
    const was = day?.action === 'add' ? null : stringOrNull(day?.oldValue);
    const published = stringOrNull(target.get(ARTICLE_KEYS.published));
    if (day && was !== published) {
      out.push({
        cardId: null,
        type: 'article.dated',
        data: {
          articleId: target._item?.parentSub ?? null,
          title: stringOrNull(target.get(ARTICLE_KEYS.title)),
          published,
          was,
        },
      });
    }
    return out;
  }
  if (target !== articles) return out;
  for (const [articleId, change] of event.changes.keys as Map<string, KeyChange>) {
    if (change.action === 'delete') {
      out.push(articleRemoved(articleId, change.oldValue, articles, cards, event.transaction));
      continue;
    }
    // Put in place of itself, every field as it was: a removal and its Undo sent as one
    // update (offline), or a page writing the article back as it is, which the write policy
    // takes since it cannot tell the two apart. The board is as it was, and Activity says
    // nothing (it said "added" in the writer's name, once per write: QA21 F4).
    if (change.action === 'update' && sameArticle(change.oldValue, articles.get(articleId))) {
      continue;
    }
    // Under the id of one removed before: an Undo of that removal puts it back, where an
    // import of the same words (the server's own change) adds it anew.
    const back =
      change.action === 'add' &&
      articles._map.get(articleId)?.left != null &&
      !(event.transaction.origin instanceof ServerChange);
    out.push({
      cardId: null,
      type: back ? 'article.restored' : 'article.added',
      data: { articleId, title: stringOrNull(rawGet(articles.get(articleId), 'title')) },
    });
  }
  return out;
}

/** A board rename; the first title (board creation) is not an event. */
function titleEvents(meta: Y.Map<unknown>, event: Y.YEvent<Y.AbstractType<unknown>>) {
  const out: HistoryDraft[] = [];
  if (event.target !== meta) return out;
  const change = keysChanged(event).get(META_KEYS.title);
  if (change?.action === 'update') {
    out.push({
      cardId: null,
      type: 'board.renamed',
      data: { title: stringOrNull(meta.get(META_KEYS.title)), from: stringOrNull(change.oldValue) },
    });
  }
  return out;
}

/**
 * Rating-scale changes (diffScales), against the scale after the previous transaction that
 * touched it (a scale is many entries since layout version 2). The first scale a board gets
 * (creation, or the load of a stored board) is not an event, and neither is a change that
 * moves no label, value, column or range (a migration, a reorder).
 */
function scaleChanges(doc: Y.Doc) {
  let scale = storedScale(doc);
  return (events: Y.YEvent<Y.AbstractType<unknown>>[]): HistoryDraft[] => {
    const touched = events.some(
      (e) =>
        e.path[0] === META_KEYS.scale ||
        (e.path.length === 0 &&
          (e.changes.keys.has(META_KEYS.scale) || e.changes.keys.has(META_KEYS.ratingScale))),
    );
    if (!touched) return [];
    const before = scale;
    scale = storedScale(doc);
    const change = before && scale && diffScales(before, scale);
    return change ? [{ cardId: null, type: 'scale.changed', data: { ...change } }] : [];
  };
}

/**
 * Calls `onEvents` after each transaction that produced events, with the transaction's origin.
 * `removedBefore` is the evidence the stored history records as removed (listRemovedEvidence);
 * `writerOf` names whose write a write.overridden kept; `places` is told what each deleted card
 * and removed evidence item held, for the writes they lose (write.lost). Returns a function
 * that stops observing.
 */
export function observeHistory(
  doc: Y.Doc,
  onEvents: (events: HistoryDraft[], origin: unknown) => void,
  removedBefore: readonly RemovedEvidence[] = [],
  writerOf: WriterOf = () => null,
  places: DeletedPlaces | null = null,
): () => void {
  const cards = cardsMap(doc);
  const comments = commentsMap(doc);
  const articles = articlesMap(doc);
  const meta = metaMap(doc);
  const on =
    (derive: (event: Y.YEvent<Y.AbstractType<unknown>>) => HistoryDraft[]) =>
    (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
      const drafts = events.flatMap(derive);
      if (drafts.length > 0) onEvents(drafts, tr.origin);
    };
  const removedEvidence: RemovedIds = new Map();
  for (const { cardId, evidenceId } of removedBefore) {
    const ids = removedEvidence.get(cardId) ?? new Set<string>();
    removedEvidence.set(cardId, ids.add(evidenceId));
  }
  const onCards = on((e) => cardEvents(cards, removedEvidence, writerOf, places, e));
  const onComments = on((e) => commentEvents(comments, e));
  const onArticles = on((e) => articleEvents(articles, cards, e));
  const scaleEvents = scaleChanges(doc);
  const onMeta = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
    const drafts = [...events.flatMap((e) => titleEvents(meta, e)), ...scaleEvents(events)];
    if (drafts.length > 0) onEvents(drafts, tr.origin);
  };
  cards.observeDeep(onCards);
  comments.observeDeep(onComments);
  articles.observeDeep(onArticles);
  meta.observeDeep(onMeta);
  return () => {
    cards.unobserveDeep(onCards);
    comments.unobserveDeep(onComments);
    articles.unobserveDeep(onArticles);
    meta.unobserveDeep(onMeta);
  };
}
