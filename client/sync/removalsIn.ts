/**
 * The cards, evidence items and comments a change of this browser's removed from the board. A
 * delete
 * writes no Yjs item, so nothing else can tell it afterwards: should the server refuse the
 * change, the "Not saved" list names these (unsavedWork), kept until then with the save record
 * (SaveTracker). Read from the transaction as it ends, while what it deleted still has its
 * content.
 */
import * as Y from 'yjs';
import { CARD_KEYS, cardsMap, COMMENT_KEYS, commentsMap, EVIDENCE_KEYS } from '../../shared/board';
import { clip } from '../ui/clip';
import { typeIn } from '../../shared/board/typeIn';
import { deletedText } from './deletedContent';
import { quoted } from '../ui/quoted';

/** As much of a claim or a quoted passage as the "Not saved" list quotes. */
const QUOTE_CHARS = 60;

/** A card, evidence item or comment removed, as plain data small enough for localStorage. */
export interface Removal {
  readonly cardId: string;
  /** The evidence item removed; null when the card or a comment was. */
  readonly evidenceId: string | null;
  /** The comment deleted (its text cleared, as deleteComment does); absent otherwise. */
  readonly commentId?: string;
  /** The card's claim, as long as the list quotes it. */
  readonly claim: string;
  /**
   * Which evidence item: its URL and the start of its quoted passage; which comment: the start
   * of its text; null for a card.
   */
  readonly text: string | null;
  /** The removed item's Yjs id: one that this browser wrote and never saved was never there. */
  readonly client: number;
  readonly clock: number;
}

export function isRemoval(value: unknown): value is Removal {
  const r = value as Partial<Removal> | null;
  return (
    typeof r?.cardId === 'string' &&
    (r.evidenceId === null || typeof r.evidenceId === 'string') &&
    (r.commentId === undefined || typeof r.commentId === 'string') &&
    typeof r.claim === 'string' &&
    (r.text === null || typeof r.text === 'string') &&
    Number.isInteger(r.client) &&
    Number.isInteger(r.clock)
  );
}

/** The comment whose text a deleted item held, when the comment is deleted now. */
function deletedComment(item: Y.Item, cards: Y.Map<unknown>, comments: Y.Map<unknown>) {
  const comment = item.parent instanceof Y.Map ? item.parent : null;
  const id = comment?._item?.parent === comments ? comment._item.parentSub : null;
  if (!comment || id === null || item.parentSub !== COMMENT_KEYS.text) return null;
  // Text replaced by an edit is told by unsavedWork, from the comment as it is.
  if (typeof comment.get(COMMENT_KEYS.deletedAt) !== 'number') return null;
  const cardId = comment.get(COMMENT_KEYS.cardId);
  const text: unknown = item.content instanceof Y.ContentAny ? item.content.arr[0] : null;
  if (typeof cardId !== 'string' || typeof text !== 'string') return null;
  const card = cards.get(cardId);
  const claim = card instanceof Y.Map ? card.get(CARD_KEYS.claim) : null;
  return {
    cardId,
    evidenceId: null,
    commentId: id,
    claim: clip(typeof claim === 'string' ? claim : '', QUOTE_CHARS),
    text: clip(text, QUOTE_CHARS),
    client: item.id.client,
    clock: item.id.clock,
  };
}

/** What a deleted item removed from the board: a card, an evidence item, a comment's text. */
function removalOf(item: Y.Item, cards: Y.Map<unknown>, comments: Y.Map<unknown>): Removal | null {
  const { client, clock } = item.id;
  const type = typeIn(item);
  const key = item.parentSub;
  const comment = deletedComment(item, cards, comments);
  if (comment) return comment;
  if (item.parent === cards && key !== null) {
    // A card set over another under its id (a restore) removes nothing.
    if (cards.has(key) || !type) return null;
    const claim = clip(deletedText(type, CARD_KEYS.claim) ?? '', QUOTE_CHARS);
    return { cardId: key, evidenceId: null, claim, text: null, client, clock };
  }
  const list = item.parent instanceof Y.Array ? item.parent : null;
  const card = list?._item?.parentSub === CARD_KEYS.evidence ? list._item.parent : null;
  const holder = card instanceof Y.Map ? card._item : null;
  // Evidence of a card removed in the same change goes with the card, and is told with it.
  if (!holder || holder.parent !== cards || holder.deleted || holder.parentSub === null) {
    return null;
  }
  const evidenceId = deletedText(type, EVIDENCE_KEYS.id);
  if (evidenceId === null) return null;
  const quote = deletedText(type, EVIDENCE_KEYS.quote);
  const text = [deletedText(type, EVIDENCE_KEYS.url), quote && quoted(quote, QUOTE_CHARS)].filter(
    Boolean,
  );
  return {
    cardId: holder.parentSub,
    evidenceId,
    claim: clip(deletedText(typeIn(holder), CARD_KEYS.claim) ?? '', QUOTE_CHARS),
    text: text.join('\n'),
    client,
    clock,
  };
}

/**
 * The cards, evidence items and comments a local transaction removed: call from its
 * 'afterTransaction', while their content is still there. What the same change made and
 * removed is not counted.
 */
export function removalsIn(transaction: Y.Transaction, doc: Y.Doc): Removal[] {
  const cards = cardsMap(doc) as Y.Map<unknown>;
  const comments = commentsMap(doc) as Y.Map<unknown>;
  const out: Removal[] = [];
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item)) return;
    if (struct.id.clock >= (transaction.beforeState.get(struct.id.client) ?? 0)) return;
    const removal = removalOf(struct, cards, comments);
    if (removal) out.push(removal);
  });
  return out;
}
