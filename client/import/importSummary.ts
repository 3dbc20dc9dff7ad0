/**
 * What the import dialog says once the server has answered. An import that made no cards
 * says why, so that nobody takes an empty column for an article without facts: either
 * extraction does not read the article's language (it reads English and Spanish), or it
 * found nothing checkable; both
 * point to the article view, where any sentence can still become a card.
 */
import { plural } from '../ui/plural';
import type { ImportedArticle } from './postArticle';

const MAKE_THEM = 'Show the article to make cards of its sentences yourself.';

export function importSummary(
  done: Pick<ImportedArticle, 'created' | 'cards' | 'language'> & {
    linked?: boolean;
    found?: number;
  },
): string {
  const n = done.cards.length;
  if (!done.created) {
    const from = `${plural(n, 'card comes', 'cards come')} from it`;
    return done.linked
      ? `This article is already on the board (${from}): no cards were added, and its link is saved now.`
      : `This article is already on the board: nothing was added (${from}).`;
  }
  if (done.found !== undefined && done.found > n) {
    return `The ${n} most check-worthy of ${done.found.toLocaleString('en')} claims became cards in Unverified, to keep the board workable. Show the article to make cards of other sentences.`;
  }
  if (n > 0)
    return `${plural(n, 'claim', 'claims')} became ${n === 1 ? 'a card' : 'cards'} in Unverified.`;
  if (done.language === 'other') {
    return `No cards were made: this article does not read as English or Spanish, the languages Factboard proposes claims in. ${MAKE_THEM}`;
  }
  return `Factboard found no checkable claims in this article. ${MAKE_THEM}`;
}
