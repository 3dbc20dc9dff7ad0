import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../client/board/pageTitle';

describe('pageTitle', () => {
  it('is the board title, then the app name', () => {
    expect(pageTitle('Prisons')).toBe('Prisons · Factboard');
    expect(pageTitle('')).toBe('Board · Factboard');
  });

  it('closes what the board title leaves open of text-direction controls before the app name', () => {
    // Without the closing U+202C, " · Factboard" would show reversed in the tab.
    expect(pageTitle('Prisons \u202Eevil')).toBe('Prisons \u202Eevil\u202C · Factboard');
    expect(pageTitle('a \u2067b')).toBe('a \u2067b\u2069 · Factboard');
  });
});
