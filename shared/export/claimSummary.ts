/**
 * A ClaimReview's `claimReviewed`: "a short summary of the claim being evaluated" (Google's
 * fact-check markup), while a card's claim may run to 2,000 characters (a whole paragraph
 * pasted as one claim). A claim of at most CLAIM_SUMMARY_MAX characters goes out whole; a
 * longer one is cut at the last space before the limit and ends with "…", and the review
 * carries the whole claim as its Claim's `text` (schema.org Claim is a CreativeWork), so
 * nothing the desk checked is lost.
 *
 * 280, not the 75 Google suggests to keep a search result from wrapping on a phone: cut at 75,
 * most claims lose what makes them checkable ("The government said the country's prisons
 * hold more than…"), and a display trims a long text itself; 280 (a post on X) keeps one
 * sentence whole, as most cards are.
 *
 * Characters are counted as a reader counts them, by grapheme (Intl.Segmenter): a cut never
 * splits an emoji's surrogate pair, a family emoji's joined parts or a letter from its accents.
 */
export const CLAIM_SUMMARY_MAX = 280;

const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });
const SPACE = /^\s/u;
/** Punctuation a cut leaves dangling before the "…". */
const DANGLING = /[\s,;:–—-]+$/u;

/**
 * `claim` whole when it has at most CLAIM_SUMMARY_MAX characters, else its first words up to
 * CLAIM_SUMMARY_MAX - 1 characters and "…". A text without a space in its second half (a URL,
 * Chinese or Japanese) is cut between characters.
 */
export function claimSummary(claim: string): string {
  const max = CLAIM_SUMMARY_MAX;
  const chars = Array.from(GRAPHEMES.segment(claim), (s) => s.segment);
  if (chars.length <= max) return claim;
  let cut = max - 1; // room for the "…"
  for (let i = cut; i > max / 2; i--) {
    if (SPACE.test(chars[i]!)) {
      cut = i;
      break;
    }
  }
  return `${chars.slice(0, cut).join('').replace(DANGLING, '')}…`;
}
