/**
 * The cards people deleted from a board, by the key of their claim (sentenceKey), so that an
 * import does not propose them again (importArticle: `deletedBefore`).
 *
 * Why not propose them again: a newsroom deletes a proposed card on purpose (not checkable, a
 * duplicate in other words, out of scope). When the corrected version of the story comes in,
 * the same sentence coming back as a fresh card in Unverified undoes that decision silently, and
 * the desk triages it a second time without knowing it already did. So the import leaves it out
 * and names it in its answer; whoever wants it back restores the card (POST
 * …/cards/:cardId/restore), with its evidence, verdict and comments, instead of a blank copy.
 *
 * Cards deleted with their article (Remove article…, a wrong paste taken back) do not count:
 * that removal says the paste was wrong, not that its claims are not worth checking, so the
 * right version proposes them again. They are told apart by their change: every event of one
 * change carries its time and actor, and a removal records `article.removed` beside its
 * `card.deleted` events. A card restored since its last deletion is on the board again.
 *
 * The live doc no longer holds a deleted card (Yjs drops its content), so the claim comes from
 * the history: as proposed (`card.created`) and as it was when deleted (`card.deleted`), since
 * a person may have reworded it in between.
 */
import type { HistoryEvent } from '../storage/Storage';
import { sentenceKey } from './importArticle';

export interface DeletedCard {
  readonly cardId: string;
  /** The claim as the card had it when it was deleted. */
  readonly claim: string;
}

const claimOf = (event: HistoryEvent): string | null =>
  typeof event.data.claim === 'string' ? event.data.claim : null;

const changeOf = (event: HistoryEvent) => `${event.at}\u0000${event.actor.id}`;

export function deletedCardsByClaim(
  events: readonly HistoryEvent[],
): ReadonlyMap<string, DeletedCard> {
  const removals = new Set(
    events.filter((e) => e.type === 'article.removed').map((e) => changeOf(e)),
  );
  const proposed = new Map<string, string>();
  const deleted = new Map<string, DeletedCard>();
  for (const event of events) {
    const { cardId } = event;
    if (cardId === null) continue;
    const claim = claimOf(event);
    if (event.type === 'card.created' && claim !== null && !proposed.has(cardId)) {
      proposed.set(cardId, claim);
    } else if (event.type === 'card.deleted' && claim !== null && !removals.has(changeOf(event))) {
      deleted.set(cardId, { cardId, claim });
    } else if (event.type === 'card.deleted' || event.type === 'card.restored') {
      deleted.delete(cardId);
    }
  }
  const byClaim = new Map<string, DeletedCard>();
  for (const card of deleted.values()) {
    byClaim.set(sentenceKey(card.claim), card);
    const first = proposed.get(card.cardId);
    if (first !== undefined) byClaim.set(sentenceKey(first), card);
  }
  return byClaim;
}
