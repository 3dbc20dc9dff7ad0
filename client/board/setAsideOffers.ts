/**
 * What the "Not saved" list offers for each refused comment, read against the board as the
 * server has it now: a new comment is posted again only onto a card that is on the board, and
 * an edit is made again only on the person's comment that is still there (QA5 F2, F5). Where
 * neither can be, the list says why in words, and the text stays there to copy.
 */
import type { BoardView } from '../../shared/board';
import { can, type Role } from '../../shared/roles';
import type { UnsavedChange } from '../sync/unsavedWork';

export type SetAsideOffer =
  | { readonly kind: 'post' }
  | { readonly kind: 'edit' }
  | { readonly kind: 'note'; readonly note: string };

/** The offer for each change of `changes` that has one, by its key. */
export function setAsideOffers(
  changes: readonly UnsavedChange[],
  board: BoardView,
  meId: string,
  role: Role,
): ReadonlyMap<string, SetAsideOffer> {
  const offers = new Map<string, SetAsideOffer>();
  if (!can(role, 'comment')) return offers;
  const listed = new Set(changes.map((c) => c.key));
  for (const change of changes) {
    if (change.comment) {
      const { cardId } = change.comment;
      if (board.cards[cardId]) offers.set(change.key, { kind: 'post' });
      else {
        // A card added on this device and refused with it is listed too (unsavedWork's key).
        const why = listed.has(`card:${cardId}`)
          ? 'Its card was not saved either'
          : 'Its card is no longer on the board';
        offers.set(change.key, { kind: 'note', note: `${why}, so it cannot be posted again.` });
      }
    } else if (change.edit) {
      const { commentId } = change.edit;
      const comment = Object.values(board.cards)
        .flatMap((card) => card.comments)
        .find((c) => c.id === commentId);
      if (!comment || comment.deletedAt !== null) {
        offers.set(change.key, { kind: 'note', note: 'That comment is no longer on the board.' });
      } else if (comment.author.id === meId && comment.text !== change.text) {
        offers.set(change.key, { kind: 'edit' });
      }
    }
  }
  return offers;
}
