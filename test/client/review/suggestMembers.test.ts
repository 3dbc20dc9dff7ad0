import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTIONS, suggestMembers } from '../../../client/review/suggestMembers';

const NAMES = ['Rhea Brandt', 'Edith Reyes', 'Eddie Stone', 'Fred Edwards', 'Lea', 'José Eder'];

describe('suggestMembers (who an @-query offers)', () => {
  it('offers names starting with the query first, then names with a later word, A to Z', () => {
    expect(suggestMembers(NAMES, 'ed')).toEqual([
      'Eddie Stone',
      'Edith Reyes',
      'Fred Edwards',
      'José Eder',
    ]);
  });

  it('ignores case and accents, and matches across spaces', () => {
    expect(suggestMembers(NAMES, 'JOSE')).toEqual(['José Eder']);
    expect(suggestMembers(NAMES, 'edith r')).toEqual(['Edith Reyes']);
    expect(suggestMembers(NAMES, 'rey')).toEqual(['Edith Reyes']);
  });

  it('does not match inside a word', () => {
    expect(suggestMembers(NAMES, 'dith')).toEqual([]);
    expect(suggestMembers(NAMES, 'ea')).toEqual([]);
  });

  it('offers each person once, however the board spells them', () => {
    expect(suggestMembers(['Lea', ' lea ', 'LÉA', 'Leah'], 'le')).toEqual(['Lea', 'Leah']);
  });

  it(`shows at most ${MAX_SUGGESTIONS}`, () => {
    const many = Array.from({ length: 20 }, (_, i) => `Ed ${String(i).padStart(2, '0')}`);
    const shown = suggestMembers(many, 'ed');
    expect(shown).toHaveLength(MAX_SUGGESTIONS);
    expect(shown[0]).toBe('Ed 00');
  });
});
