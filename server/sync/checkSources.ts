/**
 * An article's text is the one it was imported with, and a card's quoted sentence is its
 * article's text between the card's offsets, whoever writes (leads too). A card is anchored to
 * its sentence by those offsets, and the exports quote that sentence as what the article said:
 * a client that rewrote the text after the import, or wrote a card quoting words that are not
 * at its offsets, would have the board (and its ClaimReview) credit an article with words it
 * never printed, with nothing in the history to show it. So:
 * - articles come from imports, which are the server's own changes: a client brings an article
 *   only back, under an id the board had (an Undo of its removal), as it was removed, every
 *   field (PastActors while the room lives, the history's articleDigest after:
 *   HistoryDigests). An article under an id the board never had would take the id an import
 *   of another text is given (articleIdFor), and that import would then find "its" article on
 *   the board and add nothing;
 * - an article that stays is never changed but for its publication day (isDay): no other
 *   field is written, replaced or deleted (its
 *   title, link and maker are what its import wrote, as its text is), though a key of a stored
 *   article that the layout does not name may be deleted (it shows nothing to anyone);
 * - a card's source is written with the card (made from a selection, or put back by an Undo),
 *   and quotes the text of its article within it, as the board holds it, as the same write
 *   puts it back, or as it was removed; or else is the source the card had when it was
 *   deleted (an Undo of the deletion of a card that outlived its article: PastActors while
 *   the room lives, the history's sourceDigest after: HistoryDigests);
 * - or a card on the board is anchored elsewhere, its sentence unchanged: a removal moves a
 *   card to another article holding the words it quotes, and its Undo moves it back to the
 *   article it brings back (removeArticle). The new source quotes its article's text at its
 *   offsets, as the board holds it or the same write brings it back, and only so: not a removed
 *   article's, which the card's past source or the removal's digest would vouch for, as they do
 *   for a deleted card coming back (a card moved to a removed article would show no article on
 *   the board, with nothing in the history to say so); with the same sentence, the card credits
 *   no article with words it did not print.
 * A source that cannot be checked (its card deleted before the history kept sourceDigest, and
 * its article gone too) is refused: the page lists the card under "Not saved".
 */
import * as Y from 'yjs';
import { ARTICLE_KEYS, articlesMap, CARD_KEYS, ROOT } from '../../shared/board/schema';
import { articleDigest, sourceDigest } from '../articles/articleDigest';
import { valueOf } from './actorValues';
import type { UpdateAnalysis, Where } from './analyzeUpdate';
import { everHad } from './everHad';
import { isNewItem } from './isNewItem';
import { namedPlace } from './namedPlace';
import type { PastActors } from './PastActors';
import { no, OK, type PolicyVerdict } from './policyVerdict';
import type { HistoryDigests } from './HistoryDigests';

/**
 * The one field of an article that stays which a client writes: its publication day
 * (setArticlePublished, an editor's or a lead's), set, replaced or cleared; fieldRules judges
 * the day. Its text, title, link and maker stay as the import wrote them.
 */
const isDay = (where: Where): boolean => where.depth === 1 && where.key === ARTICLE_KEYS.published;

const QUOTES = no('a card quotes its article’s text at its offsets');

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

/**
 * The id of a card on the board or one the update makes (`keys`: each new one's key, from its
 * place). A function of the module rather than a closure checkSources makes on every update:
 * see writePolicy's nestsTooDeep.
 */
const idOf = (top: Y.Item, keys: ReadonlyMap<Y.Item, string | null>): string | null =>
  keys.has(top) ? (keys.get(top) ?? null) : top.parentSub;

/** Whether `span`'s sentence is `text` at its offsets. */
const quotesAt = (text: string, span: Span): boolean =>
  // slice() clamps: offsets past the end would hold a sentence they do not describe.
  span.end <= text.length && text.slice(span.start, span.end) === span.sentence;

/** Whether `span` quotes the sentence the card (`top`, on the board) quotes now. */
function sameSentence(top: Y.Item, span: Span | null | undefined): boolean {
  const card = top.content instanceof Y.ContentType ? top.content.type : null;
  const now = card instanceof Y.Map ? (card.get(CARD_KEYS.source) as Partial<Span> | null) : null;
  return typeof now?.sentence === 'string' && now.sentence === span?.sentence;
}

export function checkSources(
  { newItems, deletes }: UpdateAnalysis,
  ds: ReturnType<typeof Y.decodeUpdate>['ds'],
  doc: Y.Doc,
  past: PastActors,
  history: HistoryDigests,
): PolicyVerdict {
  const articles = articlesMap(doc);
  // The key of each card and article the update makes: a new item's own key is left out of
  // the update when it is written next to another, and only its place says it (analyzeUpdate).
  const keys = new Map<Y.Item, string | null>();
  for (const { item, where } of newItems) if (where.depth === 0) keys.set(item, where.key);

  for (const { where } of newItems) {
    if (where.root !== ROOT.articles) continue;
    if (where.depth === 0) {
      if (where.key !== null && !everHad(articles, where.key)) {
        return no('articles come from an import');
      }
    } else if (!isNewItem(doc, where.top as Y.Item) && !isDay(where)) {
      return no('an article stays as it was imported');
    }
  }
  for (const { where } of deletes) {
    if (where.root !== ROOT.articles || where.depth === 0 || isDay(where)) continue;
    // A key a stored article holds though the layout does not name it may go: it shows nothing.
    if (!namedPlace(where)) continue;
    // A field goes only with its whole article (removeArticle).
    if (!Y.isDeleted(ds, (where.top as Y.Item).id)) {
      return no('an article stays as it was imported');
    }
  }

  // The fields of each article the update puts back (all under ids the board had, above),
  // by its item, as an Undo writes them: each field of the layout once, and none deleted.
  // (A second value for a field, one the update deletes, would be the one Yjs keeps if its
  // client id sorts higher: the field would end up empty while the first one was checked.)
  const putBack = new Map<Y.Item, Map<string, unknown>>();
  for (const { item, where } of newItems) {
    if (where.root !== ROOT.articles || where.depth !== 1) continue;
    const article = where.top as Y.Item;
    if (Y.isDeleted(ds, article.id)) continue; // goes again in the same update: keeps nothing
    if (!isNewItem(doc, article)) continue; // a day set on an article that stays (isDay)
    const fields = putBack.get(article) ?? new Map<string, unknown>();
    putBack.set(article, fields);
    const key = where.key;
    // A key the layout does not name was refused already (namedPlace).
    if (key === null || fields.has(key) || Y.isDeleted(ds, item.id)) {
      return no('an article comes back only as it was removed');
    }
    fields.set(key, valueOf(item));
  }
  // Each comes back whole, as it last went (an Undo brings back what its removal took): its
  // text, so that its cards quote something, and its title, link and maker, which its import
  // wrote. An earlier version would undo what came after (a link a later import gave it).
  const broughtTexts = new Map<string, string>();
  for (const { item, where } of newItems) {
    if (where.root !== ROOT.articles || where.depth !== 0 || where.key === null) continue;
    if (!(item.content instanceof Y.ContentType) || Y.isDeleted(ds, item.id)) continue;
    const fields = putBack.get(item) ?? new Map<string, unknown>();
    const digest = articleDigest((key) => fields.get(key));
    const text = fields.get(ARTICLE_KEYS.text);
    const asRemoved = past.sawArticleDeleted(where.key)
      ? past.lastArticleDigest(where.key) === digest
      : typeof text === 'string' && history.lastArticleWas(where.key, digest, text);
    if (!asRemoved) return no('an article comes back only as it was removed');
    if (typeof text === 'string') broughtTexts.set(where.key, text);
  }
  for (const { item, where } of newItems) {
    if (where.root !== ROOT.cards || where.depth !== 1 || where.key !== CARD_KEYS.source) continue;
    const span = valueOf(item) as Span | null | undefined;
    // A page changes a card's source only to anchor its sentence elsewhere (removeArticle).
    const anchoredElsewhere = !isNewItem(doc, where.top as Y.Item);
    if (anchoredElsewhere && !sameSentence(where.top as Y.Item, span)) {
      return no('a card’s source stays as it was made');
    }
    if (span === null || span === undefined) continue; // none, or replaced within the update
    const live = articles.get(span.articleId)?.get(ARTICLE_KEYS.text);
    const onBoard = typeof live === 'string' ? live : broughtTexts.get(span.articleId);
    if (anchoredElsewhere) {
      // Only to an article the board has, or that the same write brings back (an Undo of the
      // removal that moved the card): a card moved to a removed article would quote words no
      // article on the board holds, with nothing in the history to say so (QA21 F5).
      if (onBoard === undefined) return no('a card is anchored only in an article on the board');
      if (quotesAt(onBoard, span)) continue;
      return QUOTES;
    }
    const text = onBoard ?? past.articleText(span.articleId);
    if (text !== undefined && quotesAt(text, span)) continue;
    const cardId = idOf(where.top as Y.Item, keys);
    if (cardId !== null && sameSpan(span, past.cardSource(cardId))) continue;
    if (cardId !== null && history.hadCardSource(cardId, sourceDigest(span))) continue;
    return QUOTES;
  }
  return OK;
}
