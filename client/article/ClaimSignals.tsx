/**
 * What the claim extractor said about a card it proposed: its check-worthiness rank among
 * the article's claims, and chips for the numbers, dates and names in it. For the card
 * detail (and anywhere else a card is shown in full); renders nothing for a card a person
 * wrote.
 */
import type { BoardView, CardView } from '../../shared/board/view';
import './article.css';

const CHIP_LABELS: Readonly<Record<string, string>> = {
  number: 'Number',
  money: 'Money',
  percent: 'Percentage',
  date: 'Date',
  time: 'Time',
  duration: 'Duration',
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  name: 'Name',
};

/** How many claims the article proposed: the worst rank among its cards still on the board. */
function proposedFrom(board: BoardView, articleId: string): number {
  let worst = 0;
  for (const card of Object.values(board.cards)) {
    if (card.source?.articleId === articleId && card.extraction)
      worst = Math.max(worst, card.extraction.rank);
  }
  return worst;
}

export function ClaimSignals({ card, board }: { card: CardView; board: BoardView }) {
  const extraction = card.extraction;
  if (!extraction) return null;
  const articleId = card.source?.articleId;
  // A card kept when its article was removed: the others it proposed went with it, so no count
  // of them is worth saying ("Rank 1 of 1" was said of a card whose article had proposed more).
  const removed = articleId !== undefined && !board.articles.some((a) => a.id === articleId);
  const total =
    articleId !== undefined && !removed
      ? Math.max(extraction.rank, proposedFrom(board, articleId))
      : 0;
  const headingId = `signals-${card.id}`;
  return (
    <section className="claim-signals" aria-labelledby={headingId}>
      <h3 id={headingId}>Check-worthiness</h3>
      <p>
        Rank <strong>{extraction.rank}</strong>
        {total > 0 && ` of ${total}`} among the claims proposed from{' '}
        {removed ? 'its article, since removed from the board' : 'this article'} (1 is the most
        worth checking).
      </p>
      {extraction.chips.length > 0 && (
        <ul className="signal-chips" aria-label="Numbers, dates and names in this claim">
          {extraction.chips.map((chip, i) => (
            <li key={`${chip.type}-${chip.text}-${i}`} className={`signal-chip chip-${chip.type}`}>
              <span className="chip-type">{CHIP_LABELS[chip.type] ?? chip.type}:</span> {chip.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
