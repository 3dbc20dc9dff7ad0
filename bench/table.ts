/**
 * The one output format of every bench section: a titled table of strings, rendered as
 * markdown for the terminal and for bench/results/latest.md.
 */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Lines printed under the table: what was measured and how. */
  readonly notes?: readonly string[];
}

export function renderMarkdown(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(escape).join(' | ')} |`;
  const out = [
    `## ${table.title}`,
    '',
    line(table.columns),
    line(table.columns.map(() => '---')),
    ...table.rows.map(line),
  ];
  if (table.notes && table.notes.length > 0) out.push('', ...table.notes.map((n) => `- ${n}`));
  return out.join('\n') + '\n';
}

/** `value / base` as "1.23×", or "n/a" when either side is missing or the base is zero. */
export function formatRatio(value: number | undefined, base: number | undefined): string {
  if (value === undefined || base === undefined || base === 0 || !Number.isFinite(value)) {
    return 'n/a';
  }
  const ratio = value / base;
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

/** A number with at most three significant digits before the unit, e.g. "12.3 ms". */
export function formatNumber(value: number, unit: string): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit === '' ? text : `${text} ${unit}`;
}
