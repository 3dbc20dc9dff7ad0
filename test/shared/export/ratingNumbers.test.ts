/**
 * A rating scale's numbers are ClaimReview ratings: whole numbers of 1 or more (Google's
 * fact-check markup takes worstRating 1 or greater; integer ratings strongly recommended).
 * Setting a scale with a decimal, zero or negative number is refused; a board that stored one
 * before keeps it, its ClaimReview reviews giving their label without numbers.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  BoardError,
  DEFAULT_RATING_SCALE,
  editRatingScale,
  initBoard,
  moveCard,
  readBoard,
  SCALE_KEYS,
  scaleMap,
  setRatingScale,
} from '../../../shared/board';
import { claimReviewReadiness, toClaimReview } from '../../../shared/export';
import { alice } from './hostileBoard';

const organisation = { name: 'Fact Desk', url: 'https://factdesk.example/checks' };

function boardWithReview() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Scale' }, alice);
  const id = addClaim(doc, { claim: 'Crime fell by half' }, alice);
  moveCard(doc, id, { column: 'disputed', index: 0, verdict: 'Misleading' }, alice);
  return doc;
}

const refusal = (run: () => void) => {
  try {
    run();
  } catch (err) {
    return err instanceof BoardError ? [err.code, err.message] : err;
  }
  return null;
};

describe('rating-scale numbers', () => {
  it('refuses a decimal, zero or negative number where a scale is set, saying what is allowed', () => {
    const doc = boardWithReview();
    const rule = 'must be a whole number, 1 or more (a ClaimReview rating)';
    const labels = DEFAULT_RATING_SCALE.labels;
    expect(
      refusal(() => setRatingScale(doc, { ...DEFAULT_RATING_SCALE, worst: 0 }, alice)),
    ).toEqual(['invalid_input', `worst: ${rule}`]);
    expect(
      refusal(() =>
        setRatingScale(
          doc,
          {
            best: 3,
            worst: -3,
            labels: [{ label: 'True', column: 'corroborated', value: 3 }],
          },
          alice,
        ),
      ),
    ).toEqual(['invalid_input', `worst: ${rule}`]);
    const decimal = labels.map((l) => (l.label === 'Misleading' ? { ...l, value: 2.5 } : l));
    expect(
      refusal(() =>
        editRatingScale(doc, { scale: { ...DEFAULT_RATING_SCALE, labels: decimal } }, alice),
      ),
    ).toEqual(['invalid_input', `labels.4.value: ${rule}`]);
    expect(readBoard(doc).meta.ratingScale).toEqual(DEFAULT_RATING_SCALE);
  });

  it('keeps a scale stored before, whose reviews give their label and no numbers, and lets a lead mend it', () => {
    const doc = boardWithReview();
    // As a board stored it before the rule, or a raw write: 0 to 5, Misleading at 2.5.
    doc.transact(() => {
      const map = scaleMap(doc)!;
      map.set(SCALE_KEYS.worst, 0);
      const labels = map.get(SCALE_KEYS.labels) as Y.Map<Y.Map<unknown>>;
      labels.forEach((l) => {
        if (l.get('label') === 'Misleading') l.set('value', 2.5);
      });
    });
    const view = readBoard(doc);
    expect(view.meta.ratingScale.worst).toBe(0);
    const [review] = toClaimReview(view, { organisation }).reviews;
    expect(review?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Misleading' });
    expect(claimReviewReadiness(view).ratingNumbers).toBe(false);
    expect(claimReviewReadiness(readBoard(boardWithReview())).ratingNumbers).toBe(true);

    // The Rating scale dialog saves the mended scale from the one it showed.
    const base = view.meta.ratingScale;
    editRatingScale(doc, { scale: DEFAULT_RATING_SCALE, base }, alice);
    const [mended] = toClaimReview(readBoard(doc), { organisation }).reviews;
    expect(mended?.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'Misleading',
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
    });
  });
});
