/**
 * Reading a board: `readBoard(doc)` reads everything once; `createBoardReader(doc)` keeps a
 * view up to date and, after a change, rebuilds only the cards it touched and the columns a
 * card came to or left, reusing every other card object (and column array) so that React rows
 * skip re-rendering.
 */
import * as Y from 'yjs';
import { sameIds } from '../sameIds';
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
import { isCalendarDay } from './publishedDate';
import type { ArticleView, BoardView, CardView, CommentView } from './view';

/** One article as plain data; tolerant like readCard (a wrong-typed field reads as empty). */
export function readArticle(article: Y.Map<unknown>, id: string): ArticleView {
  const text = article.get(A.text);
  const url = article.get(A.url);
  const title = article.get(A.title);
  const createdAt = article.get(A.createdAt);
  const by = article.get(A.createdBy) as { id?: unknown; name?: unknown } | null;
  const published = article.get(A.published);
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
    // Absent on boards from before the key (B10); the clock is not asked (isCalendarDay: B4).
    published: isCalendarDay(published) ? published : null,
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

function buildColumns(cards: Readonly<Record<string, CardView>>): BoardView['columns'] {
  const lists = Object.fromEntries(COLUMNS.map((c) => [c, [] as CardView[]])) as Record<
    ColumnId,
    CardView[]
  >;
  for (const card of Object.values(cards)) lists[card.column].push(card);
  const out = {} as Record<ColumnId, readonly string[]>;
  for (const column of COLUMNS) {
    out[column] = Object.freeze(lists[column].sort(compareRank).map((c) => c.id));
  }
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

/**
 * A view's cards by id, with no prototype: ids come from outside (a link's `?card=`, a card
 * link in a comment, an imported file), and on a plain object `cards.constructor` or
 * `cards.toString` is a function, a card the board does not hold, that a page then opened.
 */
function cardRecord(): Record<string, CardView> {
  return Object.create(null) as Record<string, CardView>;
}

/** Reads the whole board into frozen plain data. */
export function readBoard(doc: Y.Doc): BoardView {
  const comments = commentsByCard(doc);
  const cards = cardRecord();
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

/** How many reads back a reader's `changedCards` can tell; further back it says null. */
const CHANGE_LOG = 64;

export interface BoardReader {
  /** The current view; the same object until the doc changes. */
  read(): BoardView;
  /**
   * The ids of the cards that may differ between two views this reader returned, `from` read
   * before `to`; null when it cannot tell (another reader's views, `to` older than `from`, or
   * more than CHANGE_LOG reads apart), and the caller reads every card. Lets what is derived
   * from every card (the filter menus' speakers, the For me count) follow a colleague's change
   * at the cost of the cards it touched. Cards outside the set are the same objects in both.
   */
  changedCards(from: BoardView, to: BoardView): ReadonlySet<string> | null;
  /**
   * changedCards's cards, each with the origin (Yjs's `transaction.origin`) of the latest
   * change to it: whose each card's change was (a command's CommandOrigin, a provider's), where
   * one flag for the board read a colleague's change that came with one's own as one's own.
   */
  changeOrigins(from: BoardView, to: BoardView): ReadonlyMap<string, unknown> | null;
  destroy(): void;
}

/**
 * The columns after the cards in `moved` changed place (came, went or moved): only the
 * columns they left or entered are remade, each from its previous order (whose other cards
 * kept their ranks) with the moved cards put back by bisection, so a colleague's move on a
 * board of thousands of cards sorts nothing. Columns no card left or entered stay the same
 * arrays, and the same object is returned when none changed.
 */
function placeMoved(
  previous: BoardView['columns'],
  cards: Readonly<Record<string, CardView>>,
  moved: ReadonlySet<string>,
  touched: ReadonlySet<ColumnId>,
): BoardView['columns'] {
  const out = { ...previous } as Record<ColumnId, readonly string[]>;
  for (const column of touched) {
    const ids = previous[column].filter((id) => !moved.has(id));
    for (const id of moved) {
      const card = cards[id];
      if (card?.column !== column) continue;
      let lo = 0;
      let hi = ids.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareRank(cards[ids[mid] as string] as CardView, card) < 0) lo = mid + 1;
        else hi = mid;
      }
      ids.splice(lo, 0, id);
    }
    const prev = previous[column];
    out[column] = sameIds(prev, ids) ? prev : Object.freeze(ids);
  }
  if (COLUMNS.every((c) => out[c] === previous[c])) return previous;
  return Object.freeze(out);
}

/**
 * A reader that rebuilds only what changed since its last read: the changed cards, the
 * columns a card came to or left, and which comments each card has, kept up to date comment
 * by comment. A colleague's change on a 1,000-card board costs a read of what it touched, not
 * of the board (QA24: each remote change re-read every comment and re-sorted every column).
 */
export function createBoardReader(doc: Y.Doc): BoardReader {
  let view: BoardView | null = null;
  // Each view's read number, and the cards each of the last CHANGE_LOG reads rebuilt with their
  // latest change's origin (the last entry is read number `reads`'s): bounded, so no view keeps
  // earlier ones alive.
  let reads = 0;
  const readOf = new WeakMap<BoardView, number>();
  const rebuilt: ReadonlyMap<string, unknown>[] = [];
  /** The cards changed since the last read, each with its latest change's origin. */
  const dirtyCards = new Map<string, unknown>();
  let dirtyMeta = false;
  let dirtyArticles = false;
  // Which card each comment belongs to, and each card's comments; filled at the first read,
  // then kept up to date by onComments (indexed says which).
  let indexed = false;
  const commentCard = new Map<string, string>();
  const cardComments = new Map<string, Set<string>>();

  function cardOfComment(commentId: string): string | undefined {
    const comment = commentsMap(doc).get(commentId);
    const cardId = comment instanceof Y.Map ? comment.get(COMMENT_KEYS.cardId) : undefined;
    return typeof cardId === 'string' ? cardId : undefined;
  }

  function indexComment(commentId: string, cardId: string | undefined): void {
    const before = commentCard.get(commentId);
    if (before === cardId) return;
    if (before !== undefined) {
      const list = cardComments.get(before);
      list?.delete(commentId);
      if (list?.size === 0) cardComments.delete(before);
      commentCard.delete(commentId);
    }
    if (cardId === undefined) return;
    commentCard.set(commentId, cardId);
    const list = cardComments.get(cardId);
    if (list) list.add(commentId);
    else cardComments.set(cardId, new Set([commentId]));
  }

  /** Marks a card changed, by the transaction's origin (its latest, should it change again). */
  const dirty = (cardId: string, transaction: Y.Transaction) => {
    dirtyCards.set(cardId, transaction.origin);
  };
  const onCards = (events: Parameters<Handler>[0]) => {
    for (const event of events) {
      if (event.path.length > 0) dirty(String(event.path[0]), event.transaction);
      else for (const key of event.keys.keys()) dirty(key, event.transaction);
    }
  };
  const onComments = (events: Parameters<Handler>[0]) => {
    for (const event of events) {
      const ids = event.path.length > 0 ? [String(event.path[0])] : [...event.keys.keys()];
      for (const commentId of ids) {
        const before = commentCard.get(commentId);
        if (before !== undefined) dirty(before, event.transaction);
        const now = cardOfComment(commentId);
        if (now !== undefined) dirty(now, event.transaction);
        if (indexed) indexComment(commentId, now);
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

  function commentsOf(cardId: string): CommentView[] {
    const out: CommentView[] = [];
    for (const commentId of cardComments.get(cardId) ?? []) {
      const comment = commentsMap(doc).get(commentId);
      if (comment instanceof Y.Map) out.push(readComment(comment, commentId));
    }
    return out;
  }

  function changeOrigins(from: BoardView, to: BoardView): ReadonlyMap<string, unknown> | null {
    const first = readOf.get(from);
    const last = readOf.get(to);
    if (first === undefined || last === undefined || first > last) return null;
    if (reads - first > rebuilt.length) return null;
    const origins = new Map<string, unknown>();
    for (let n = first + 1; n <= last; n++) {
      for (const [id, origin] of rebuilt[rebuilt.length - 1 - (reads - n)] ?? []) {
        origins.set(id, origin);
      }
    }
    return origins;
  }

  return {
    read() {
      if (view === null) {
        view = readBoard(doc);
        readOf.set(view, reads);
        commentsMap(doc).forEach((_, id) => indexComment(id, cardOfComment(id)));
        indexed = true;
        dirtyCards.clear();
        dirtyMeta = dirtyArticles = false;
        return view;
      }
      if (dirtyCards.size === 0 && !dirtyMeta && !dirtyArticles) return view;
      let { cards, columns } = view;
      if (dirtyCards.size > 0) {
        const next = Object.assign(cardRecord(), view.cards);
        const moved = new Set<string>();
        const touched = new Set<ColumnId>();
        for (const id of dirtyCards.keys()) {
          const card: CardMap | undefined = cardsMap(doc).get(id);
          if (card instanceof Y.Map) next[id] = readCard(card, id, commentsOf(id));
          else delete next[id];
          const before = view.cards[id];
          const after = next[id];
          if (before?.column === after?.column && before?.rank === after?.rank) continue;
          moved.add(id);
          if (before) touched.add(before.column);
          if (after) touched.add(after.column);
        }
        cards = Object.freeze(next);
        if (moved.size > 0) columns = placeMoved(view.columns, cards, moved, touched);
      }
      view = Object.freeze({
        meta: dirtyMeta ? readMeta(doc) : view.meta,
        articles: dirtyArticles ? readArticles(doc) : view.articles,
        cards,
        columns,
      });
      readOf.set(view, ++reads);
      rebuilt.push(new Map(dirtyCards));
      if (rebuilt.length > CHANGE_LOG) rebuilt.shift();
      dirtyCards.clear();
      dirtyMeta = dirtyArticles = false;
      return view;
    },
    changedCards(from, to) {
      const origins = changeOrigins(from, to);
      return origins && new Set(origins.keys());
    },
    changeOrigins,
    destroy() {
      for (const [type, fn] of observers) type.unobserveDeep(fn);
    },
  };
}
