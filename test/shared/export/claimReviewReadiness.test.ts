/**
 * What the Export dialog tells a lead before the ClaimReview download, read by the rules the
 * export applies: skipped cards, placeholder URLs and guessed speaker types agree with what
 * toClaimReview then writes.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addEvidence,
  editCard,
  editEvidence,
  readBoard,
  removeArticle,
  setRatingScale,
} from '../../../shared/board';
import { META_KEYS, metaMap, newScaleMap } from '../../../shared/board/schema';
import { claimReviewReadiness, toClaimReview } from '../../../shared/export';
import { alice, buildHostileBoard } from './hostileBoard';

const ids = (cards: readonly { id: string }[]) => cards.map((c) => c.id);

describe('claimReviewReadiness', () => {
  it('names the skipped cards, the placeholder URLs and the guessed speaker types', () => {
    const board = buildHostileBoard();
    const view = readBoard(board.doc);
    const readiness = claimReviewReadiness(view);
    const exported = toClaimReview(view, { organisation: view.meta.organisation! });

    expect(ids(readiness.reviewed)).toEqual([board.ids.eq, board.ids.lines, board.ids.noVerdict]);
    expect(readiness.skipped).toEqual(exported.skipped);
    expect(readiness.skipped).toEqual([{ cardId: board.ids.noVerdict, reason: 'no_verdict' }]);
    // Neither exported card has a published URL; both have a speaker nobody typed.
    expect(ids(readiness.placeholderUrl)).toEqual([board.ids.eq, board.ids.lines]);
    expect(ids(readiness.placeholderUrl)).toEqual(exported.placeholderUrl);
    expect(ids(readiness.guessedSpeakerType)).toEqual([board.ids.eq, board.ids.lines]);
  });

  it('is clear once editors gave the URL and the type, and ignores a speaker-less card', () => {
    const board = buildHostileBoard();
    editCard(
      board.doc,
      board.ids.eq,
      { speakerType: 'organization', reviewUrl: 'https://factdesk.example/eq' },
      alice,
    );
    // A javascript: URL a hostile replica wrote is no published URL: still a placeholder.
    (board.doc.getMap('cards').get(board.ids.lines) as Y.Map<unknown>).set(
      'reviewUrl',
      'javascript:alert(1)',
    );
    editCard(board.doc, board.ids.lines, { speaker: null }, alice);
    const view = readBoard(board.doc);
    const readiness = claimReviewReadiness(view);
    expect(ids(readiness.placeholderUrl)).toEqual([board.ids.lines]);
    expect(ids(readiness.placeholderUrl)).toEqual(
      toClaimReview(view, { organisation: view.meta.organisation! }).placeholderUrl,
    );
    expect(readiness.guessedSpeakerType).toEqual([]);
  });

  it('counts a label no longer on the scale as skipped, like the export', () => {
    const board = buildHostileBoard();
    setRatingScale(
      board.doc,
      { best: 3, worst: 1, labels: [{ label: 'Wrong', column: 'disputed', value: 1 }] },
      alice,
    );
    const view = readBoard(board.doc);
    const readiness = claimReviewReadiness(view);
    expect(readiness.skipped).toEqual(
      toClaimReview(view, { organisation: view.meta.organisation! }).skipped,
    );
    expect(readiness.placeholderUrl).toEqual([]);
    expect(readiness.guessedSpeakerType).toEqual([]);
  });

  it('names the reviews that quote an article since removed from the board', () => {
    const board = buildHostileBoard();
    expect(claimReviewReadiness(readBoard(board.doc)).removedArticle).toEqual([]);
    // The judged card stays, anchored to the article the board no longer holds (B14).
    expect(removeArticle(board.doc, board.articleId, alice).kept).toContain(board.ids.eq);
    const view = readBoard(board.doc);
    expect(ids(claimReviewReadiness(view).removedArticle)).toEqual([board.ids.eq]);
  });

  it('names a Corroborated review whose evidence only refutes the claim', () => {
    // The review rates the claim True and cites, as its sources, only pages that refute it:
    // a stance picked wrong or a verdict not revised, which the export alone does not tell.
    const board = buildHostileBoard();
    expect(claimReviewReadiness(readBoard(board.doc)).refutingEvidence).toEqual([]);
    const supporting = readBoard(board.doc).cards[board.ids.eq]!.evidence.find(
      (e) => e.stance === 'supports',
    )!;
    editEvidence(board.doc, board.ids.eq, supporting.id, { stance: 'refutes' }, alice);
    expect(ids(claimReviewReadiness(readBoard(board.doc)).refutingEvidence)).toEqual([
      board.ids.eq,
    ]);
    // One supporting source beside it is a balance to weigh, not a contradiction; nor is a
    // Disputed review's refuting evidence (board.ids.lines).
    addEvidence(board.doc, board.ids.eq, { url: 'https://b.example/', stance: 'supports' }, alice);
    expect(claimReviewReadiness(readBoard(board.doc)).refutingEvidence).toEqual([]);
  });

  it('names the reviews whose Corroborated label the scale values below a Disputed one', () => {
    // A scale saved before the dialog refused it, or carried in by a JSON import: "True" at 1
    // of 1..5 goes out as the worst rating, below "False".
    const board = buildHostileBoard();
    expect(claimReviewReadiness(readBoard(board.doc)).invertedRating).toEqual([]);
    // Written as such a board stores it: the board's commands now refuse the inverted pair.
    board.doc.transact(() =>
      metaMap(board.doc).set(
        META_KEYS.scale,
        newScaleMap({
          best: 5,
          worst: 1,
          labels: [
            { label: 'True', column: 'corroborated', value: 1 },
            { label: 'False', column: 'disputed', value: 5 },
          ],
        }),
      ),
    );
    const view = readBoard(board.doc);
    expect(ids(claimReviewReadiness(view).invertedRating)).toEqual([board.ids.eq]);
    const review = toClaimReview(view, { organisation: view.meta.organisation! }).reviews[0];
    expect(review?.reviewRating).toMatchObject({ alternateName: 'True', ratingValue: 1 });
  });
});
