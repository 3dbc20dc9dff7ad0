// List items and table rows that state a figure: "• Police: $1.1 billion, up 6%",
// "Patients leaving without being seen: 7.4%", "| Transit | $247m | $210m |". They have no
// closing punctuation, so they read as headings, yet a figure in a list or a table is exactly
// what a fact-checker checks. A line is one when it is a list item (a bullet or "1." opens it),
// a "Label: value" pair or a data row of a pipe table, and holds a digit past its label; a
// heading ("Budget cuts hit transit", "Chapter 3: The reckoning") holds none.
import { ENDS_LIKE_SENTENCE, LISTICLE_TITLE } from './furnitureRules';
import { LIST_MARKER, TABLE_ROW, type TextSpan } from './splitBlocks';
import type { BlockForm } from './types';

export interface FigureLine {
  form: BlockForm;
  /** A table row's cells, trimmed. */
  cells?: TextSpan[];
  /** The cells of its table's header row, when the table has one. */
  header?: TextSpan[];
  /**
   * The block above its table when that is the table's title (a caption, a heading, "Key
   * figures:"), by block index: cleanArticle drops it when it is furniture.
   */
  titleBlock?: number;
}

// Longer than this, the line above a table is text, not its title.
const MAX_TITLE_CHARS = 200;

/**
 * Whether the block above a table titles it: one short line that is no sentence, list item
 * or figure line. htmlToText writes a <caption> there; a Markdown or plain-text table has its
 * heading there. A sentence above a table ("The council published its figures on Monday.")
 * says what comes, not what every row is.
 */
function isTableTitle(line: string | undefined, isFigureLine: boolean): boolean {
  return (
    line !== undefined &&
    !isFigureLine &&
    line.length <= MAX_TITLE_CHARS &&
    !line.includes('\n') &&
    !TABLE_ROW.test(line) &&
    !LIST_MARKER.test(line) &&
    !ENDS_LIKE_SENTENCE.test(line)
  );
}

// "Patients leaving without being seen: 7.4%": a short label, a colon, a value with a digit.
const LABELLED_FIGURE = /^([^:\d]{1,60}?:\s+).*\d/;
const INNER_STOP = /[.!?]["”’)]*\s+\S/;
const SEPARATOR_ROW = /^\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-{2,}:?\s*)?$/;

/**
 * The trimmed cells of a pipe-table line starting at `start`; "\|" is a "|" inside a cell.
 * Empty cells are left out, but for a header (`keepEmpty`), whose empty corner above the rows'
 * names ("|  | 2023 | 2024 |") keeps its columns over the rows' cells.
 */
function cellsOf(line: string, start: number, keepEmpty = false): TextSpan[] {
  const cells: TextSpan[] = [];
  let at = 1; // after the opening "|"
  for (const piece of line.slice(1, -1).split(/(?<!\\)\|/)) {
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed || keepEmpty)
      cells.push({ start: start + at + lead, end: start + at + lead + trimmed.length });
    at += piece.length + 1;
  }
  return cells;
}

/** The figure lines among the blocks, by block index. */
export function markFigureLines(strings: string[], spans: TextSpan[]): Map<number, FigureLine> {
  const found = new Map<number, FigureLine>();
  let header: TextSpan[] | undefined;
  let titleBlock: number | undefined;
  let inTable = false;
  strings.forEach((line, i) => {
    if (TABLE_ROW.test(line) || SEPARATOR_ROW.test(line)) {
      if (!inTable) {
        inTable = true;
        titleBlock = isTableTitle(strings[i - 1], found.has(i - 1)) ? i - 1 : undefined;
      }
      // A pipe table: the row above the separator is its header (never a claim, though it
      // may hold the years: "| Department | 2024 | 2025 |"); the rows below are data.
      if (SEPARATOR_ROW.test(line)) {
        const above = strings[i - 1];
        header =
          above && TABLE_ROW.test(above) ? cellsOf(above, spans[i - 1]!.start, true) : undefined;
        found.delete(i - 1);
        return;
      }
      const cells = cellsOf(line, spans[i]!.start);
      if (cells.length >= 2 && /\d/.test(line)) {
        found.set(i, {
          form: 'row',
          cells,
          header,
          ...(titleBlock === undefined ? {} : { titleBlock }),
        });
      }
      return;
    }
    header = undefined;
    inTable = false;
    const marker = LIST_MARKER.exec(line);
    const rest = marker ? line.slice(marker[0].length) : line;
    // One statement only: a paragraph of sentences ('Wes Streeting said: "We have delivered 2m
    // extra appointments." The waiting list …') is running text, cut into its sentences.
    if (INNER_STOP.test(rest)) return;
    // "Explainer: 5 things to know about the vote" is a kicker and a title, a heading.
    const labelled = LABELLED_FIGURE.exec(rest);
    if (labelled && LISTICLE_TITLE.test(rest.slice(labelled[1]!.length))) return;
    if ((marker && /\d/.test(rest)) || labelled) found.set(i, { form: 'item' });
  });
  return found;
}
