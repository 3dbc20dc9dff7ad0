/**
 * claimReviewed is a short summary of the claim (Google's fact-check markup): a claim of at
 * most 280 characters goes out whole, a longer one is cut at a word with "…", counted and cut
 * by grapheme so no emoji or accented letter is split, and the review keeps the whole claim
 * as its Claim's text.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, initBoard, moveCard, readBoard } from '../../../shared/board';
import { toClaimReview } from '../../../shared/export';
import { CLAIM_SUMMARY_MAX, claimSummary } from '../../../shared/export/claimSummary';
import { isWellFormed } from '../../../shared/wellFormed';
import { alice } from './hostileBoard';

const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });
const length = (text: string) => [...GRAPHEMES.segment(text)].length;
const organisation = { name: 'Fact Desk', url: 'https://factdesk.example/checks' };

/** A claim of `words` words, each `word`, separated by spaces. */
const words = (word: string, count: number) => Array.from({ length: count }, () => word).join(' ');

/** The summary's words are the claim's first ones, cut where the claim has a space. */
function expectCutAtWord(claim: string, summary: string) {
  expect(summary.endsWith('…')).toBe(true);
  expect(length(summary)).toBeLessThanOrEqual(CLAIM_SUMMARY_MAX);
  const kept = summary.slice(0, -1);
  expect(claim.startsWith(kept)).toBe(true);
  expect(claim.slice(kept.length)).toMatch(/^\s/u);
  expect(isWellFormed(summary)).toBe(true);
}

describe('claimSummary', () => {
  it('keeps a claim of 280 characters whole, emoji counted as one character each', () => {
    const ascii = 'a'.repeat(CLAIM_SUMMARY_MAX);
    expect(claimSummary(ascii)).toBe(ascii);
    // 280 characters, 40 of them a family emoji of 8 UTF-16 units: 560 units in all.
    const emoji = `${'👨‍👩‍👧'.repeat(40)}${'b'.repeat(240)}`;
    expect(emoji.length).toBe(560);
    expect(claimSummary(emoji)).toBe(emoji);
  });

  it('cuts a longer claim at its last space before the limit, with "…"', () => {
    const claim = words('prisons', 60); // 479 characters
    const summary = claimSummary(claim);
    expectCutAtWord(claim, summary);
    expect(summary).toBe(`${words('prisons', 35)}…`); // 279 characters and "…"
    // A comma left before the cut is not kept in front of the "…".
    expect(claimSummary(words('jails,', 60)).endsWith(',…')).toBe(false);
  });

  it('never splits an emoji, a flag or a letter from its accent', () => {
    for (const char of ['👨‍👩‍👧', '🇸🇻', '👍🏽', 'é', '😀']) {
      // No space to cut at: cut between characters, 279 of them and "…".
      const run = char.repeat(400);
      expect(claimSummary(run), char).toBe(`${char.repeat(CLAIM_SUMMARY_MAX - 1)}…`);
      // Words of emoji: cut at a space.
      const claim = words(char.repeat(3), 200);
      expectCutAtWord(claim, claimSummary(claim));
    }
  });

  it('cuts right-to-left text at a word, its "…" at the logical end', () => {
    const arabic = words('السجون مكتظة بالمعتقلين', 30);
    const summary = claimSummary(arabic);
    expectCutAtWord(arabic, summary);
    const hebrew = words('בתי הכלא מלאים', 40);
    expectCutAtWord(hebrew, claimSummary(hebrew));
  });

  it('cuts text without spaces (Chinese) between characters', () => {
    const claim = '监狱人满为患。'.repeat(60);
    expect(claimSummary(claim)).toBe(`${[...claim].slice(0, CLAIM_SUMMARY_MAX - 1).join('')}…`);
  });
});

describe('claimReviewed', () => {
  it('is the summary of a long claim, whose whole text the Claim keeps; a short one is whole', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Prisons' }, alice);
    // An override opened in the part kept is closed there, as in every text the review gives.
    const long = `\u202e${words('The prison population grew', 60)}`;
    const short = 'The prison population doubled in two years.';
    const longId = addClaim(doc, { claim: long }, alice);
    const shortId = addClaim(doc, { claim: short }, alice);
    for (const id of [longId, shortId]) {
      moveCard(doc, id, { column: 'disputed', index: 0, verdict: 'False' }, alice);
    }
    const { reviews } = JSON.parse(
      JSON.stringify(toClaimReview(readBoard(doc), { organisation })),
    ) as ReturnType<typeof toClaimReview>;
    const byClaim = (start: string) => reviews.find((r) => r.claimReviewed.startsWith(start));
    const longReview = byClaim('\u202e\u202c');
    expect(longReview?.claimReviewed).toBe(`\u202e\u202c${claimSummary(long).slice(1)}`);
    expect(length(longReview!.claimReviewed)).toBeLessThanOrEqual(CLAIM_SUMMARY_MAX + 1);
    expect(longReview?.itemReviewed.text).toBe(`\u202e\u202c${long.slice(1)}`);
    const shortReview = byClaim('The prison');
    expect(shortReview?.claimReviewed).toBe(short);
    expect(shortReview?.itemReviewed).not.toHaveProperty('text');
  });
});
