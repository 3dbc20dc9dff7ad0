/**
 * What removing an article does to its cards (removeArticle, and the dialog that asks first):
 * a wrong paste is taken back with the cards its import proposed, but nobody's work goes with
 * it. A card is deleted only if it came from the article's import and nobody has touched it
 * since: still in Unverified, no verdict, no evidence, no live comment, nobody checking it, and
 * never changed by a command (every card command stamps `updatedAt`), and no other article on
 * the board has its sentence: a newer version of the story imported after it proposed no card
 * for the sentences this one's cards hold (importArticle), so they are that version's cards too
 * (QA17: removing v1 left v2 with 1 card of 22). Any other card of the article stays on the
 * board with its quoted sentence (`source` holds the sentence, so the card reads whole without
 * its article).
 */
import type { ArticleView, CardView } from './view';

/** Why a card of a removed article stays: what someone did to it. */
export type KeepReason =
  | 'madeByHand'
  | 'moved'
  | 'verdict'
  | 'evidence'
  | 'comments'
  | 'assigned'
  | 'edited'
  | 'inAnotherArticle';

export interface ArticleRemovalPlan {
  /** Cards its import proposed that nobody has worked on: removed with the article. */
  readonly remove: readonly CardView[];
  /** Every other card anchored in the article, with why it stays. */
  readonly keep: readonly { readonly card: CardView; readonly reasons: readonly KeepReason[] }[];
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
 * Why a card of `article` stays: what someone did to it, or another of `others` (the board's
 * other articles) holding its sentence; empty for an import's card nobody touched.
 */
function keepReasons(
  card: CardView,
  article: ArticleView,
  others: readonly ArticleView[],
): KeepReason[] {
  const reasons: KeepReason[] = [];
  if (!fromImport(card, article)) reasons.push('madeByHand');
  if (card.column !== 'unverified') reasons.push('moved');
  if (card.verdict !== null) reasons.push('verdict');
  if (card.evidence.length > 0) reasons.push('evidence');
  if (card.comments.some((c) => c.deletedAt === null)) reasons.push('comments');
  if (card.assignee !== null) reasons.push('assigned');
  if (card.updatedAt !== card.createdAt || card.updatedBy.id !== card.createdBy.id) {
    reasons.push('edited');
  }
  const sentence = card.source?.sentence;
  if (sentence && others.some((a) => a.id !== article.id && a.text.includes(sentence))) {
    reasons.push('inAnotherArticle');
  }
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
  const keep: { card: CardView; reasons: KeepReason[] }[] = [];
  for (const card of cards) {
    if (card.source?.articleId !== article.id) continue;
    const reasons = keepReasons(card, article, others);
    if (reasons.length === 0) remove.push(card);
    else keep.push({ card, reasons });
  }
  return { remove, keep };
}
