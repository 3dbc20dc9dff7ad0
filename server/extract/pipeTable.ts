// An HTML data table as the pipe table a plain-text article holds: a row per line, its cells
// between "|", and "| --- |" under the header row. Extraction reads such a table row by row
// with its header (markFigureLines, tableRowClaim: "Transit — 2024: $247m; 2025: $210m.");
// run together as words ("Transit $247m $210m"), a row was a heading and no card. Markdown
// tables reach this too, as marked renders them.

const CELL = new Set(['td', 'th']);
// Longer than this, a cell is running text: the table lays out the page, as it does when a
// cell holds paragraphs (its text has a blank line between them).
const MAX_CELL_CHARS = 300;

const tagOf = (el: Element) => el.tagName.toLowerCase();

// A header cell is a short label: words, a year or a period ("2024", "FY2023-24", "Q1 2025",
// "Deaths (2023)"), or nothing (the corner above the rows' names); "3h 30m" or "41,200" is a
// figure.
const MAX_LABEL_CHARS = 60;
const PERIOD = /\b(?:FY\s?|Q[1-4]\s)?(?:19|20)\d\d(?:[-–/](?:\d\d){1,2})?\b/gi;
const isLabel = (cell: string) =>
  cell.length <= MAX_LABEL_CHARS && !/\d/.test(cell.replace(PERIOD, ''));

/**
 * A header row written with <td>, as many CMS tables are: the first row, all labels, above
 * rows that hold figures (most of them). Read as data, the labels made a card of their own
 * ("Hospital — 2023, 2024.") and the rows below had no header to pair their figures with.
 */
function labelsAboveFigures(texts: string[][]): boolean {
  const [first, ...below] = texts.filter((cells) => cells.length > 0);
  if (!first || first.length < 2 || below.length === 0 || !first.every(isLabel)) return false;
  const withFigures = below.filter((cells) => cells.some((t) => /\d/.test(t))).length;
  return first.some((t) => t !== '') && withFigures * 2 > below.length;
}

/**
 * The table's lines, or null for a table that lays out the page rather than holding data
 * (nested tables, paragraphs in a cell, a single column, role="presentation"), whose text
 * is better read as paragraphs. `textOf` gives a cell's text.
 */
export function pipeTable(table: Element, textOf: (cell: Node) => string): string | null {
  if (/^(presentation|none)$/i.test(table.getAttribute('role') ?? '')) return null;
  if (table.querySelector('table')) return null;
  const rows = [...table.querySelectorAll('tr')];
  const cellsOf = (row: Element) => [...row.children].filter((c) => CELL.has(tagOf(c)));
  const grid = rows.map(cellsOf);
  if (!grid.some((cells) => cells.length >= 2)) return null;
  const raw = grid.map((cells) => cells.map(textOf));
  if (raw.some((cells) => cells.some((t) => t.includes('\n\n') || t.length > MAX_CELL_CHARS))) {
    return null;
  }
  const texts = raw.map((cells) => cells.map((t) => t.replace(/\s+/g, ' ')));
  // The header: the rows of <thead>, else a first row of <th> only, or of labels over figures.
  let header = rows.findLastIndex((row) => row.parentElement?.tagName.toLowerCase() === 'thead');
  const ths = grid[0]!.length > 0 && grid[0]!.every((c) => tagOf(c) === 'th');
  if (header < 0 && (ths || (grid[0]!.length > 0 && labelsAboveFigures(texts)))) header = 0;
  const lines: string[] = [];
  const caption = [...table.children].find((c) => tagOf(c) === 'caption');
  const title = caption ? textOf(caption).replace(/\s+/g, ' ').trim() : '';
  if (title) lines.push(title, '');
  texts.forEach((cells, r) => {
    if (cells.length === 0) return;
    // A "|" in a cell is escaped, as Markdown does, so that it does not split the cell.
    lines.push(`| ${cells.map((t) => t.replaceAll('|', '\\|')).join(' | ')} |`);
    if (r === header) lines.push(`|${' --- |'.repeat(cells.length)}`);
  });
  return lines.join('\n');
}
