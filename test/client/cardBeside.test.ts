/**
 * Focus between cards from the keyboard, and from a deleted card (client/board/cardBeside), on
 * plain column lists.
 */
import { describe, expect, it } from 'vitest';
import { cardBeside, cardInPlace } from '../../client/board/cardBeside';

const shown = {
  unverified: ['u1', 'u2', 'u3', 'u4'],
  corroborated: [] as string[],
  disputed: ['d1', 'd2'],
};

describe('cardBeside', () => {
  it('goes up and down a column, and to its first and last card, and stops at its ends', () => {
    expect(cardBeside(shown, 'u2', 'up')).toBe('u1');
    expect(cardBeside(shown, 'u2', 'down')).toBe('u3');
    expect(cardBeside(shown, 'u1', 'up')).toBeNull();
    expect(cardBeside(shown, 'u4', 'down')).toBeNull();
    expect(cardBeside(shown, 'u3', 'first')).toBe('u1');
    expect(cardBeside(shown, 'u2', 'last')).toBe('u4');
    expect(cardBeside(shown, 'u4', 'last')).toBeNull();
  });

  it('goes across to the card at the same height in the nearest column that shows any', () => {
    // Corroborated is empty (or filtered to nothing): Disputed is next to the right.
    expect(cardBeside(shown, 'u2', 'right')).toBe('d2');
    expect(cardBeside(shown, 'u4', 'right')).toBe('d2'); // as low as the column goes
    expect(cardBeside(shown, 'd1', 'left')).toBe('u1');
    expect(cardBeside(shown, 'u1', 'left')).toBeNull();
    expect(cardBeside(shown, 'd2', 'right')).toBeNull();
  });

  it('knows nothing of a card not shown', () => {
    expect(cardBeside(shown, 'gone', 'down')).toBeNull();
  });
});

describe('cardInPlace', () => {
  it('is the card now where a deleted one was, else the one above, else another column’s first', () => {
    // u2 gone from index 1 (the lists are the board's after the deletion): u3 took its place.
    const after = { ...shown, unverified: ['u1', 'u3', 'u4'] };
    expect(cardInPlace(after, 'unverified', 1)).toBe('u3');
    // The last gone: the one above.
    expect(cardInPlace(after, 'unverified', 3)).toBe('u4');
    // Not shown when it went (-1): the column's first.
    expect(cardInPlace(shown, 'disputed', -1)).toBe('d1');
    // Its column empty now: the first card of the board.
    expect(cardInPlace(shown, 'corroborated', 0)).toBe('u1');
    expect(cardInPlace({ unverified: [], corroborated: [], disputed: [] }, 'disputed', 0)).toBe(
      null,
    );
  });
});
