/**
 * CSV export: one row per card, RFC 4180 (every field quoted when it holds a quote, comma, CR
 * or LF; records end in CRLF), UTF-8 with a byte-order mark so spreadsheets read accents.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and
 * some also after a leading tab or CR) as a formula, so such cells get a leading apostrophe,
 * the OWASP recommendation; the apostrophe is what a reader sees, the text after it is intact.
 * A text a spreadsheet types on opening ("True", "007", "1/2") is written as it is: no marker
 * keeps it text everywhere without showing in some spreadsheet or in the data (README Known
 * limitations, "A spreadsheet opening the CSV reads some texts as values").
 *
 * Direction controls (a right-to-left override, embedding or isolate): each one a cell holds is
 * closed where it stands (inertBidi), as the Markdown and ClaimReview exports do, once for the
 * whole cell: so no piece of a cell made of several (an evidence item: URL, quote, note and who
 * added it; a comment: who resolved its thread, its author and text) reverses the export's own
 * words after it (found by QA: a note's U+202E reversed "[Eddie]"), nor the rest of its own
 * sentence.
 *
 * Cell size: Excel holds at most 32,767 characters (UTF-16 code units) in a cell and cuts a
 * longer one, or spills it into the cells after it, without a word; a card's comments reach that
 * with a few long ones. Such a cell is cut here instead, never inside a surrogate pair nor
 * between a direction control and what closes it, and ends in a line saying how much is left out
 * and that the JSON and Markdown exports hold it all.
 */
import { verdictFitsCard } from '../board/ratingScale';
import type { BoardView, CardView, CommentView } from '../board/view';
import { COLUMN_LABELS } from './columnLabels';
import { commentThreads } from './commentThreads';
import { inertBidi } from './inertBidi';
import { isoTime } from './isoTime';
import { removedArticles } from './removedArticles';
import { cardsInOrder, type HistoryInput } from './toJsonExport';
import { verdictOnScale } from './verdictOnScale';

export const CSV_HEADER = [
  'card id',
  'column',
  'claim',
  'speaker',
  'speaker type',
  'verdict',
  /** yes, or no for a label a lead removed from the rating scale since; empty: no verdict. */
  'verdict on scale',
  /**
   * yes, or no when the verdict is not a label of the card's column (a colleague's verdict and
   * a move crossed); empty: no verdict.
   */
  'verdict fits column',
  'rationale',
  'published fact-check url',
  'source sentence',
  'source start',
  'source end',
  'article title',
  'article url',
  /** The day the card's article was published (YYYY-MM-DD); empty when unknown or removed. */
  'article published',
  /**
   * yes when the card's article was removed from the board since (the card stays, B14: its
   * title and URL are the history's, removedArticles), no when it is on the board; empty: no
   * source.
   */
  'article removed',
  'evidence',
  'comments',
  'assignee',
  'created by',
  'created at',
  'updated by',
  'updated at',
] as const;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** The most a spreadsheet cell holds: Excel's limit, in UTF-16 code units (a JS string's length). */
export const CELL_LIMIT = 32_767;
/** A direction control inertBidi closes, or the first half of a surrogate pair: never cut after. */
const UNSPLITTABLE_END = /[\u202a\u202b\u202d\u202e\u2066-\u2068\ud800-\udbff]/;

function cutMarker(more: number): string {
  return (
    `\n[cut: ${more.toLocaleString('en-US')} more characters do not fit in a spreadsheet cell;` +
    ' the JSON and Markdown exports hold them all]'
  );
}

/** `text` within CELL_LIMIT: whole, or cut (told to `onCut`) and ended with the marker. */
function withinCellLimit(text: string, onCut: () => void): string {
  if (text.length <= CELL_LIMIT) return text;
  onCut();
  // The marker for the most that could be left out is at least as long as the real one.
  let keep = CELL_LIMIT - cutMarker(text.length).length;
  while (UNSPLITTABLE_END.test(text.charAt(keep - 1))) keep -= 1;
  return text.slice(0, keep) + cutMarker([...text.slice(keep)].length);
}

/**
 * One field: neutralised against formulas, each direction control made inert where it stands
 * (inertBidi: once, here, for every piece the cell holds), cut to what a cell holds, then
 * quoted if RFC 4180 requires it.
 */
export function csvCell(value: string): string {
  return csvField(value, () => undefined);
}

/** csvCell, telling `onCut` when the cell had to be cut (toCsvFile counts them). */
function csvField(value: string, onCut: () => void): string {
  const formulaSafe = FORMULA_START.test(value) ? `'${value}` : value;
  const safe = withinCellLimit(inertBidi(formulaSafe), onCut);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One entry of a list cell (a comment, an evidence item), its own line breaks indented: a line
 * at the margin then always starts an entry (a thread, an evidence item) and one after "↳" a
 * reply, whatever the text, the note or a name holds (found by QA: a note's second line read
 * as a second, refuting item credited to someone else).
 */
function entry(text: string): string {
  return text.replace(/\r\n?|\n/g, '\n    ');
}

function commentLine(comment: CommentView, prefix: string): string {
  const deleted = comment.deletedAt !== null;
  const text = deleted ? '[deleted]' : comment.text;
  // The same marker as the Markdown report and the card detail; a deleted comment's edit
  // is of text no longer shown.
  const edited = comment.editedAt !== null && !deleted ? ' (edited)' : '';
  return prefix + entry(`${comment.author.name} (${isoTime(comment.createdAt)})${edited}: ${text}`);
}

/** Threads one after another: the first comment, its state, then its replies indented. */
function commentsCell(comments: readonly CommentView[]): string {
  return commentThreads(comments)
    .flatMap(({ root, replies }) => {
      const state = root.resolved
        ? `[resolved${root.resolvedBy ? ` by ${root.resolvedBy.name}` : ''}] `
        : '[open] ';
      return [commentLine(root, state), ...replies.map((r) => commentLine(r, '  ↳ '))];
    })
    .join('\n');
}

function evidenceCell(card: CardView): string {
  return card.evidence
    .map((e) => {
      const quote = e.quote ? ` “${e.quote}”` : '';
      const note = e.note ? ` (${e.note})` : '';
      return entry(
        `${e.stance}: ${e.url}${quote}${note} [${e.addedBy.name}, ${isoTime(e.addedAt)}]`,
      );
    })
    .join('\n');
}

const yesNo = (flag: boolean | null) => (flag === null ? '' : flag ? 'yes' : 'no');

/** What a row says of a card's article, whether on the board or removed since. */
interface ArticleCells {
  readonly title: string;
  readonly url: string | null;
  readonly published?: string | null;
  readonly removed: boolean;
}

function cardRow(
  card: CardView,
  articles: ReadonlyMap<string, ArticleCells>,
  onScale: boolean | null,
  fits: boolean | null,
): string[] {
  const source = card.source;
  const article = source ? articles.get(source.articleId) : undefined;
  return [
    card.id,
    COLUMN_LABELS[card.column],
    card.claim,
    card.speaker ?? '',
    card.speakerType ?? '',
    card.verdict ?? '',
    yesNo(onScale),
    yesNo(fits),
    card.rationale,
    card.reviewUrl ?? '',
    source?.sentence ?? '',
    source ? String(source.start) : '',
    source ? String(source.end) : '',
    article?.title ?? '',
    article?.url ?? '',
    article?.published ?? '',
    // A source whose article neither the board nor its history holds is from a removed one too.
    source ? yesNo(article?.removed ?? true) : '',
    evidenceCell(card),
    commentsCell(card.comments),
    card.assignee?.name ?? '',
    card.createdBy.name,
    isoTime(card.createdAt),
    card.updatedBy.name,
    isoTime(card.updatedAt),
  ];
}

/** The CSV file, and how many of its cells were cut to what a spreadsheet cell holds. */
export interface CsvFile {
  readonly text: string;
  readonly cutCells: number;
}

/** `history`: the board's, which names the articles removed since that cards still quote. */
export function toCsv(view: BoardView, history: readonly HistoryInput[] = []): string {
  return toCsvFile(view, history).text;
}

/** toCsv with the count of cells cut, which the Export dialog reports. */
export function toCsvFile(view: BoardView, history: readonly HistoryInput[] = []): CsvFile {
  const articles = new Map<string, ArticleCells>([
    ...view.articles.map((a) => [a.id, { ...a, removed: false }] as const),
    ...[...removedArticles(view, history)].map(([id, a]) => [id, { ...a, removed: true }] as const),
  ]);
  const onScale = verdictOnScale(view);
  const lines = [
    CSV_HEADER,
    ...cardsInOrder(view).map((card) =>
      cardRow(card, articles, onScale(card), verdictFitsCard(view.meta.ratingScale, card)),
    ),
  ];
  let cutCells = 0;
  const text = lines
    .map((cells) => cells.map((value) => csvField(value, () => (cutCells += 1))).join(',') + '\r\n')
    .join('');
  return { text: BOM + text, cutCells };
}
