/** What a move says: the card, where it came from, and where it is now. */
import { describe, expect, it } from 'vitest';
import { colleagueMovedWords, movedWords, pickedUpWords } from '../../client/board/moveWords';
import { clip } from '../../client/ui/clip';

describe('movedWords', () => {
  it('names the column the card came from and its place in the new one', () => {
    expect(
      movedWords('Rents doubled', 'unverified', { column: 'disputed', index: 0, size: 3 }),
    ).toBe('Moved Rents doubled from Unverified to Disputed, position 1 of 3.');
  });

  it('within a column, says only the new position', () => {
    expect(
      movedWords('Rents doubled', 'unverified', { column: 'unverified', index: 1, size: 5 }),
    ).toBe('Moved Rents doubled to position 2 of 5 in Unverified.');
  });
});

describe('colleagueMovedWords', () => {
  it('names the colleague when their name is known, and both columns', () => {
    expect(colleagueMovedWords('Ana', 'Rents doubled', 'unverified', 'corroborated')).toBe(
      'Ana moved Rents doubled from Unverified to Corroborated.',
    );
  });

  it('without a name, says what moved where', () => {
    expect(colleagueMovedWords(null, 'Rents doubled', 'unverified', 'corroborated')).toBe(
      'Rents doubled was moved from Unverified to Corroborated.',
    );
  });

  it('tells the verdict the move set or cleared, as History does', () => {
    expect(colleagueMovedWords('Ana', 'Rents doubled', 'disputed', 'corroborated', null)).toBe(
      'Ana moved Rents doubled from Disputed to Corroborated and cleared the verdict.',
    );
    expect(colleagueMovedWords('Ana', 'Rents doubled', 'unverified', 'disputed', 'False')).toBe(
      'Ana moved Rents doubled from Unverified to Disputed and set the verdict to False.',
    );
    expect(colleagueMovedWords(null, 'Rents doubled', 'disputed', 'corroborated', null)).toBe(
      'Rents doubled was moved from Disputed to Corroborated and its verdict cleared.',
    );
    expect(colleagueMovedWords(null, 'Rents doubled', 'unverified', 'disputed', 'False')).toBe(
      'Rents doubled was moved from Unverified to Disputed and its verdict set to False.',
    );
  });

  it('within a column, says the column', () => {
    expect(colleagueMovedWords('Ana', 'Rents doubled', 'disputed', 'disputed')).toBe(
      'Ana moved Rents doubled within Disputed.',
    );
  });
});

describe('pickedUpWords', () => {
  const place = 'Unverified, position 1 of 3';

  it('says the card, and with the keyboard where it is and how to move it', () => {
    expect(pickedUpWords('Rents doubled', null)).toBe('Picked up Rents doubled.');
    expect(pickedUpWords('Rents doubled', place)).toBe(
      'Picked up Rents doubled. Unverified, position 1 of 3. Use the arrow keys to move it, ' +
        'Space to drop it, Escape to cancel.',
    );
  });

  it('adds no full stop after a claim cut short, or one ending in a question mark (QA18)', () => {
    const claim = clip(
      'Since October, some 500 penitentiary system employees have resigned, the union says',
      60,
    );
    expect(pickedUpWords(claim, place)).toMatch(/^Picked up Since October, .*have… Unverified, /);
    expect(pickedUpWords(claim, null)).toMatch(/have…$/);
    expect(pickedUpWords('Did rents double?', null)).toBe('Picked up Did rents double?');
  });
});
