/**
 * The key two statements of one claim share (shared/extract/claimKey): case, spacing,
 * quotation marks and the punctuation around it left out, in time linear in its length.
 */
import { describe, expect, it } from 'vitest';
import { claimKey } from '../../../shared/extract/claimKey';

describe('claimKey', () => {
  it('leaves out case, quotation marks, spacing and the dashes and stops around the claim', () => {
    expect(claimKey('“We have closed 14 PRISONS  this year,”')).toBe(
      'we have closed 14 prisons this year',
    );
    expect(claimKey('— Prices rose 40% …')).toBe('prices rose 40%');
    expect(claimKey('- !')).toBe('');
    expect(claimKey('-!-')).toBe('');
    expect(claimKey('a -')).toBe('a');
    expect(claimKey('!?x!?')).toBe('!?x');
  });

  it('reads a long run of punctuation once, not from each of its characters', () => {
    // 200,000 "!" before a letter: quadratic, this took minutes (2,000 of them 23 ms, on the
    // event loop for every card of a board an article is imported into).
    const run = '!'.repeat(200_000);
    expect(claimKey(`${run}x`)).toBe(`${run}x`);
    expect(claimKey(`x ${'. '.repeat(100_000)}y.`)).toBe(`x ${'. '.repeat(100_000)}y`);
  });
});
