/**
 * What a lead should know before publishing the ClaimReview export, read from the board by the
 * rules toClaimReview applies: which reviewed cards it leaves out, which reviews get the
 * placeholder URL (`<org>#claim-<id>`, to be replaced by the published fact-check's address),
 * whose speaker's Person / Organization type is the word list's guess, which rate a claim
 * corroborated while citing only evidence that refutes it, which carry a label the scale values
 * out of ClaimReview's order, and which quote an
 * article since removed from the board, whose review names that article, as the history
 * recorded it, as where the claim appeared (removedArticles: a first version, say, that the
 * desk replaced by its correction). The export dialog shows it before the download, so nothing
 * goes out half-ready unnoticed.
 */
import { hasRatingNumbers, labelsBelowDisputed } from '../board/ratingScale';
import type { BoardView, CardView } from '../board/view';
import {
  hasPublishedUrl,
  REVIEWED_COLUMNS,
  type SkippedCard,
  skipReason,
  speakerTypeGuessed,
  unverifiedVerdict,
} from './toClaimReview';
import { cardsInOrder } from './toJsonExport';

export interface ClaimReviewReadiness {
  /** Cards in Corroborated or Disputed, in board order. */
  readonly reviewed: readonly CardView[];
  /** Cards in Unverified with a verdict, which the export does not publish (unverifiedVerdict). */
  readonly unverifiedVerdict: readonly CardView[];
  /** Left out of the export: no verdict label of the card's column from the rating scale. */
  readonly skipped: readonly SkippedCard[];
  /** Exported with the placeholder URL: no published fact-check URL yet. */
  readonly placeholderUrl: readonly CardView[];
  /** Exported with a guessed speaker type: no editor said person or organization. */
  readonly guessedSpeakerType: readonly CardView[];
  /** Exported quoting an article the board no longer holds (kept on its removal, B14). */
  readonly removedArticle: readonly CardView[];
  /**
   * Exported from Corroborated with refuting evidence and none supporting: the review rates the
   * claim true and cites, as its sources, pages that say it is not (a stance picked wrong, or a
   * verdict not revised). Not the other way round: a Disputed label such as Missing context or
   * Misleading can rightly rest on sources that support the claim's facts.
   */
  readonly refutingEvidence: readonly CardView[];
  /**
   * Exported with a Corroborated label the scale values below a Disputed one
   * (labelsBelowDisputed): the review rates the claim as less true than a disputed one. The
   * scale dialog refuses such a scale; one saved before it did, or imported, still has it.
   */
  readonly invertedRating: readonly CardView[];
  /**
   * False when the scale has a decimal, zero or negative number (stored before the Rating scale
   * dialog refused them, or imported then): every review gives its label and no numbers
   * (toClaimReview).
   */
  readonly ratingNumbers: boolean;
}

function onlyRefuted(card: CardView): boolean {
  const stances = new Set(card.evidence.map((e) => e.stance));
  return card.column === 'corroborated' && stances.has('refutes') && !stances.has('supports');
}

export function claimReviewReadiness(view: BoardView): ClaimReviewReadiness {
  const cards = cardsInOrder(view);
  const reviewed = cards.filter((card) => REVIEWED_COLUMNS.includes(card.column));
  const skipped: SkippedCard[] = [];
  const placeholderUrl: CardView[] = [];
  const guessedSpeakerType: CardView[] = [];
  const removedArticle: CardView[] = [];
  const refutingEvidence: CardView[] = [];
  const invertedRating: CardView[] = [];
  const inverted = new Set(labelsBelowDisputed(view.meta.ratingScale).map((i) => i.label.label));
  const onBoard = new Set(view.articles.map((a) => a.id));
  for (const card of reviewed) {
    const reason = skipReason(card, view.meta.ratingScale);
    if (reason) {
      skipped.push({ cardId: card.id, reason });
      continue;
    }
    if (!hasPublishedUrl(card)) placeholderUrl.push(card);
    if (speakerTypeGuessed(card)) guessedSpeakerType.push(card);
    if (card.source && !onBoard.has(card.source.articleId)) removedArticle.push(card);
    if (onlyRefuted(card)) refutingEvidence.push(card);
    if (inverted.has(card.verdict as string)) invertedRating.push(card);
  }
  return {
    reviewed,
    unverifiedVerdict: cards.filter(unverifiedVerdict),
    skipped,
    placeholderUrl,
    guessedSpeakerType,
    removedArticle,
    refutingEvidence,
    invertedRating,
    ratingNumbers: hasRatingNumbers(view.meta.ratingScale),
  };
}
