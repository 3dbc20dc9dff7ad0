/**
 * What others have done since on the cards or evidence items a step added (a new card, an
 * import's, a restored one, a new source): undoing the step takes each off the board whole, and
 * with it a rationale, a verdict, a stance, evidence or a comment a colleague wrote on it
 * meanwhile, which the Undo never said. BoardUndo drops such a step instead (the card or item
 * stays; Delete, or Remove, takes it off, keeping a card's comments for a restore, and can
 * itself be undone), and says whose work kept it.
 */
import * as Y from 'yjs';
import { type Actor, CARD_KEYS, cardsMap, COMMENT_KEYS, commentsMap } from '../../shared/board';
import {
  type KeptWrite,
  itemsWritten,
  mapValuesWritten,
  STAMPS,
  stampedBy,
  type WhoIs,
  writtenBy,
} from './crossedWrites';
import type { StackItem } from './redactedWords';

/** What a colleague did on an added card, by the KeptWrite key it is told by. */
export const EVIDENCE_WORK = 'evidence';
export const COMMENT_WORK = 'comment';

/**
 * The work on the cards and evidence items the step added, still on the board, that neither the
 * step nor this tab wrote (this tab's own later changes are its own steps, undone before this
 * one): a card's or item's key (`rationale`, `pos`, `stance`…), EVIDENCE_WORK for an evidence
 * item added to or changed on an added card, or COMMENT_WORK for a comment. Each named as
 * keptWrites names a writer.
 */
export function workOnAdded(
  doc: Y.Doc,
  step: StackItem,
  whoIs: WhoIs,
  meId: string | null,
): KeptWrite[] {
  const work: KeptWrite[] = [];
  const theirs = (item: Y.Item) =>
    !item.deleted && item.id.client !== doc.clientID && !Y.isDeleted(step.insertions, item.id);
  const added = new Map<string, Y.Map<unknown>>();
  for (const item of mapValuesWritten(doc, step)) {
    if (item.deleted || item.parent !== cardsMap(doc) || !(item.content instanceof Y.ContentType))
      continue;
    added.set(item.parentSub, item.content.type as Y.Map<unknown>);
  }
  for (const [cardId, card] of added) {
    const by = (item: Y.Item) =>
      writtenBy(item.id.client, whoIs, meId, stampedBy(card, item.id.client));
    for (const [key, item] of card._map) {
      if (!STAMPS.has(key) && theirs(item)) work.push({ cardId, key, ...by(item) });
    }
    const evidence = card.get(CARD_KEYS.evidence);
    if (!(evidence instanceof Y.Array)) continue;
    for (let item = evidence._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      const changed = theirs(item)
        ? item
        : item.content instanceof Y.ContentType
          ? [...(item.content.type as Y.Map<unknown>)._map]
              .filter(([key]) => !STAMPS.has(key))
              .map(([, value]) => value)
              .find(theirs)
          : undefined;
      if (changed) work.push({ cardId, key: EVIDENCE_WORK, ...by(changed) });
    }
  }
  for (const item of itemsWritten(doc, step)) {
    // An evidence item the step added to a card it did not add: its own keys since.
    const list = item.parent instanceof Y.Array ? item.parent : null;
    const card = list?._item?.parent;
    if (item.deleted || item.parentSub !== null || !(item.content instanceof Y.ContentType))
      continue;
    if (list?._item?.parentSub !== CARD_KEYS.evidence || !(card instanceof Y.Map)) continue;
    const cardId = card._item?.parentSub;
    if (typeof cardId !== 'string' || added.has(cardId)) continue;
    for (const [key, value] of (item.content.type as Y.Map<unknown>)._map) {
      if (STAMPS.has(key) || !theirs(value)) continue;
      work.push({
        cardId,
        key,
        ...writtenBy(value.id.client, whoIs, meId, stampedBy(card, value.id.client)),
      });
    }
  }
  if (added.size === 0) return work;
  for (const comment of commentsMap(doc).values()) {
    const item = comment._item;
    const cardId = comment.get(COMMENT_KEYS.cardId);
    if (!item || typeof cardId !== 'string' || !added.has(cardId) || !theirs(item)) continue;
    // A comment its author deleted since (its tombstone) holds nothing to lose.
    if (comment.get(COMMENT_KEYS.deletedAt) != null) continue;
    const author = (comment.get(COMMENT_KEYS.author) as Actor | undefined) ?? null;
    work.push({ cardId, key: COMMENT_WORK, ...writtenBy(item.id.client, whoIs, meId, author) });
  }
  return work;
}
