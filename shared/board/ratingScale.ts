import type { ColumnId } from './schema';

/** One verdict label of a board's rating scale, tied to the column it belongs in. */
export interface RatingLabel {
  readonly label: string;
  readonly column: ColumnId;
  /** schema.org ClaimReview ratingValue, between the scale's worst and best. */
  readonly value: number;
}

export interface RatingScale {
  readonly best: number;
  readonly worst: number;
  readonly labels: readonly RatingLabel[];
}

export const DEFAULT_RATING_SCALE: RatingScale = Object.freeze({
  best: 5,
  worst: 1,
  labels: Object.freeze([
    { label: 'True', column: 'corroborated', value: 5 },
    { label: 'Mostly true', column: 'corroborated', value: 4 },
    { label: 'Unproven', column: 'unverified', value: 3 },
    { label: 'Missing context', column: 'disputed', value: 3 },
    { label: 'Misleading', column: 'disputed', value: 2 },
    { label: 'Mostly false', column: 'disputed', value: 2 },
    { label: 'False', column: 'disputed', value: 1 },
  ] satisfies RatingLabel[]),
});

/**
 * Whether a number can be a ClaimReview rating: a whole number of 1 or more. Google's fact-check
 * markup takes worstRating 1 or greater and strongly recommends whole ratingValues, and the
 * Fact Check Tools API holds all three as integers: a scale of 0.5 steps, or from 0 or -2, goes
 * out as numbers readers drop or misread. Values lie between worst and best, so a scale whose
 * worst is 1 or more and whose numbers are all whole has only such ratings.
 */
export const isRatingNumber = (n: number): boolean => Number.isInteger(n) && n >= 1;

/** The rule isRatingNumber holds, in words a lead reads. */
export const RATING_NUMBER_RULE = 'a whole number, 1 or more';

/**
 * Whether each of the scale's numbers is a ClaimReview rating (isRatingNumber). A scale set
 * since the rule has one (ratingScaleSchema); one stored before it, or written raw, may not.
 */
export function hasRatingNumbers(scale: RatingScale): boolean {
  return [scale.best, scale.worst, ...scale.labels.map((l) => l.value)].every(isRatingNumber);
}

export function labelsFor(scale: RatingScale, column: ColumnId): readonly RatingLabel[] {
  return scale.labels.filter((l) => l.column === column);
}

/** Whether a verdict may stay on a card that moves to `column` (no label is always fine). */
export function verdictFitsColumn(
  scale: RatingScale,
  verdict: string | null,
  column: ColumnId,
): boolean {
  return verdict === null || labelsFor(scale, column).some((l) => l.label === verdict);
}

/**
 * Whether a card's verdict is one of its own column's labels: null without a verdict. A move
 * asks for a fitting label, but a colleague's verdict set while the card moved (or an undone
 * move) crosses it, and the merge keeps both: the board and the exports say so instead.
 */
export function verdictFitsCard(
  scale: RatingScale,
  card: { readonly verdict: string | null; readonly column: ColumnId },
): boolean | null {
  return card.verdict === null ? null : verdictFitsColumn(scale, card.verdict, card.column);
}

/** A Corroborated label valued below a Disputed one (labelsBelowDisputed). */
export interface InvertedLabel {
  /** Its place in the scale's labels. */
  readonly index: number;
  readonly label: RatingLabel;
  /** The highest-valued Disputed label. */
  readonly above: RatingLabel;
}

/**
 * The Corroborated labels valued below a Disputed label: ClaimReview reads a higher ratingValue
 * as truer, so a review with one rates a corroborated claim as less true than a disputed one (a
 * row added in Disputed at the worst value, then moved to Corroborated and saved, did). Level
 * values are allowed. A value outside worst..best counts for nothing (no reader takes it).
 */
export function labelsBelowDisputed(scale: RatingScale): InvertedLabel[] {
  const fits = (l: RatingLabel) => l.value >= scale.worst && l.value <= scale.best;
  const disputed = scale.labels.filter((l) => l.column === 'disputed' && fits(l));
  if (disputed.length === 0) return [];
  const above = disputed.reduce((a, b) => (b.value > a.value ? b : a));
  return scale.labels.flatMap((label, index) =>
    label.column === 'corroborated' && fits(label) && label.value < above.value
      ? [{ index, label, above }]
      : [],
  );
}
