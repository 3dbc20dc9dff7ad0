/**
 * This person's work that went with a card a colleague deleted, as the lost-edit notices under
 * the board's header give it (LostEdits), with "Restore the card": what the card's dialog, open
 * as the card went, points to, and where focus goes when it closes. A comment posted on the
 * card is not among them: it is kept, and comes back with the card.
 */
import type { LostEditNotice } from '../sync/LostEditNotices';
import { POSTED_COMMENT } from '../sync/lostWork';

export const lostWithCard = (
  notices: readonly LostEditNotice[],
  cardId: string,
): readonly LostEditNotice[] =>
  notices.filter((n) => 'cardDeleted' in n && n.cardId === cardId && n.field !== POSTED_COMMENT);

/**
 * What the dialog of the deleted card says of those notices (`count` of them): where they are,
 * and how the card comes back when this person may restore it. Null when there are none.
 */
export function lostWithCardPointer(count: number, canRestore: boolean): string | null {
  if (count === 0) return null;
  const listed =
    count === 1
      ? 'Your change to it that the board did not keep is listed'
      : 'Your changes to it that the board did not keep are listed';
  return `${listed} on the board, under its header${canRestore ? ', with Restore the card' : ''}.`;
}

/** The first of those notices on the page, to focus as the dialog closes (LostEdits marks it). */
export const lostWithCardNotice = (cardId: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`.lost-edits li[data-lost-card="${CSS.escape(cardId)}"]`);
