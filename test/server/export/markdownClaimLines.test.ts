/**
 * The Markdown report's card heading is one line, so a claim written on several lines lost
 * them there ("### 7. Line one Line two Line three"). Such a claim is given whole, its lines
 * kept, in a quote right under the heading, escaped as the rationale is. Through the real
 * export route and SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, initBoard } from '../../../shared/board';
import { type ExportServer, startExportServer } from './exportServer';

const editor = { actor: { id: 'inv-ed', name: 'Ed' }, now: () => Date.now() };
const LINES = 'Line one\nLine two\twith\ttabs\r\nLine three';
/** Lines that would each start a block of their own if they were not escaped. */
const HOSTILE = '# heading claim\n\n- a list\n> a quote\n---\n| a | b |\n    code\n1. ordered';

let server: ExportServer;
let report: string[];

beforeAll(async () => {
  server = await startExportServer();
  const created = Date.now();
  const { boardId, doc } = await server.createBoard('Lines', created);
  initBoard(doc, { title: 'Lines' }, editor);
  // Cards 1, 2 and 3 of Unverified, in the order added.
  addClaim(doc, { claim: 'A claim on one line' }, editor);
  addClaim(doc, { claim: HOSTILE }, editor);
  addClaim(doc, { claim: LINES }, editor);
  await server.storage.appendUpdate(boardId, Y.encodeStateAsUpdate(doc), created);
  const res = await server.get(
    `/api/boards/${boardId}/export?format=md`,
    await server.invite(boardId, 'lead'),
  );
  expect(res.status).toBe(200);
  report = (await res.text()).split('\n');
});

afterAll(async () => {
  await server?.close();
});

/** The lines between a card's heading and its facts ("- Verdict: …"). */
function underHeading(heading: string): string[] {
  const at = report.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const facts = report.indexOf('- Verdict: _none_', at);
  return report.slice(at + 1, facts);
}

/** What a Markdown renderer shows for a quoted, escaped line. */
const shown = (line: string) =>
  line
    .replace(/^>\s?/, '')
    .replace(/ {2}$/, '')
    .replace(/\\(.)/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('Markdown report: a claim of several lines', () => {
  it('keeps the heading on one line, as before', () => {
    expect(report).toContain('### 3. Line one Line two\twith\ttabs Line three');
  });

  it('gives the claim whole, line by line, in a quote right under the heading', () => {
    expect(underHeading('### 3. Line one Line two\twith\ttabs Line three')).toEqual([
      '',
      '> Line one  ',
      '> Line two\twith\ttabs  ',
      '> Line three',
      '',
    ]);
  });

  it('escapes each quoted line, so none starts a block of its own, and keeps its paragraphs', () => {
    const quote = underHeading(report.find((l) => l.startsWith('### 2. '))!).filter(Boolean);
    expect(quote.every((l) => l.startsWith('>'))).toBe(true);
    // Inside the quote only the exporter's own "> " starts a line; the text's markers are escaped.
    for (const line of quote) expect(line).not.toMatch(/^>\s*([-+#>|]|\d+\.|\s{4})/);
    expect(quote.map(shown)).toEqual([
      '# heading claim',
      '',
      '- a list',
      '> a quote',
      '---',
      '| a | b |',
      'code',
      '1. ordered',
    ]);
  });

  it('adds nothing under a claim of one line', () => {
    expect(underHeading('### 1. A claim on one line')).toEqual(['']);
  });
});
