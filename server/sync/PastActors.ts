/**
 * Who created, last updated, added or was checking what a board's doc no longer holds: the
 * actor values of cards, evidence items and articles that writes deleted or replaced; and the
 * text of each deleted article and the source of each deleted card (checkSources). The
 * write policy lets a write put such a name back where it was (an Undo does: of a move, the
 * colleague who had moved the card before, over the writer's own name; of a deletion, the
 * card's creator, updater, checker and the adders of its evidence; of an assignment, the
 * card's checker before) and nobody else's.
 *
 * Why the policy keeps this itself: the room's doc collects garbage, so Yjs drops a deleted or
 * replaced value's content as soon as it is gone, and the server could not tell an Undo from a
 * forgery by the doc alone. Remembering begins with the first write the policy judges on a doc
 * and ends with it (a room's doc lives as long as the room): a room loaded again has forgotten
 * what was deleted or replaced before, and `predates` says which parts of the doc those are.
 */
import * as Y from 'yjs';
import { ARTICLE_KEYS, CARD_KEYS, EVIDENCE_KEYS, ROOT } from '../../shared/board/schema';
import { articleDigest } from '../articles/articleDigest';
import { ActorSet } from './ActorSet';
import { valueOf } from './actorValues';
import type { DeletedItem } from './analyzeUpdate';

interface CardPast {
  /** Its creator and last updater when the card was deleted (or replaced under its id). */
  readonly createdBy: ActorSet;
  readonly updatedBy: ActorSet;
  /** Who was checking it: when it was deleted, and each checker a write replaced or cleared. */
  readonly assignee: ActorSet;
  /** The updatedBy values each writer's writes replaced or deleted, by the writer's id. */
  readonly overwritten: Map<string, ActorSet>;
  /** The latest updatedBy values replaced (REPLACED_KEPT), by their items' ids (idKey). */
  readonly replaced: Map<string, unknown>;
  /** The adder of each evidence item the card lost (with it or alone), by evidence id. */
  readonly addedBy: Map<string, ActorSet>;
}

export type CardActorField =
  typeof CARD_KEYS.createdBy | typeof CARD_KEYS.updatedBy | typeof CARD_KEYS.assignee;

/**
 * How many replaced updatedBy values a card keeps by item (replacedHeld). What counts is not the
 * writer's own changes but every write of the card that crossed theirs while it was on its way:
 * each replaced one more, and a colleague's burst (QA's: 30 changes in 3 s) had pushed out the
 * name a crossed Undo writes back at 16, refused as forged. At most about 50 KB a card
 * (measured: 47 KB for 256 names), and only for a card written this often while the room is open.
 */
const REPLACED_KEPT = 256;
const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;
const mapOf = (item: Y.Item): Y.Map<unknown> | null =>
  item.content instanceof Y.ContentType && item.content.type instanceof Y.Map
    ? (item.content.type as Y.Map<unknown>)
    : null;

export class PastActors {
  /** The doc's state vector when remembering began. */
  private readonly since: Map<number, number>;
  private readonly cards = new Map<string, CardPast>();
  private readonly articles = new Map<string, ActorSet>();
  /** Cards and articles seen deleted (or replaced under their id), by id. */
  private readonly deletedCards = new Set<string>();
  private readonly deletedArticles = new Set<string>();
  /** The items of the evidence seen removed from a card's list ("client:clock"). */
  private readonly removedEvidence = new Set<string>();
  /** The text each article had when it was seen deleted, by id (checkSources). */
  private readonly articleTexts = new Map<string, string>();
  /** The articleDigest of each article when it was last seen deleted, by id (checkSources). */
  private readonly articleDigests = new Map<string, string>();
  /** The source each card had when it was seen deleted, by id (checkSources). */
  private readonly cardSources = new Map<string, unknown>();

  constructor(doc: Y.Doc) {
    this.since = Y.decodeStateVector(Y.encodeStateVector(doc));
  }

  /**
   * Remembers what an update by `writerId` deletes or replaces, read from the doc before it is
   * applied.
   */
  record(writerId: string, deletes: readonly DeletedItem[]): void {
    for (const { item, where } of deletes) {
      if (where.root === ROOT.cards) {
        if (where.depth === 0 && where.key !== null) this.recordCard(where.key, item);
        const cardId = where.top?.parentSub;
        if (!cardId) continue;
        if (where.depth === 1) this.recordCardField(cardId, writerId, where.key, item);
        else if (where.depth === 2 && where.key === null) {
          this.recordEvidence(this.card(cardId), item);
          this.removedEvidence.add(idKey(item.id));
        }
      } else if (where.root === ROOT.articles && where.depth === 0 && where.key !== null) {
        const article = mapOf(item);
        this.article(where.key).add(article?.get(ARTICLE_KEYS.createdBy));
        this.deletedArticles.add(where.key);
        const text = article?.get(ARTICLE_KEYS.text);
        if (typeof text === 'string') this.articleTexts.set(where.key, text);
        if (article) {
          this.articleDigests.set(
            where.key,
            articleDigest((k) => article.get(k)),
          );
        }
      }
    }
  }

  /**
   * Whether this card's createdBy or updatedBy held this actor when it was deleted; its
   * assignee, then or before a write replaced it.
   */
  cardHad(cardId: string, field: CardActorField, value: unknown): boolean {
    return this.cards.get(cardId)?.[field].has(value) ?? false;
  }

  /** Whether a write of this writer's replaced (or deleted) this updatedBy on this card. */
  overwrote(cardId: string, writerId: string, value: unknown): boolean {
    return this.cards.get(cardId)?.overwritten.get(writerId)?.has(value) ?? false;
  }

  /**
   * Whether the card's updatedBy that the item `id` held, replaced since, was this actor: what
   * a writer's change written over that item replaced on their page, whoever's write replaced
   * it on the server first.
   */
  replacedHeld(cardId: string, id: Y.ID, value: unknown): boolean {
    const held = new ActorSet();
    held.add(this.cards.get(cardId)?.replaced.get(idKey(id)));
    return held.has(value);
  }

  /** Whether an evidence item of this id, added by this actor, left this card. */
  evidenceHad(cardId: string, evidenceId: string, value: unknown): boolean {
    return this.cards.get(cardId)?.addedBy.get(evidenceId)?.has(value) ?? false;
  }

  articleHad(articleId: string, value: unknown): boolean {
    return this.articles.get(articleId)?.has(value) ?? false;
  }

  /** The text this article had when it was seen deleted, if it was. */
  articleText(articleId: string): string | undefined {
    return this.articleTexts.get(articleId);
  }

  /** The articleDigest of this article when it was last seen deleted, if it was. */
  lastArticleDigest(articleId: string): string | undefined {
    return this.articleDigests.get(articleId);
  }

  /** The source this card had when it was seen deleted (undefined if it was not). */
  cardSource(cardId: string): unknown {
    return this.cardSources.get(cardId);
  }

  sawCardDeleted(cardId: string): boolean {
    return this.deletedCards.has(cardId);
  }

  sawArticleDeleted(articleId: string): boolean {
    return this.deletedArticles.has(articleId);
  }

  sawEvidenceRemoved(id: Y.ID): boolean {
    return this.removedEvidence.has(idKey(id));
  }

  /** Whether the doc held this struct before remembering began. */
  predates(id: Y.ID): boolean {
    return id.clock < (this.since.get(id.client) ?? 0);
  }

  private recordCard(cardId: string, item: Y.Item): void {
    const card = mapOf(item);
    if (!card) return;
    this.deletedCards.add(cardId);
    this.cardSources.set(cardId, card.get(CARD_KEYS.source));
    const past = this.card(cardId);
    past.createdBy.add(card.get(CARD_KEYS.createdBy));
    past.updatedBy.add(card.get(CARD_KEYS.updatedBy));
    past.assignee.add(card.get(CARD_KEYS.assignee));
    const evidence = card.get(CARD_KEYS.evidence);
    if (evidence instanceof Y.Array) this.recordEvidenceList(past, evidence);
  }

  private recordCardField(cardId: string, writerId: string, key: string | null, item: Y.Item) {
    if (key === CARD_KEYS.updatedBy) {
      const past = this.card(cardId);
      const values = past.overwritten.get(writerId) ?? new ActorSet();
      past.overwritten.set(writerId, values);
      values.add(valueOf(item));
      past.replaced.set(idKey(item.id), valueOf(item));
      const oldest = past.replaced.keys().next().value;
      if (past.replaced.size > REPLACED_KEPT && oldest !== undefined) past.replaced.delete(oldest);
    } else if (key === CARD_KEYS.assignee) {
      this.card(cardId).assignee.add(valueOf(item));
    } else if (key === CARD_KEYS.evidence && item.content instanceof Y.ContentType) {
      const list = item.content.type;
      if (list instanceof Y.Array) this.recordEvidenceList(this.card(cardId), list);
    }
  }

  private recordEvidenceList(past: CardPast, list: Y.Array<unknown>): void {
    for (let item = list._start; item !== null; item = item.right) {
      if (!item.deleted) this.recordEvidence(past, item);
    }
  }

  private recordEvidence(past: CardPast, item: Y.Item): void {
    const evidence = mapOf(item);
    const id = evidence?.get(EVIDENCE_KEYS.id);
    if (!evidence || typeof id !== 'string') return;
    const adders = past.addedBy.get(id) ?? new ActorSet();
    past.addedBy.set(id, adders);
    adders.add(evidence.get(EVIDENCE_KEYS.addedBy));
  }

  private card(cardId: string): CardPast {
    let past = this.cards.get(cardId);
    if (!past) {
      past = {
        createdBy: new ActorSet(),
        updatedBy: new ActorSet(),
        assignee: new ActorSet(),
        overwritten: new Map(),
        replaced: new Map(),
        addedBy: new Map(),
      };
      this.cards.set(cardId, past);
    }
    return past;
  }

  private article(articleId: string): ActorSet {
    let past = this.articles.get(articleId);
    if (!past) {
      past = new ActorSet();
      this.articles.set(articleId, past);
    }
    return past;
  }
}

const pasts = new WeakMap<Y.Doc, PastActors>();

/** The doc's memory, begun now if the policy has not judged a write on this doc before. */
export function pastActorsOf(doc: Y.Doc): PastActors {
  let past = pasts.get(doc);
  if (!past) {
    past = new PastActors(doc);
    pasts.set(doc, past);
  }
  return past;
}
