/**
 * What removing an article does to its cards (removeArticle, and the dialog that asks first):
 * a wrong paste is taken back with the cards its import proposed, but nobody's work goes with
 * it. A card is deleted only if it came from the article's import and nobody has touched it
 * since: still in Unverified, no verdict, no evidence, no live comment, nobody checking it, and
 * never changed by a command (every card command stamps `updatedAt`), and no other article on
 * the board has its sentence: a newer version of the story imported after it proposed no card
 * for the sentences this one's cards hold (importArticle), so they are that version's cards too
 * (QA17: removing v1 left v2 with 1 card of 22).
 *
 * A kept card whose exact sentence another article holds moves there (`anchor`): its source
 * names that article, at the sentence's offsets in its text. That goes for every such card, the
 * ones with a verdict, evidence or comments too, not only the untouched ones: the desk's work
 * is about the claim in those words, which the other article prints unchanged, and the version
 * left on the board is the one editors read and cite (the Article view highlights its cards,
 * the ClaimReview names it as where the claim appeared). Left on the removed article, a checked
 * card would read "from an article since removed" beside a newer version quoting it word for
 * word. Any other kept card stays anchored to the removed article with its quoted sentence
 * (`source` holds the sentence, so the card reads whole without its article).
 */
import type { ArticleView, CardView, SourceSpan } from './view';

/**
 * Why a card of a removed article stays: what someone did to it ('edited': changed by a command
 * that left no other of these marks, such as its claim or speaker reworded), or its sentence
 * being in another article.
 */
export type KeepReason =
  | 'madeByHand'
  | 'moved'
  | 'verdict'
  | 'evidence'
  | 'comments'
  | 'assigned'
  | 'edited'
  | 'inAnotherArticle';

export interface KeptCard {
  readonly card: CardView;
  readonly reasons: readonly KeepReason[];
  /**
   * Where the card moves: its sentence in another article (reason inAnotherArticle); null: it
   * stays anchored to the removed article.
   */
  readonly anchor: SourceSpan | null;
}

export interface ArticleRemovalPlan {
  /** Cards its import proposed that nobody has worked on: removed with the article. */
  readonly remove: readonly CardView[];
  /** Every other card anchored in the article, with why it stays and where it moves. */
  readonly keep: readonly KeptCard[];
}

/**
 * An import writes its article and cards in one transaction stamped with one time
 * (importArticle), so its cards were created at their article's very time; a card made by hand
 * from the article view comes later, however soon (found by QA: one made within a minute of the
 * import, which a minute's window took for the import's, went with the article). A board
 * imported before the import stamped one time has its cards a little after their article:
 * they stay on removal, the safe side, to be deleted by hand.
 */
function fromImport(card: CardView, article: ArticleView): boolean {
  return card.createdBy.id === article.createdBy.id && card.createdAt === article.createdAt;
}

/**
 * The card's sentence in another of `others` than `article`, or null. Of several articles
 * holding it, the newest import (`others` is oldest first, as readArticles gives them): a
 * story's latest version is the one the desk works from, and removing its older versions one
 * after another then moves a card once, not through each of them. Of several places of the
 * sentence in that article, the one nearest the card's offsets in the removed one (the first
 * of two as near): a sentence a story repeats ("He declined to comment.") stays where it was
 * in the story's course.
 */
function anchorElsewhere(
  card: CardView,
  article: ArticleView,
  others: readonly ArticleView[],
): SourceSpan | null {
  const source = card.source;
  if (!source?.sentence) return null;
  const { sentence } = source;
  const target = others.findLast((a) => a.id !== article.id && a.text.includes(sentence));
  if (!target) return null;
  let start = target.text.indexOf(sentence);
  for (let at = start; at !== -1; at = target.text.indexOf(sentence, at + 1)) {
    if (Math.abs(at - source.start) < Math.abs(start - source.start)) start = at;
  }
  return { articleId: target.id, start, end: start + sentence.length, sentence };
}

/**
 * Why a card of `article` stays: what someone did to it, or its sentence being in another
 * article (`anchor`, anchorElsewhere); empty for an import's card nobody touched. 'edited' only
 * when nothing more telling says so: moving, judging or taking a card stamps its `updatedAt`
 * too, and a card counted both "with a verdict" and "edited" read as two cards worked on where
 * one was (QA20).
 */
function keepReasons(
  card: CardView,
  article: ArticleView,
  anchor: SourceSpan | null,
): KeepReason[] {
  const reasons: KeepReason[] = [];
  if (!fromImport(card, article)) reasons.push('madeByHand');
  if (card.column !== 'unverified') reasons.push('moved');
  if (card.verdict !== null) reasons.push('verdict');
  if (card.evidence.length > 0) reasons.push('evidence');
  if (card.comments.some((c) => c.deletedAt === null)) reasons.push('comments');
  if (card.assignee !== null) reasons.push('assigned');
  const changed = card.updatedAt !== card.createdAt || card.updatedBy.id !== card.createdBy.id;
  if (changed && reasons.length === 0) reasons.push('edited');
  if (anchor) reasons.push('inAnotherArticle');
  return reasons;
}

/**
 * Splits the cards anchored in `article` (among `cards`) into those removed and those kept;
 * `others`: the board's articles (the one removed among them or not).
 */
export function planArticleRemoval(
  article: ArticleView,
  cards: Iterable<CardView>,
  others: readonly ArticleView[],
): ArticleRemovalPlan {
  const remove: CardView[] = [];
  const keep: KeptCard[] = [];
  for (const card of cards) {
    if (card.source?.articleId !== article.id) continue;
    const anchor = anchorElsewhere(card, article, others);
    const reasons = keepReasons(card, article, anchor);
    if (reasons.length === 0) remove.push(card);
    else keep.push({ card, reasons, anchor });
  }
  return { remove, keep };
}
