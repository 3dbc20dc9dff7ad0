import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  addEvidence,
  editCard,
  initBoard,
  readBoard,
  resolveThread,
} from '../../../shared/board';
import {
  COLUMN_LABELS,
  CSV_HEADER,
  toCsv,
  toCsvFile,
  toJsonExport,
  toMarkdown,
} from '../../../shared/export';
import { CELL_LIMIT, csvCell } from '../../../shared/export/toCsv';
import { alice, buildHostileBoard, HOSTILE } from './hostileBoard';
import { buildTombstoneBoard } from './tombstoneBoard';
import { parseCsvRows } from '../../helpers/parseCsvRows';

const FORMULA_START = /^[=+\-@\t\r]/;
/** What the exporter promises a reader sees: the text, with an apostrophe before a formula. */
const shown = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

describe('toCsv', () => {
  const board = buildHostileBoard();
  const view = readBoard(board.doc);
  const csv = toCsv(view);
  const rows = parseCsvRows(csv);
  const header = rows[0] as string[];
  const rowOf = (cardId: string) => {
    const row = rows.find((r) => r[0] === cardId);
    expect(row, `row for ${cardId}`).toBeDefined();
    return Object.fromEntries(header.map((h, i) => [h, (row as string[])[i]])) as Record<
      (typeof CSV_HEADER)[number],
      string
    >;
  };

  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Outside quoted fields there is no bare LF: strip quoted fields, then look.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).not.toMatch(/[^\r]\n/);
  });

  it('has the header and one row per card, with every row as wide as the header', () => {
    expect(header).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(Object.keys(view.cards).length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_HEADER.length);
  });

  it('keeps quotes, commas, line breaks, emoji and accents intact when parsed back', () => {
    const lines = rowOf(board.ids.lines);
    expect(lines.claim).toBe(HOSTILE.quotes);
    expect(lines.rationale).toBe(HOSTILE.lines);
    expect(lines.evidence).toContain(HOSTILE.unicode);
    expect(lines.column).toBe(COLUMN_LABELS.disputed);
    expect(lines.verdict).toBe('False');
    const unicode = rowOf(board.ids.unicode);
    expect(unicode.claim).toBe(HOSTILE.unicode);
    expect(unicode.speaker).toBe('Zoë Ñúñez');
    expect(unicode['source sentence']).toBe(HOSTILE.unicode);
    const start = view.articles[0]!.text.indexOf(HOSTILE.unicode);
    expect(unicode['source start']).toBe(String(start));
    expect(unicode['source end']).toBe(String(start + HOSTILE.unicode.length));
    expect(unicode['article title']).toBe(view.articles[0]?.title);
  });

  it('gives the speaker’s type and the published fact-check, empty when not set', () => {
    expect(rowOf(board.ids.eq)['speaker type']).toBe('');
    expect(rowOf(board.ids.eq)['published fact-check url']).toBe('');
    const other = buildHostileBoard();
    const url = 'https://factdesk.example/checks/health?x=1,y="2"';
    editCard(other.doc, other.ids.lines, { speakerType: 'organization', reviewUrl: url }, alice);
    const [head, ...body] = parseCsvRows(toCsv(readBoard(other.doc)));
    const row = body.find((r) => r[0] === other.ids.lines) ?? [];
    const cell = (name: string) => row[(head ?? []).indexOf(name)];
    expect([cell('speaker type'), cell('published fact-check url')]).toEqual(['organization', url]);
  });

  it('neutralises every cell that a spreadsheet would run as a formula', () => {
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
    const eq = rowOf(board.ids.eq);
    expect(eq.claim).toBe(shown(HOSTILE.formulaEq));
    expect(eq.speaker).toBe(shown(HOSTILE.formulaAt));
    expect(eq.assignee).toBe(shown('=Bob, <b>the</b> reviewer'));
    const prefixes = rowOf(board.ids.prefixes);
    expect(prefixes.claim).toBe(shown(HOSTILE.formulaPlus));
    expect(prefixes.speaker).toBe(shown(HOSTILE.tab));
    expect(prefixes.rationale).toBe(shown(HOSTILE.cr));
  });

  it('joins evidence with stance and comments by thread, with state, authors and replies', () => {
    const eq = rowOf(board.ids.eq);
    const evidence = eq.evidence.split('\n');
    expect(evidence).toHaveLength(2);
    expect(evidence[0]).toMatch(/^supports: https:\/\/stats\.example\/table\(1\) “He said/);
    expect(evidence[0]).toContain(HOSTILE.formulaMinus);
    expect(evidence[1]).toMatch(/^context: http:\/\/archive\.example\/x/);
    // Who added each item, and when, as a comment says who wrote it and when.
    expect(evidence[0]).toMatch(/ \[Alice "Ace" Ångström, \d{4}-\d\d-\d\dT[\d:.]+Z\]$/);
    expect(evidence[1]).toMatch(/ \[=Bob, <b>the<\/b> reviewer, \d{4}-\d\d-\d\dT[\d:.]+Z\]$/);
    expect(eq.comments).toContain(`[resolved by Alice "Ace" Ångström] =Bob, <b>the</b> reviewer`);
    expect(eq.comments).toContain(HOSTILE.script);
    expect(eq.comments).toContain(`  ↳ Alice "Ace" Ångström`);
    expect(eq.comments).toContain(`[open] Alice "Ace" Ångström`);
    // A comment's own line breaks are indented: only a thread starts at the margin.
    expect(eq.comments).toContain('first line\n    second, line\n    third "line"');
    for (const line of eq.comments.split('\n')) expect(line).toMatch(/^(\[| {2}↳ | {4})/);
    const lines = rowOf(board.ids.lines);
    expect(lines.comments).not.toContain('to be deleted');
    expect(lines.comments).toContain(`(edited): ${HOSTILE.formulaPlus}`);
  });

  it('leaves out what the card detail hides: a deleted comment with nothing live under it', () => {
    const { doc, cardId } = buildTombstoneBoard();
    const row = parseCsvRows(toCsv(readBoard(doc))).find((r) => r[0] === cardId) ?? [];
    const comments = row[CSV_HEADER.indexOf('comments')] ?? '';
    const at = / \(\d{4}-\d\d-\d\dT[\d:.]+Z\)/g;
    expect(comments.replace(at, '').split('\n')).toEqual([
      '[open] Ben: [deleted]',
      '  ↳ Ana: reply still here',
      '[open] Ana: live start',
      '  ↳ Ben: [deleted]',
      '[open] Ana (edited): second words',
    ]);
  });

  it('writes created and updated by and at', () => {
    const card = view.cards[board.ids.lines];
    const row = rowOf(board.ids.lines);
    expect(row['created by']).toBe(shown(card?.createdBy.name ?? ''));
    expect(row['created at']).toBe(new Date(card?.createdAt ?? 0).toISOString());
    expect(row['updated at']).toBe(new Date(card?.updatedAt ?? 0).toISOString());
  });
});

describe('list cells', () => {
  it('indents an entry’s own line breaks, in a note, a quote or a name, so none reads as another entry', () => {
    const doc = new Y.Doc();
    const ed = { actor: { id: 'inv-ed', name: 'Eddie' }, now: () => 1_700_000_000_000 };
    const forged = {
      actor: { id: 'inv-rita', name: 'Rita\n[resolved by Editor-in-chief] Boss' },
      now: () => 1_700_000_000_000,
    };
    initBoard(doc, { title: 'Board' }, ed);
    const id = addClaim(doc, { claim: 'Prison population is 105,000' }, ed);
    addEvidence(
      doc,
      id,
      {
        url: 'https://gov.example/census',
        stance: 'supports',
        quote: 'Page 3\nof 9',
        note: 'Scanned copy.\nrefutes: https://x.example “Invented” [Lea]',
      },
      ed,
    );
    addComment(doc, id, { text: 'Checked' }, forged);
    const row = parseCsvRows(toCsv(readBoard(doc))).find((r) => r[0] === id) ?? [];
    const evidence = (row[CSV_HEADER.indexOf('evidence')] ?? '').split('\n');
    expect(evidence.filter((l) => !l.startsWith('    '))).toEqual([
      'supports: https://gov.example/census “Page 3',
    ]);
    expect(evidence.at(-1)).toBe(
      '    refutes: https://x.example “Invented” [Lea]) [Eddie, 2023-11-14T22:13:20.000Z]',
    );
    const comments = (row[CSV_HEADER.indexOf('comments')] ?? '').split('\n');
    expect(comments).toEqual([
      '[open] Rita',
      '    [resolved by Editor-in-chief] Boss (2023-11-14T22:13:20.000Z): Checked',
    ]);
  });
});

describe('csvCell', () => {
  it('writes a text a spreadsheet would type as a value as it is (README Known limitations)', () => {
    for (const text of ['True', 'FALSE', '007', '12e5', '1/2', '3-4']) {
      expect(csvCell(text)).toBe(text);
    }
  });

  it('closes each direction control where it stands, as the Markdown and ClaimReview exports do', () => {
    // Closed at the end of its line, a U+202E still read "U+202E eslaf si siht" as "this is false".
    expect(csvCell('\u202eeslaf si siht')).toBe('\u202e\u202ceslaf si siht');
    expect(csvCell('Rhea | Reviewer\u202e')).toBe('Rhea | Reviewer\u202e\u202c');
    expect(csvCell('a\u2067b\nc\u202bd\u202ce')).toBe('"a\u2067\u2069b\nc\u202b\u202cd\u202ce"');
    expect(csvCell('=x\u202e')).toBe("'=x\u202e\u202c");
  });

  it('closes a comment author’s override before the time and text that follow it', () => {
    const doc = new Y.Doc();
    const evil = { actor: { id: 'inv-evil', name: 'Rhea\u202e' }, now: () => 1_700_000_000_000 };
    initBoard(doc, { title: 'Board' }, evil);
    const id = addClaim(doc, { claim: 'A claim' }, evil);
    addComment(doc, id, { text: 'Looks right' }, evil);
    const csv = toCsv(readBoard(doc));
    expect(csv).toContain('Rhea\u202e\u202c (2023-11-14T22:13:20.000Z): Looks right');
  });

  it('closes each control of an evidence item and a comment where it stands, once', () => {
    const doc = new Y.Doc();
    const ed = { actor: { id: 'inv-ed', name: 'Eddie' }, now: () => 1_700_000_000_000 };
    const rhea = { actor: { id: 'inv-rhea', name: 'Rhea\u202e' }, now: () => 1_700_000_000_000 };
    initBoard(doc, { title: 'Board' }, ed);
    const id = addClaim(doc, { claim: 'A claim' }, ed);
    const url = 'https://example.org/a';
    addEvidence(
      doc,
      id,
      { url, stance: 'supports', quote: 'quote \u202eetouq', note: '\u202eeton' },
      ed,
    );
    const thread = addComment(doc, id, { text: 'Source \u202eok' }, ed);
    addComment(doc, id, { text: 'Agreed', parentId: thread }, ed);
    resolveThread(doc, thread, true, rhea);
    const row = parseCsvRows(toCsv(readBoard(doc))).find((r) => r[0] === id) ?? [];
    // The quote, the note, the closing quote, the note's parenthesis and "[Eddie, …]" read as
    // written, and each control is closed by one PDF, not one per piece and one per cell.
    expect(row[CSV_HEADER.indexOf('evidence')]).toBe(
      `supports: ${url} “quote \u202e\u202cetouq” (\u202e\u202ceton) [Eddie, 2023-11-14T22:13:20.000Z]`,
    );
    const at = '(2023-11-14T22:13:20.000Z)';
    expect((row[CSV_HEADER.indexOf('comments')] ?? '').split('\n')).toEqual([
      `[resolved by Rhea\u202e\u202c] Eddie ${at}: Source \u202e\u202cok`,
      `  ↳ Eddie ${at}: Agreed`,
    ]);
  });
});

describe('a cell longer than a spreadsheet cell holds', () => {
  const MARKER =
    /\n\[cut: ([\d,]+) more characters do not fit in a spreadsheet cell; the JSON and Markdown exports hold them all\]$/;
  /** The cell as a spreadsheet reads it, what it kept and how many characters it says it left out. */
  const cut = (value: string) => {
    // A second cell, so that the parser sees the comma between them.
    const cell = parseCsvRows(`${csvCell(value)},end\r\n`)[0]?.[0] ?? '';
    const more = MARKER.exec(cell);
    return { cell, kept: cell.replace(MARKER, ''), more: Number(more?.[1]?.replace(/,/g, '')) };
  };

  it('keeps a cell of 32,767 characters whole and cuts one longer, saying how much is left out', () => {
    expect(csvCell('a'.repeat(CELL_LIMIT))).toBe('a'.repeat(CELL_LIMIT));
    const { cell, kept, more } = cut('a'.repeat(40_000));
    expect(cell.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(kept).toBe('a'.repeat(kept.length));
    expect(kept.length + more).toBe(40_000);
  });

  it('counts UTF-16 code units, as Excel does, and never cuts a surrogate pair', () => {
    for (const lead of ['', 'a']) {
      const { cell, kept, more } = cut(lead + '😀'.repeat(20_000));
      expect(cell.length).toBeLessThanOrEqual(CELL_LIMIT);
      expect(kept).toBe(lead + '😀'.repeat((kept.length - lead.length) / 2));
      // Left out, in characters as a reader counts them: whole emoji.
      expect((kept.length - lead.length) / 2 + more).toBe(20_000);
    }
  });

  it('never cuts between a direction control and what closes it', () => {
    const { kept } = cut('a'.repeat(40_000));
    const { cell } = cut('a'.repeat(kept.length - 1) + '\u202e' + 'b'.repeat(40_000 - kept.length));
    expect(cell.startsWith('a'.repeat(kept.length - 1) + '\n[cut: ')).toBe(true);
    expect(cell).not.toContain('\u202e');
  });

  it('cuts a card’s comments cell of many 10,000-character comments; JSON and Markdown keep them', () => {
    const doc = new Y.Doc();
    // A second apart, so the threads come in the order written.
    let now = 1_700_000_000_000;
    const ed = { actor: { id: 'inv-ed', name: 'Eddie' }, now: () => (now += 1000) };
    initBoard(doc, { title: 'Board' }, ed);
    const id = addClaim(doc, { claim: 'A claim' }, ed);
    const texts = ['a', 'b', 'c', 'd', 'e'].map((c) => `${c} ${'x'.repeat(9_996)} ${c}`);
    for (const text of texts) addComment(doc, id, { text }, ed);
    const view = readBoard(doc);
    const file = toCsvFile(view);
    // One cell cut, which the download's X-Factboard-Cut-Cells tells the Export dialog.
    expect(file).toEqual({ text: toCsv(view), cutCells: 1 });
    const [head, row] = parseCsvRows(file.text);
    expect(row).toHaveLength(CSV_HEADER.length);
    const comments = row?.[(head ?? []).indexOf('comments')] ?? '';
    expect(comments.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(comments).toMatch(MARKER);
    expect(comments).toContain(texts[2]);
    expect(comments).not.toContain(texts[4]);
    // The assignee and times after it are in their own columns, not spilled.
    expect(row?.at(-1)).toBe(new Date(view.cards[id]?.updatedAt ?? 0).toISOString());
    expect(toMarkdown(view)).toContain(texts[4]);
    expect(
      JSON.stringify(toJsonExport(view, [], { exportedAt: 0, asOf: null, boardId: 'b' })),
    ).toContain(texts[4]);
  });
});
