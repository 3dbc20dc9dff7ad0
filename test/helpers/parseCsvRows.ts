/**
 * The rows of an exported CSV as a spreadsheet reads them: a leading BOM dropped (fetch's
 * text() has already dropped it), CRLF between rows, no empty last row, and no parse error.
 */
import Papa from 'papaparse';
import { expect } from 'vitest';

export function parseCsvRows(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    newline: '\r\n',
    skipEmptyLines: true,
  });
  expect(result.errors).toEqual([]);
  return result.data;
}
