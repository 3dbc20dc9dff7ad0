import { describe, expect, it } from 'vitest';
import type { CardView } from '../../../shared/board/view';
import { importSummary } from '../../../client/import/importSummary';

const cards = (n: number) => Array.from({ length: n }, () => ({}) as CardView);

describe('importSummary', () => {
  it('counts the cards a new article made', () => {
    expect(importSummary({ created: true, language: 'en', cards: cards(3) })).toBe(
      '3 claims became cards in Unverified.',
    );
    expect(importSummary({ created: true, language: 'en', cards: cards(1) })).toBe(
      '1 claim became a card in Unverified.',
    );
  });

  it('says when only the most check-worthy claims became cards', () => {
    expect(importSummary({ created: true, language: 'en', cards: cards(500), found: 14_012 })).toBe(
      'The 500 most check-worthy of 14,012 claims became cards in Unverified, to keep the board workable. Show the article to make cards of other sentences.',
    );
    expect(importSummary({ created: true, language: 'en', cards: cards(3), found: 3 })).toBe(
      '3 claims became cards in Unverified.',
    );
  });

  it('says why a new article made no cards, and what to do instead', () => {
    const foreign = importSummary({ created: true, language: 'other', cards: [] });
    expect(foreign).toMatch(
      /^No cards were made: this article does not read as English or Spanish/,
    );
    const plain = importSummary({ created: true, language: 'en', cards: [] });
    expect(plain).toMatch(/^Factboard found no checkable claims/);
    for (const text of [foreign, plain]) expect(text).toMatch(/make cards of its sentences/);
  });

  it('an article already on the board adds nothing, whatever its language', () => {
    const again = { created: false, cards: [] };
    expect(importSummary({ ...again, language: 'other', existingCards: cards(2) })).toBe(
      'This article is already on the board: nothing was added (2 cards come from it).',
    );
    expect(importSummary({ ...again, linked: true, language: 'en', existingCards: cards(1) })).toBe(
      'This article is already on the board (1 card comes from it): no cards were added, and its link is saved now.',
    );
  });

  it('a new version of an article says which of its claims were already cards, and from where', () => {
    const similarTo = { id: 'a1', title: 'Prisons report' };
    expect(
      importSummary({
        created: true,
        language: 'en',
        cards: cards(2),
        alreadyOnBoard: 15,
        similarTo,
      }),
    ).toBe(
      '2 new claims became cards in Unverified. 15 claims were already on the board (from “Prisons report”) and were not added again.',
    );
    expect(
      importSummary({
        created: true,
        language: 'en',
        cards: cards(1),
        alreadyOnBoard: 1,
        similarTo: null,
      }),
    ).toBe(
      '1 new claim became a card in Unverified. 1 claim was already on the board and was not added again.',
    );
    expect(
      importSummary({ created: true, language: 'en', cards: [], alreadyOnBoard: 4, similarTo }),
    ).toBe(
      'No cards were added: all 4 claims Factboard found in this article are already on the board (from “Prisons report”).',
    );
  });

  it('an earlier version’s title that leaves a right-to-left override open is closed inside its quotes', () => {
    // An imported page's title can carry one; unclosed, it reverses the rest of the sentence.
    const similarTo = { id: 'a1', title: 'Prisons \u202Etroper' };
    expect(
      importSummary({ created: true, language: 'en', cards: [], alreadyOnBoard: 4, similarTo }),
    ).toBe(
      'No cards were added: all 4 claims Factboard found in this article are already on the board (from “Prisons \u202E\u202Ctroper”).',
    );
  });

  it('a new version of an article says how many claims it left out because their card was deleted', () => {
    const gone = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ cardId: `c${i}`, claim: `Claim ${i}` }));
    const similarTo = { id: 'a1', title: 'Prisons report' };
    expect(
      importSummary({ created: true, language: 'en', cards: cards(2), deletedBefore: gone(1) }),
    ).toBe(
      '2 new claims became cards in Unverified. 1 claim was left out because its card was deleted from the board before.',
    );
    expect(
      importSummary({
        created: true,
        language: 'en',
        cards: cards(1),
        alreadyOnBoard: 15,
        similarTo,
        deletedBefore: gone(2),
      }),
    ).toBe(
      '1 new claim became a card in Unverified. 15 claims were already on the board (from “Prisons report”) and were not added again. 2 claims were left out because their cards were deleted from the board before.',
    );
    // No claim left to propose: not "no checkable claims".
    expect(
      importSummary({ created: true, language: 'en', cards: [], deletedBefore: gone(1) }),
    ).toBe(
      'No cards were added: Factboard found 1 claim in this article, and its card was deleted from the board before.',
    );
    expect(
      importSummary({
        created: true,
        language: 'en',
        cards: [],
        alreadyOnBoard: 4,
        similarTo,
        deletedBefore: gone(2),
      }),
    ).toBe(
      'No cards were added: of the 6 claims Factboard found in this article, 4 are already on the board (from “Prisons report”) and 2 were left out because their cards were deleted from it before.',
    );
    // The same text again adds nothing and leaves nothing out.
    expect(
      importSummary({
        created: false,
        language: 'en',
        cards: [],
        existingCards: cards(2),
        deletedBefore: [],
      }),
    ).toBe('This article is already on the board: nothing was added (2 cards come from it).');
  });
});
