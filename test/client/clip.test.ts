import { describe, expect, it } from 'vitest';
import { clip } from '../../client/ui/clip';

describe('clip', () => {
  it('keeps a text that fits, and cuts a longer one to the limit with an ellipsis', () => {
    expect(clip('Crime fell', 10)).toBe('Crime fell');
    expect(clip('Crime fell 20%', 10)).toBe('Crime fel…');
    expect(clip('x'.repeat(200), 140)).toHaveLength(140);
  });

  it('does not leave a space before the ellipsis', () => {
    expect(clip('Crime fell 20%', 7)).toBe('Crime…');
  });

  it('cuts before a character it would split: an emoji, a letter with its accent', () => {
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('Cafe\u0301 noir', 5)).toBe('Caf…');
    expect(clip('We 👩‍👧 here', 6)).toBe('We…');
  });
});
