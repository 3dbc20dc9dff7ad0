/**
 * An article's text is the one it was imported with, and a card's quoted sentence is its
 * article's text between the card's offsets, whoever writes (leads too). A card is anchored to
 * its sentence by those offsets, and the exports quote that sentence as what the article said:
 * a client that rewrote the text after the import, or wrote a card quoting words that are not
 * at its offsets, would have the board (and its ClaimReview) credit an article with words it
 * never printed, with nothing in the history to show it. So:
 * - an article's text is written only with a new article: one under an id the board never had
 *   (no page writes one, but an article a client brings is its own, as an import is), or one
 *   put back under its id (an Undo of its removal) with the very text it was removed with
 *   (PastActors while the room lives, the history's digest after: RemovedArticles);
 *   an article that stays is never given another text, nor loses its text;
 * - a card's source is written with the card only (made from a selection, or put back by an
 *   Undo), and quotes the text of its article within it, as the board holds it or as the same write puts it
 *   back, or as it was removed; or else is the source the card had when it was deleted (an
 *   Undo of the deletion of a card that outlived its article).
 * A source that cannot be checked (its article was removed before the room loaded, and the card
 * was not deleted while it lives) is refused: the page lists the card under "Not saved".
 */
import * as Y from 'yjs';
import { ARTICLE_KEYS, articlesMap, CARD_KEYS, ROOT } from '../../shared/board/schema';
import { valueOf } from './actorValues';
import type { UpdateAnalysis } from './analyzeUpdate';
import { everHad } from './everHad';
import { isNewItem } from './isNewItem';
import type { PastActors } from './PastActors';
import { no, OK, type PolicyVerdict } from './policyVerdict';
import type { RemovedArticles } from './RemovedArticles';

interface Span {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
}

const sameSpan = (a: Span, b: unknown): boolean => {
  const s = b as Partial<Span> | null | undefined;
  return (
    s?.articleId === a.articleId &&
    s.start === a.start &&
    s.end === a.end &&
    s.sentence === a.sentence
  );
};

export function checkSources(
  { newItems, deletes }: UpdateAnalysis,
  ds: ReturnType<typeof Y.decodeUpdate>['ds'],
  doc: Y.Doc,
  past: PastActors,
  removed: RemovedArticles,
): PolicyVerdict {
  const articles = articlesMap(doc);
  // The key of each card and article the update makes: a new item's own key is left out of
  // the update when it is written next to another, and only its place says it (analyzeUpdate).
  const keys = new Map<Y.Item, string | null>();
  for (const { item, where } of newItems) if (where.depth === 0) keys.set(item, where.key);
  const idOf = (top: Y.Item) => (keys.has(top) ? (keys.get(top) ?? null) : top.parentSub);

  // The texts of the articles this update makes, by id, once each is found to be allowed.
  const broughtTexts = new Map<string, string>();
  for (const { item, where } of newItems) {
    if (where.root !== ROOT.articles || where.depth !== 1 || where.key !== ARTICLE_KEYS.text) {
      continue;
    }
    const top = where.top as Y.Item;
    if (!isNewItem(doc, top)) return no('an article’s text stays as it was imported');
    const text = valueOf(item);
    const id = idOf(top);
    // A value set and replaced within the update holds nothing; the type check is fieldRules'.
    if (typeof text !== 'string' || id === null) continue;
    if (everHad(articles, id) && past.articleText(id) !== text && !removed.had(id, text)) {
      return no('an article comes back only with the text it was removed with');
    }
    broughtTexts.set(id, text);
  }
  // An article the update makes under an id the board had comes with its text: one put back
  // (or replaced under its id) without it would leave its cards quoting nothing.
  for (const { item, where } of newItems) {
    if (where.root !== ROOT.articles || where.depth !== 0 || where.key === null) continue;
    const isMap = item.content instanceof Y.ContentType && item.content.type instanceof Y.Map;
    if (isMap && everHad(articles, where.key) && !broughtTexts.has(where.key)) {
      return no('an article comes back only with the text it was removed with');
    }
  }
  for (const { where } of deletes) {
    if (where.root !== ROOT.articles || where.depth !== 1 || where.key !== ARTICLE_KEYS.text) {
      continue;
    }
    const top = where.top as Y.Item;
    if (!Y.isDeleted(ds, top.id)) return no('an article’s text stays as it was imported');
  }

  for (const { item, where } of newItems) {
    if (where.root !== ROOT.cards || where.depth !== 1 || where.key !== CARD_KEYS.source) continue;
    // No page changes a card's source: it is written with the card (or its Undo) only.
    if (!isNewItem(doc, where.top as Y.Item)) return no('a card’s source stays as it was made');
    const span = valueOf(item) as Span | null | undefined;
    if (span === null || span === undefined) continue; // none, or replaced within the update
    const live = articles.get(span.articleId)?.get(ARTICLE_KEYS.text);
    const text =
      typeof live === 'string'
        ? live
        : (broughtTexts.get(span.articleId) ?? past.articleText(span.articleId));
    // slice() clamps: offsets past the end would hold a sentence they do not describe.
    const quotes = text !== undefined && span.end <= text.length;
    if (quotes && text.slice(span.start, span.end) === span.sentence) continue;
    const cardId = idOf(where.top as Y.Item);
    if (cardId !== null && sameSpan(span, past.cardSource(cardId))) continue;
    return no('a card quotes its article’s text at its offsets');
  }
  return OK;
}
