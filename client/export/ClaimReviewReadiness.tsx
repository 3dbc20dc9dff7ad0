/**
 * Under the ClaimReview choice of the Export dialog: how ready the reviewed cards are to be
 * published, before the lead downloads. The export itself never fails for these (a card without
 * a label is left out, a missing URL gets a placeholder, a speaker's type is guessed, a card
 * kept on a removed article names that article as where its claim appeared, a corroborated
 * card citing only refuting evidence is rated as its column says, a label the scale values out of
 * order is rated by that value), so without this
 * the lead learns of them only by reading the JSON-LD, or from a crawler.
 *
 * Each problem is a disclosure (native details/summary: keyboard and screen readers know it)
 * listing the claims concerned, so the lead knows which cards to finish.
 */
import { useMemo } from 'react';
import type { BoardView, CardView } from '../../shared/board/view';
import { claimReviewReadiness } from '../../shared/export/claimReviewReadiness';
import { plural } from '../ui/plural';
import { unverifiedText } from './unverifiedText';
import { quoted } from '../ui/quoted';

/** A claim as one line of a list. */
const CLAIM_CHARS = 90;

function CardList({ summary, cards }: { summary: string; cards: readonly CardView[] }) {
  if (cards.length === 0) return null;
  return (
    <li>
      <details>
        <summary>{summary}</summary>
        <ul className="readiness-cards">
          {cards.map((card) => (
            <li key={card.id}>{quoted(card.claim, CLAIM_CHARS)}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function ClaimReviewReadiness({
  board,
  id,
  asOf,
}: {
  board: BoardView;
  id: string;
  /**
   * Whether an earlier moment is picked: the file then holds the board as it was, which this
   * board (as it is now) does not tell, so the counts and lists give way to saying so; the
   * download says what the file holds.
   */
  asOf: boolean;
}) {
  const readiness = useMemo(() => claimReviewReadiness(board), [board]);
  if (asOf) {
    return (
      <p id={id} className="muted small export-readiness">
        The ClaimReview export holds the reviews of the board as it was at the moment picked; once
        downloaded, this says how many.
      </p>
    );
  }
  const { reviewed, skipped, placeholderUrl, guessedSpeakerType, removedArticle } = readiness;
  const { refutingEvidence, invertedRating, ratingNumbers, unverifiedVerdict } = readiness;
  // Said whatever else is, so a lead who set "Unproven" is not surprised by the file.
  const unverified = unverifiedVerdict.length > 0 && (
    <CardList summary={unverifiedText(unverifiedVerdict.length, false)} cards={unverifiedVerdict} />
  );
  if (reviewed.length === 0) {
    return (
      <div id={id} className="muted small export-readiness">
        <p>No card is in Corroborated or Disputed yet: the ClaimReview export would be empty.</p>
        {unverified && <ul>{unverified}</ul>}
      </div>
    );
  }
  const exported = reviewed.length - skipped.length;
  const skippedIds = new Set(skipped.map((s) => s.cardId));
  const ready =
    placeholderUrl.length === 0 &&
    guessedSpeakerType.length === 0 &&
    refutingEvidence.length === 0 &&
    invertedRating.length === 0 &&
    ratingNumbers;
  return (
    <div id={id} className="small export-readiness">
      <p>
        {exported} of {plural(reviewed.length, 'reviewed card', 'reviewed cards')} will be exported
        {exported > 0 && ready && skipped.length === 0 ? ', ready to publish.' : '.'}
      </p>
      <ul>
        <CardList
          summary={`${plural(skipped.length, 'card has', 'cards have')} no verdict label of ${skipped.length === 1 ? 'its column' : 'their columns'} from the rating scale and will be left out`}
          cards={reviewed.filter((card) => skippedIds.has(card.id))}
        />
        <CardList
          summary={`${plural(placeholderUrl.length, 'card has', 'cards have')} no published fact-check URL: ${placeholderUrl.length === 1 ? 'its review gets' : 'their reviews get'} a placeholder address to replace before publishing (set it under Publication in the card)`}
          cards={placeholderUrl}
        />
        <CardList
          summary={`${plural(guessedSpeakerType.length, 'speaker', 'speakers')} ${guessedSpeakerType.length === 1 ? 'is' : 'are'} typed as person or organization by a guess from the name (say which under Publication in the card)`}
          cards={guessedSpeakerType}
        />
        <CardList
          summary={`${plural(removedArticle.length, 'card quotes', 'cards quote')} an article since removed from the board: ${removedArticle.length === 1 ? 'its review names' : 'their reviews name'} that article as where the claim appeared`}
          cards={removedArticle}
        />
        <CardList
          summary={`${plural(refutingEvidence.length, 'card', 'cards')} in Corroborated ${refutingEvidence.length === 1 ? 'cites' : 'cite'} only evidence that refutes the claim, while ${refutingEvidence.length === 1 ? 'its review rates it' : 'their reviews rate them'} corroborated (check the verdict or the evidence's stance)`}
          cards={refutingEvidence}
        />
        <CardList
          summary={`${plural(invertedRating.length, 'card has', 'cards have')} a Corroborated label the rating scale values below a Disputed one: ClaimReview reads a higher value as truer, so ${invertedRating.length === 1 ? 'its review rates it' : 'their reviews rate them'} as less true than a disputed claim (mend the values under Rating scale)`}
          cards={invertedRating}
        />
        {unverified}
        {exported > 0 && !ratingNumbers && (
          <li>
            The rating scale has a value that is not a whole number of 1 or more, which ClaimReview
            cannot take: the reviews give their verdict label and no numeric rating (mend the values
            under Rating scale).
          </li>
        )}
      </ul>
    </div>
  );
}
