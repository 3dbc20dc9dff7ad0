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
  // The header: the rows of <thead>, else a first row of <th> only.
  let header = rows.findLastIndex((row) => row.parentElement?.tagName.toLowerCase() === 'thead');
  if (header < 0 && grid[0]!.length > 0 && grid[0]!.every((c) => tagOf(c) === 'th')) header = 0;
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
