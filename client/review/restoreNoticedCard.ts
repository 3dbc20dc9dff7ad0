/**
 * "Restore card" on a notice that a colleague deleted a card the person was checking: puts the
 * card back as it was before its deletion (restoreCard, the server's), and gives the words that
 * say what came of it: where the card is back, that a colleague restored it first, or why it
 * could not be. The card itself arrives through sync like any other change.
 */
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { restoreCard, restoreRefusal } from '../history/restoreCard';
import { quoted } from '../ui/quoted';

export async function restoreNoticedCard(
  access: { readonly id: string; readonly token: string },
  cardId: string,
): Promise<string> {
  try {
    const card = await restoreCard(access.id, access.token, cardId);
    return `${quoted(card.claim, 60)} is restored to ${COLUMN_LABELS[card.column]}`;
  } catch (err) {
    return restoreRefusal(err) ?? 'A colleague has restored this card already.';
  }
}
