import { plural } from '../ui/plural';

/**
 * The verdicts in Unverified a ClaimReview file leaves out (toClaimReview's unverifiedVerdict),
 * of the board now, or as of the moment picked (`asOf`).
 */
export function unverifiedText(cards: number, asOf: boolean): string {
  const one = cards === 1;
  const verb = asOf
    ? one
      ? 'had a verdict and was'
      : 'had a verdict and were'
    : one
      ? 'has a verdict and is'
      : 'have a verdict and are';
  return `${plural(cards, 'card', 'cards')} in Unverified ${verb} not published: ClaimReview holds only finished reviews, the cards in Corroborated and Disputed.`;
}
