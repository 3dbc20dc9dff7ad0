/** Search and filters over the board's plain data; the columns stay in display order. */
import {
  COLUMNS,
  type BoardView,
  type CardView,
  type ColumnId,
  type RatingScale,
  verdictFitsCard,
} from '../../shared/board';
import { foldName } from '../../shared/foldName';
import { type ChangedCards, tellChangedCards } from './changedCards';
import { sameIds } from '../../shared/sameIds';

/** Marks "no value" in the speaker, verdict, assignee and article filters. */
export const NONE = '\u0000none';
/**
 * Marks, in the verdict filter, the cards whose verdict is no label of their column (a
 * colleague's verdict and a move crossed), for the person who puts them right.
 */
export const MISFIT = '\u0000misfit';

export interface CardFilter {
  readonly text: string;
  /** A speaker's name, NONE for cards without one, or null for any. */
  readonly speaker: string | null;
  readonly verdict: string | null;
  /** An assignee's actor id, NONE, or null. */
  readonly assignee: string | null;
  /**
   * The id of the article the card quotes, NONE for cards that quote none (or an article since
   * removed: such a card keeps its sentence, not its article), or null.
   */
  readonly article: string | null;
  /** Only the cards that wait for the local user (the `forMe` test of filterColumns). */
  readonly forMe: boolean;
}

export const EMPTY_FILTER: CardFilter = Object.freeze({
  text: '',
  speaker: null,
  verdict: null,
  assignee: null,
  article: null,
  forMe: false,
});

export type Columns = Readonly<Record<ColumnId, readonly string[]>>;

export function isFilterActive(f: CardFilter): boolean {
  return (
    f.text.trim() !== '' ||
    f.speaker !== null ||
    f.verdict !== null ||
    f.assignee !== null ||
    f.article !== null ||
    f.forMe
  );
}

const matchesValue = (want: string | null, have: string | null | undefined) =>
  want === null || (want === NONE ? !have : want === have);

/**
 * The filter without an article choice the board no longer offers: the article was removed,
 * or too few are left for the filter to show (FilterBar shows it from two articles on).
 * The same object when nothing needs dropping.
 */
export function withoutGoneArticle(f: CardFilter, board: BoardView): CardFilter {
  if (f.article === null) return f;
  const offered =
    board.articles.length > 1 &&
    (f.article === NONE || board.articles.some((a) => a.id === f.article));
  return offered ? f : { ...f, article: null };
}

/** Whether a card waits for the local user: assigned to them, or a mention to answer. */
export type ForMe = (card: CardView) => boolean;

/**
 * Text as the search compares it: case and accents do not count (foldName: "jose" finds
 * "José", as @mentions do), nor typographic quotes, which articles are set in and nobody types
 * ("government's" finds "government’s", "\"total peace\"" finds "“Total Peace”").
 */
const searchFold = (text: string): string =>
  foldName(text)
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"');

/**
 * A card's searchable text (claim, speaker, quoted sentence, verdict), folded once per
 * version of the card: the board reader keeps an unchanged card's object from one read to the
 * next, so a keystroke in the search folds no card again (on 550 cards, joining and
 * lower-casing every card's text took a few ms of each keystroke with the CPU slowed 4×).
 */
const searchTexts = new WeakMap<CardView, string>();
function searchText(card: CardView): string {
  let text = searchTexts.get(card);
  if (text === undefined) {
    text = searchFold(
      [card.claim, card.speaker ?? '', card.source?.sentence ?? '', card.verdict ?? ''].join('\n'),
    );
    searchTexts.set(card, text);
  }
  return text;
}

function matchesFilter(
  card: CardView,
  f: CardFilter,
  /** The search's words, folded (searchFold). */
  words: readonly string[],
  forMe: ForMe,
  /** The board's articles: a card quoting another one quotes none that can be chosen. */
  articles: ReadonlySet<string>,
  scale: RatingScale,
): boolean {
  if (f.forMe && !forMe(card)) return false;
  if (!matchesValue(f.speaker, card.speaker)) return false;
  const verdictMatches =
    f.verdict === MISFIT
      ? verdictFitsCard(scale, card) === false
      : matchesValue(f.verdict, card.verdict);
  if (!verdictMatches) return false;
  if (!matchesValue(f.assignee, card.assignee?.id)) return false;
  const articleId = card.source?.articleId;
  if (!matchesValue(f.article, articleId && articles.has(articleId) ? articleId : null)) {
    return false;
  }
  if (words.length === 0) return true;
  const haystack = searchText(card);
  return words.every((w) => haystack.includes(w));
}

/**
 * The board's columns with only matching cards; the same object when nothing is filtered.
 * A column that shows the same cards as in `previous` (what the last call returned) is that
 * same array, and all three are that same object: a keystroke in the search that leaves a
 * column as it was re-renders nothing in it.
 */
export function filterColumns(
  board: BoardView,
  f: CardFilter,
  forMe: ForMe,
  previous?: Columns,
): Columns {
  if (!isFilterActive(f)) return board.columns;
  const articles = new Set(board.articles.map((a) => a.id));
  const words = searchFold(f.text).split(/\s+/).filter(Boolean);
  const out = {} as Record<ColumnId, readonly string[]>;
  let same = previous !== undefined;
  for (const column of COLUMNS) {
    const ids = board.columns[column].filter((id) => {
      const card = board.cards[id];
      return (
        card !== undefined && matchesFilter(card, f, words, forMe, articles, board.meta.ratingScale)
      );
    });
    const before = previous?.[column];
    if (before && sameIds(before, ids)) out[column] = before;
    else {
      out[column] = ids;
      same = false;
    }
  }
  return same && previous ? previous : out;
}

/** How many of the board's cards pass `test`, read through the columns: each live card is in one (B1), and a column is an array. */
export function countCards(board: BoardView, test: ForMe): number {
  let n = 0;
  for (const column of COLUMNS) {
    for (const id of board.columns[column]) {
      const card = board.cards[id];
      if (card && test(card)) n++;
    }
  }
  return n;
}

/** A count of the cards that pass `test`, and the board it counts. */
export interface KeptCount {
  readonly board: BoardView;
  readonly test: ForMe;
  readonly count: number;
}

/**
 * countCards for `board`, from `last`'s count and the cards changed since its board when it
 * counted with the same test; counted afresh otherwise. `test` must answer the same for a
 * card object each time it is asked (awaitingMeReader keeps its answer per card object).
 */
export function keepCount(
  last: KeptCount | null,
  board: BoardView,
  test: ForMe,
  changedCards: ChangedCards,
): KeptCount {
  if (last?.test === test) {
    let count = last.count;
    const told = tellChangedCards(last.board, board, changedCards, (before, after) => {
      count += (after && test(after) ? 1 : 0) - (before && test(before) ? 1 : 0);
    });
    if (told) return last.board === board ? last : { board, test, count };
  }
  return { board, test, count: countCards(board, test) };
}
