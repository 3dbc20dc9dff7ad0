import { describe, expect, it } from 'vitest';
import { quoted } from '../../client/ui/quoted';

describe('quoted', () => {
  it('puts plain text in curly quotes, unchanged', () => {
    expect(quoted('Exports rose by 4%')).toBe('“Exports rose by 4%”');
  });

  it('closes each direction control where it stands, so the quote reads as stored', () => {
    // Left open, the quote mark and the sentence after it would read reversed; closed only at
    // the quote mark, "deifirev ton" would read "not verified".
    expect(quoted('Agreed \u202Edeifirev ton')).toBe('“Agreed \u202E\u202Cdeifirev ton”');
    expect(quoted('a \u2067b')).toBe('“a \u2067\u2069b”');
  });

  it('cuts long text first, then closes each control', () => {
    const text = `\u202E${'x'.repeat(100)}\u202C`;
    expect(quoted(text, 10)).toBe(`“\u202E\u202C${'x'.repeat(8)}…”`);
  });

  it('isolates right-to-left text in the quotes, so the quote marks and what follows keep their place', () => {
    expect(quoted('هذا الرقم 2023.')).toBe('“\u2068هذا الرقم 2023.\u2069”');
    expect(quoted('לפי משרד \u202Eabc')).toBe('“\u2068לפי משרד \u202E\u202Cabc\u2069”');
  });
});
