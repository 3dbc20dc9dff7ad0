import { describe, expect, it } from 'vitest';
import { quoted } from '../../client/ui/quoted';

describe('quoted', () => {
  it('puts plain text in curly quotes, unchanged', () => {
    expect(quoted('Exports rose by 4%')).toBe('“Exports rose by 4%”');
  });

  it('closes a right-to-left override the text leaves open, inside the quotes', () => {
    // Without the closing U+202C the quote mark and the sentence after it would read reversed.
    expect(quoted('Agreed \u202Edeifirev ton')).toBe('“Agreed \u202Edeifirev ton\u202C”');
    expect(quoted('a \u2067b')).toBe('“a \u2067b\u2069”');
  });

  it('cuts long text first, then closes what the cut part left open', () => {
    const text = `\u202E${'x'.repeat(100)}\u202C`;
    expect(quoted(text, 10)).toBe(`“\u202E${'x'.repeat(8)}…\u202C”`);
  });

  it('isolates right-to-left text in the quotes, so the quote marks and what follows keep their place', () => {
    expect(quoted('هذا الرقم 2023.')).toBe('“\u2068هذا الرقم 2023.\u2069”');
    expect(quoted('לפי משרד \u202Eabc')).toBe('“\u2068לפי משרד \u202Eabc\u202C\u2069”');
  });
});
