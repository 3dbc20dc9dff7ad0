import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../client/board/pageTitle';

describe('pageTitle', () => {
  it('is the board title, then the app name', () => {
    expect(pageTitle('Prisons')).toBe('Prisons · Factboard');
    expect(pageTitle('')).toBe('Board · Factboard');
  });

  it('closes each text-direction control of the board title where it stands', () => {
    // Without the closing U+202C, " · Factboard" would show reversed in the tab; closed at the
    // title's end, "evil" still did.
    expect(pageTitle('Prisons \u202Eevil')).toBe('Prisons \u202E\u202Cevil · Factboard');
    expect(pageTitle('a \u2067b')).toBe('a \u2067\u2069b · Factboard');
  });
});
