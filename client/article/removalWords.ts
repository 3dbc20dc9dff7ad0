/**
 * What the "Remove this article?" dialog says of the cards that stay (planArticleRemoval):
 * those that move to another article that has their sentence, and those that stay anchored to
 * the removed one. It counts cards, never more than there are: a card with a verdict and
 * evidence is one card worked on, and a card that moves only because its sentence is in the
 * other article has no work to move with it (QA20).
 */
import type { KeepReason, KeptCard } from '../../shared/board';
import { plural } from '../ui/plural';
import { quoted } from '../ui/quoted';
import { wordList } from '../ui/wordList';

type Work = Exclude<KeepReason, 'inAnotherArticle'>;

/** What someone did to a card that stays, as "N cards …" ends. */
const WORK_WORDS: Readonly<Record<Work, string>> = {
  madeByHand: 'made by hand from the article',
  moved: 'moved out of Unverified',
  verdict: 'with a verdict',
  evidence: 'with evidence',
  comments: 'with comments',
  assigned: 'being checked by someone',
  edited: 'edited since the import',
};

const worked = (k: KeptCard) => k.reasons.some((r) => r !== 'inAnotherArticle');

/**
 * "1 with a verdict; 2 with evidence": the work done on `cards`, all worked on, by kind; one
 * card's without counts ("with a verdict; with evidence"), which would read as two cards.
 */
function workDone(cards: readonly KeptCard[]): string {
  return (Object.keys(WORK_WORDS) as Work[])
    .map((r) => [r, cards.filter((k) => k.reasons.includes(r)).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => (cards.length === 1 ? WORK_WORDS[r] : `${n} ${WORK_WORDS[r]}`))
    .join('; ');
}

/**
 * Where the moving cards go: "3 cards move to “v2”, which has their sentences.", or, to
 * several articles, "3 cards move to the articles that have their sentences: 2 to “v2” and 1
 * to “v3”." Then the work that goes with them, of those that have any: "Their work moves with
 * them (…)." when all do, "The work on 2 of them moves with them (…)." when some do.
 */
export function movingWords(
  moving: readonly KeptCard[],
  labels: ReadonlyMap<string, string>,
): string {
  const byArticle = new Map<string, number>();
  for (const { anchor } of moving) {
    if (anchor) byArticle.set(anchor.articleId, (byArticle.get(anchor.articleId) ?? 0) + 1);
  }
  const n = moving.length;
  const label = (id: string) => quoted(labels.get(id) ?? 'another article');
  const cards = plural(n, 'card moves', 'cards move');
  const where =
    byArticle.size === 1
      ? `${cards} to ${label([...byArticle.keys()][0]!)}, which has ${n === 1 ? 'its sentence' : 'their sentences'}.`
      : `${cards} to the articles that have their sentences: ${wordList([...byArticle].map(([id, k]) => `${k} to ${label(id)}`))}.`;
  const withWork = moving.filter(worked);
  const w = withWork.length;
  if (w === 0) return where;
  const work =
    w === n
      ? n === 1
        ? 'Its work moves with it'
        : 'Their work moves with them'
      : `The work on ${w} of them moves with ${w === 1 ? 'it' : 'them'}`;
  return `${where} ${work} (${workDone(withWork)}).`;
}

/**
 * The cards that stay anchored to the removed article, every one worked on (a card nobody
 * worked on stays only to move): "2 cards stay on the board, because someone worked on them
 * (…). They keep their quoted sentence."
 */
export function stayingWords(staying: readonly KeptCard[]): string {
  const one = staying.length === 1;
  return (
    `${plural(staying.length, 'card stays', 'cards stay')} on the board, because someone ` +
    `worked on ${one ? 'it' : 'them'} (${workDone(staying)}). ` +
    `${one ? 'It keeps its' : 'They keep their'} quoted sentence.`
  );
}
