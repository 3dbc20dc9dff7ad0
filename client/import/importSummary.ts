/**
 * What the import dialog says once the server has answered. An import that made no cards
 * says why, so that nobody takes an empty column for an article without facts: either
 * extraction does not read the article's language (it reads English and Spanish), or it
 * found nothing checkable; both
 * point to the article view, where any sentence can still become a card. A new version of an
 * article already on the board says how many of its claims were cards already, and from
 * which article, so that fewer cards than expected reads as intended, and how many it left out
 * because a person had deleted their card from the board (the dialog lists those to restore).
 */
import { plural } from '../ui/plural';
import type { ImportedArticle } from './postArticle';
import { quoted } from '../ui/quoted';

const MAKE_THEM = 'Show the article to make cards of its sentences yourself.';

type Done = Pick<ImportedArticle, 'created' | 'cards' | 'language'> &
  Partial<
    Pick<
      ImportedArticle,
      'existingCards' | 'linked' | 'found' | 'alreadyOnBoard' | 'similarTo' | 'deletedBefore'
    >
  >;

export function importSummary(done: Done): string {
  const known = done.alreadyOnBoard ?? 0;
  const deleted = done.deletedBefore?.length ?? 0;
  if (!done.created || known + deleted === 0) return newCardsSummary(done);
  const from = done.similarTo ? ` (from ${quoted(done.similarTo.title)})` : '';
  if (done.cards.length === 0) return `No cards were added: ${noneNew(known, deleted, from)}.`;
  const already = `${plural(known, 'claim was', 'claims were')} already on the board${from} and ${known === 1 ? 'was' : 'were'} not added again.`;
  const gone = `${plural(deleted, 'claim was', 'claims were')} left out because ${deleted === 1 ? 'its card was' : 'their cards were'} deleted from the board before.`;
  return [newCardsSummary(done, 'new '), known > 0 && already, deleted > 0 && gone]
    .filter(Boolean)
    .join(' ');
}

/** Why a new article added no cards when Factboard did find claims in it. */
function noneNew(known: number, deleted: number, from: string): string {
  const is = (n: number) => (n === 1 ? 'is' : 'are');
  const their = (n: number) => (n === 1 ? 'its card was' : 'their cards were');
  if (deleted === 0) {
    return `${known === 1 ? 'the claim' : `all ${known} claims`} Factboard found in this article ${is(known)} already on the board${from}`;
  }
  if (known === 0) {
    return `Factboard found ${plural(deleted, 'claim', 'claims')} in this article, and ${their(deleted)} deleted from the board before`;
  }
  return `of the ${known + deleted} claims Factboard found in this article, ${known} ${is(known)} already on the board${from} and ${deleted} ${deleted === 1 ? 'was' : 'were'} left out because ${their(deleted)} deleted from it before`;
}

function newCardsSummary(done: Done, fresh = ''): string {
  if (!done.created) {
    const had = done.existingCards?.length ?? 0;
    const from = `${plural(had, 'card comes', 'cards come')} from it`;
    return done.linked
      ? `This article is already on the board (${from}): no cards were added, and its link is saved now.`
      : `This article is already on the board: nothing was added (${from}).`;
  }
  const n = done.cards.length;
  if (done.found !== undefined && done.found > n) {
    return `The ${n} most check-worthy of ${done.found.toLocaleString('en')} ${fresh}claims became cards in Unverified, to keep the board workable. Show the article to make cards of other sentences.`;
  }
  if (n > 0)
    return `${plural(n, `${fresh}claim`, `${fresh}claims`)} became ${n === 1 ? 'a card' : 'cards'} in Unverified.`;
  if (done.language === 'other') {
    return `No cards were made: this article does not read as English or Spanish, the languages Factboard proposes claims in. ${MAKE_THEM}`;
  }
  return `Factboard found no checkable claims in this article. ${MAKE_THEM}`;
}
