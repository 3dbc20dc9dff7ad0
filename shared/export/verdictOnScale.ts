import type { BoardView, CardView } from '../board/view';

/**
 * Whether a card's verdict is a label of the board's rating scale now: false for a label a
 * lead removed since it was set (a scale edit never clears a verdict, B11), null for no
 * verdict. ClaimReview leaves such a card out, having no rating for it; the JSON, CSV and
 * Markdown exports keep its verdict and say it is off the scale.
 */
export function verdictOnScale(view: BoardView): (card: CardView) => boolean | null {
  const labels = new Set(view.meta.ratingScale.labels.map((l) => l.label));
  return (card) => (card.verdict === null ? null : labels.has(card.verdict));
}
