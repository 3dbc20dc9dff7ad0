/**
 * Reading a board: `readBoard(doc)` reads everything once; `createBoardReader(doc)` keeps a
 * view up to date and, after a change, rebuilds only the cards it touched, reusing every
 * other card object (and column array) so that React rows skip re-rendering.
 */
import * as Y from 'yjs';
import { compareRank } from './rank';
import { readCard, readComment } from './readCard';
import { readMeta } from './readMeta';
import {
  ARTICLE_KEYS as A,
  articlesMap,
  CARD_KEYS,
  type CardMap,
  cardsMap,
  COLUMNS,
  type ColumnId,
  COMMENT_KEYS,
  commentsMap,
  metaMap,
} from './schema';
import type { ArticleView, BoardView, CardView, CommentView } from './view';

/** One article as plain data; tolerant like readCard (a wrong-typed field reads as empty). */
export function readArticle(article: Y.Map<unknown>, id: string): ArticleView {
  const text = article.get(A.text);
  const url = article.get(A.url);
  const title = article.get(A.title);
  const createdAt = article.get(A.createdAt);
  const by = article.get(A.createdBy) as { id?: unknown; name?: unknown } | null;
  return Object.freeze({
    id,
    title: typeof title === 'string' ? title : '',
    url: typeof url === 'string' ? url : null,
    text: typeof text === 'string' ? text : '',
    createdBy: Object.freeze({
      id: typeof by?.id === 'string' ? by.id : 'unknown',
      name: typeof by?.name === 'string' ? by.name : 'Unknown',
    }),
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  });
}

export function readArticles(doc: Y.Doc): readonly ArticleView[] {
  const out: ArticleView[] = [];
  articlesMap(doc).forEach((article, id) => {
    if (article instanceof Y.Map) out.push(readArticle(article, id));
  });
  return Object.freeze(out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)));
}

function commentsByCard(doc: Y.Doc): Map<string, CommentView[]> {
  const byCard = new Map<string, CommentView[]>();
  commentsMap(doc).forEach((comment, id) => {
    if (!(comment instanceof Y.Map)) return;
    const view = readComment(comment, id);
    const list = byCard.get(view.cardId);
    if (list) list.push(view);
    else byCard.set(view.cardId, [view]);
  });
  return byCard;
}

function buildColumns(
  cards: Readonly<Record<string, CardView>>,
  previous?: BoardView['columns'],
): BoardView['columns'] {
  const lists = Object.fromEntries(COLUMNS.map((c) => [c, [] as CardView[]])) as Record<
    ColumnId,
    CardView[]
  >;
  for (const card of Object.values(cards)) lists[card.column].push(card);
  const out = {} as Record<ColumnId, readonly string[]>;
  for (const column of COLUMNS) {
    const ids = lists[column].sort(compareRank).map((c) => c.id);
    const prev = previous?.[column];
    const same = prev && prev.length === ids.length && prev.every((id, i) => id === ids[i]);
    out[column] = same ? prev : Object.freeze(ids);
  }
  if (previous && COLUMNS.every((c) => out[c] === previous[c])) return previous;
  return Object.freeze(out);
}

/** One card with its comments, without reading the rest of the board; undefined if absent. */
export function readOneCard(doc: Y.Doc, cardId: string): CardView | undefined {
  const card = cardsMap(doc).get(cardId);
  if (!(card instanceof Y.Map)) return undefined;
  const comments: CommentView[] = [];
  commentsMap(doc).forEach((comment, id) => {
    if (comment instanceof Y.Map && comment.get(COMMENT_KEYS.cardId) === cardId) {
      comments.push(readComment(comment, id));
    }
  });
  return readCard(card, cardId, comments);
}

/** The cards anchored in an article, with their comments, without reading the rest. */
export function readArticleCards(doc: Y.Doc, articleId: string): CardView[] {
  const maps = new Map<string, CardMap>();
  cardsMap(doc).forEach((card, id) => {
    if (!(card instanceof Y.Map)) return;
    const source = card.get(CARD_KEYS.source) as { articleId?: unknown } | null | undefined;
    if (source?.articleId === articleId) maps.set(id, card);
  });
  const comments = new Map<string, CommentView[]>();
  commentsMap(doc).forEach((comment, id) => {
    const cardId = comment instanceof Y.Map ? comment.get(COMMENT_KEYS.cardId) : undefined;
    if (typeof cardId !== 'string' || !maps.has(cardId)) return;
    comments.set(cardId, [...(comments.get(cardId) ?? []), readComment(comment, id)]);
  });
  return [...maps].map(([id, card]) => readCard(card, id, comments.get(id) ?? []));
}

/** Reads the whole board into frozen plain data. */
export function readBoard(doc: Y.Doc): BoardView {
  const comments = commentsByCard(doc);
  const cards: Record<string, CardView> = {};
  cardsMap(doc).forEach((card, id) => {
    if (card instanceof Y.Map) cards[id] = readCard(card, id, comments.get(id) ?? []);
  });
  Object.freeze(cards);
  return Object.freeze({
    meta: readMeta(doc),
    articles: readArticles(doc),
    cards,
    columns: buildColumns(cards),
  });
}

type Handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void;

export interface BoardReader {
  /** The current view; the same object until the doc changes. */
  read(): BoardView;
  destroy(): void;
}

/** A reader that rebuilds only what changed since its last read. */
export function createBoardReader(doc: Y.Doc): BoardReader {
  let view: BoardView | null = null;
  const dirtyCards = new Set<string>();
  let dirtyMeta = false;
  let dirtyArticles = false;
  let dirtyComments = false;
  // Which card each comment belonged to at the last read, for comments that are since deleted.
  const commentCard = new Map<string, string>();

  const onCards = (events: Parameters<Handler>[0]) => {
    for (const event of events) {
      if (event.path.length > 0) dirtyCards.add(String(event.path[0]));
      else for (const key of event.keys.keys()) dirtyCards.add(key);
    }
  };
  const onComments = (events: Parameters<Handler>[0]) => {
    dirtyComments = true;
    for (const event of events) {
      const ids = event.path.length > 0 ? [String(event.path[0])] : [...event.keys.keys()];
      for (const commentId of ids) {
        const before = commentCard.get(commentId);
        if (before !== undefined) dirtyCards.add(before);
        const now = commentsMap(doc).get(commentId)?.get('cardId');
        if (typeof now === 'string') dirtyCards.add(now);
      }
    }
  };
  const onMeta = () => {
    dirtyMeta = true;
  };
  const onArticles = () => {
    dirtyArticles = true;
  };
  // Y.Map's observeDeep is typed per value type; one loose alias lets the four share a list.
  type Observable = { observeDeep(fn: Handler): void; unobserveDeep(fn: Handler): void };
  const observers: [Observable, Handler][] = [
    [metaMap(doc) as unknown as Observable, onMeta],
    [articlesMap(doc) as unknown as Observable, onArticles],
    [cardsMap(doc) as unknown as Observable, onCards],
    [commentsMap(doc) as unknown as Observable, onComments],
  ];
  for (const [type, fn] of observers) type.observeDeep(fn);

  // Which comments each card has, rebuilt once per read that has dirty cards: one pass over
  // the comments, however many cards changed.
  const cardComments = new Map<string, string[]>();
  function indexComments(): void {
    commentCard.clear();
    cardComments.clear();
    commentsMap(doc).forEach((comment, id) => {
      const cardId = comment instanceof Y.Map ? comment.get('cardId') : undefined;
      if (typeof cardId !== 'string') return;
      commentCard.set(id, cardId);
      const list = cardComments.get(cardId);
      if (list) list.push(id);
      else cardComments.set(cardId, [id]);
    });
  }

  function commentsOf(cardId: string): CommentView[] {
    const out: CommentView[] = [];
    for (const commentId of cardComments.get(cardId) ?? []) {
      const comment = commentsMap(doc).get(commentId);
      if (comment instanceof Y.Map) out.push(readComment(comment, commentId));
    }
    return out;
  }

  return {
    read() {
      if (view === null) {
        view = readBoard(doc);
        indexComments();
        dirtyCards.clear();
        dirtyMeta = dirtyArticles = dirtyComments = false;
        return view;
      }
      if (dirtyCards.size === 0 && !dirtyMeta && !dirtyArticles) return view;
      let cards = view.cards;
      if (dirtyCards.size > 0) {
        if (dirtyComments) indexComments();
        const next: Record<string, CardView> = { ...view.cards };
        for (const id of dirtyCards) {
          const card: CardMap | undefined = cardsMap(doc).get(id);
          if (card instanceof Y.Map) next[id] = readCard(card, id, commentsOf(id));
          else delete next[id];
        }
        cards = Object.freeze(next);
      }
      view = Object.freeze({
        meta: dirtyMeta ? readMeta(doc) : view.meta,
        articles: dirtyArticles ? readArticles(doc) : view.articles,
        cards,
        columns: dirtyCards.size > 0 ? buildColumns(cards, view.columns) : view.columns,
      });
      dirtyCards.clear();
      dirtyMeta = dirtyArticles = dirtyComments = false;
      return view;
    },
    destroy() {
      for (const [type, fn] of observers) type.unobserveDeep(fn);
    },
  };
}
