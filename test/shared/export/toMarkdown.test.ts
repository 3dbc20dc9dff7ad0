import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, addEvidence, editCard, initBoard, readBoard } from '../../../shared/board';
import { toMarkdown } from '../../../shared/export';
import { mdInline, mdText } from '../../../shared/export/markdownText';
import { alice, buildHostileBoard, HOSTILE } from './hostileBoard';
import { buildTombstoneBoard } from './tombstoneBoard';

/** Undoes the exporter's escaping: what a Markdown renderer shows for an escaped line. */
const shownText = (md: string) =>
  md.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The same text on one line, as headings and link labels carry it. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

describe('toMarkdown', () => {
  const board = buildHostileBoard();
  const view = readBoard(board.doc);
  const exportedAt = Date.UTC(2026, 0, 2, 3, 4, 5);
  const md = toMarkdown(view, { exportedAt });
  const lines = md.split('\n');

  it('lets no HTML through: every <, > and & from user text arrives as an entity', () => {
    expect(md).not.toMatch(/<[a-z/!]/i);
    expect(md).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;img');
  });

  it('keeps the structure: only the exporter writes headings', () => {
    const headings = lines.filter((l) => /^#{1,6}\s/.test(l));
    const cardCount = Object.keys(view.cards).length;
    expect(headings[0]).toMatch(/^# Board /);
    expect(headings.filter((h) => h.startsWith('## '))).toEqual([
      '## Articles',
      '## Unverified (2)',
      '## Corroborated (1)',
      '## Disputed (2)',
    ]);
    expect(headings.filter((h) => /^### \d+\. /.test(h))).toHaveLength(cardCount);
    expect(headings).toHaveLength(1 + 4 + cardCount);
    // Lines of user text never start a block of their own: no line starts with an unescaped
    // list, quote, table or thematic-break marker except the exporter's own list items.
    for (const line of lines) {
      expect(line).not.toMatch(/^\s*(---|\|)/);
    }
  });

  it('shows each card title, with its text intact after unescaping', () => {
    const headings = lines.filter((l) => /^### \d+\. /.test(l));
    const titles = headings.map((h) => shownText(h.replace(/^### \d+\. /, '')));
    for (const card of Object.values(view.cards)) expect(titles).toContain(oneLine(card.claim));
    expect(md).toContain(`### 1. ${'\\'}=HYPERLINK`);
  });

  it('lists the articles with links only for http(s) URLs', () => {
    const articles = md.slice(md.indexOf('## Articles'), md.indexOf('## Unverified'));
    expect(articles).toContain('](https://news.example/budget?a=1&b=%282%29)');
    expect(articles).toMatch(/\n2\. No link\n/);
    // A link is an unescaped `](`; an escaped `\](` is text.
    const targets = [...md.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).toMatch(/^https?:\/\//);
    // The user-written [link](javascript:…) stays text.
    expect(md).toContain('\\[link\\](javascript:alert(1))');
  });

  it('shows verdict, rationale, evidence with stance, and resolved and open threads', () => {
    const eq = md.slice(md.indexOf('## Corroborated'), md.indexOf('## Disputed'));
    expect(eq).toContain('- Verdict: **True**');
    expect(eq).toContain('**Rationale**');
    const rationale = eq
      .split('\n')
      .filter((l) => l.startsWith('> '))
      .map((l) => shownText(l.slice(2).replace(/ {2}$/, '')));
    expect(rationale).toEqual(`${HOSTILE.script}\n${HOSTILE.markdown}`.split('\n'));
    expect(eq).toContain(
      '- Supports: [https://stats.example/table(1)](https://stats.example/table%281%29)',
    );
    expect(eq).toContain('- Context: [http://archive.example/x](http://archive.example/x)');
    // Who added each item, and when, as a comment says who wrote it and when.
    expect(eq).toMatch(
      /\n- Supports: [^\n]* \(added by Alice "Ace" Ångström, \d{4}-\d\d-\d\dT[\d:.]+Z\)\n/,
    );
    expect(eq).toContain('- **Resolved thread** (by Alice "Ace" Ångström)');
    expect(eq).toContain('- **Open thread**');
    // Replies are nested under the thread's first comment, multi-line text stays in its item.
    expect(eq).toMatch(
      /\n {4}- \*\*Alice "Ace" Ångström\*\*, [^\n]*: first line {2}\n {6}second, line {2}\n {6}third "line"\n/,
    );
    const disputed = md.slice(md.indexOf('## Disputed'));
    expect(disputed).not.toContain('_(deleted)_');
    expect(disputed).not.toContain('to be deleted');
    expect(disputed).toContain('(edited): \\+1+1');
    expect(disputed).toContain('- Speaker: _unknown_');
  });

  it('names the speaker’s type and links the published fact-check when an editor set them', () => {
    expect(md).not.toContain('Published fact-check');
    const other = buildHostileBoard();
    const url = 'https://factdesk.example/checks/health?a=(1)';
    editCard(other.doc, other.ids.lines, { speakerType: 'person', reviewUrl: url }, alice);
    const report = toMarkdown(readBoard(other.doc));
    expect(report).toContain('- Speaker: Ministry of Health (a person)\n');
    expect(report).toContain(
      `- Published fact-check: [${url}](https://factdesk.example/checks/health?a=%281%29)`,
    );
  });

  it('leaves out what the card detail hides: a deleted comment with nothing live under it', () => {
    const report = toMarkdown(readBoard(buildTombstoneBoard().doc));
    const comments = report.slice(
      report.indexOf('**Comments**'),
      report.indexOf('## Corroborated'),
    );
    const at = /, \d{4}-\d\d-\d\dT[\d:.]+Z/g;
    expect(comments.replace(at, '').trimEnd().split('\n')).toEqual([
      '**Comments**',
      '',
      '- **Open thread**',
      '  - **Ben**: _(deleted)_',
      '    - **Ana**: reply still here',
      '- **Open thread**',
      '  - **Ana**: live start',
      '    - **Ben**: _(deleted)_',
      '- **Open thread**',
      '  - **Ana** (edited): second words',
    ]);
  });

  it('keeps emoji and accents and gives the export time and counts', () => {
    expect(md).toContain(HOSTILE.unicode);
    expect(md).toContain(`Exported ${new Date(exportedAt).toISOString()}.`);
    expect(md).toContain('5 cards: 2 unverified, 1 corroborated, 2 disputed.');
  });

  it('counts one card as one card, not "1 cards"', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'One' }, alice);
    addClaim(doc, { claim: 'Rents doubled' }, alice);
    expect(toMarkdown(readBoard(doc))).toContain(
      '\n1 card: 1 unverified, 0 corroborated, 0 disputed.\n',
    );
  });

  it('keeps a rationale’s paragraphs inside its quote, and closes a stray right-to-left override', () => {
    const para = mdText('First finding.\n\nSecond finding,\nwith a line break.', '> ');
    expect(para).toBe('First finding.\n>\n> Second finding,  \n> with a line break.');
    // In a list item a blank line would end the item: there it is dropped.
    expect(mdText('One.\n\nTwo.', '  ')).toBe('One.  \n  Two.');
    // An unclosed U+202E would reverse the rest of the rendered line, and one closed at the
    // line's end the rest of its sentence ("U+202E eslaf si siht" read "this is false"): each control
    // is closed at once, kept but without effect.
    expect(mdText('\u202eeslaf si siht')).toBe('\u202e\u202ceslaf si siht');
    expect(mdInline('ok \u2067isolate')).toBe('ok \u2067\u2069isolate');
    expect(mdText('balanced \u202bx\u202c')).toBe('balanced \u202b\u202cx\u202c');
  });

  it('isolates a right-to-left name, so the time after it reads as written', () => {
    const doc = new Y.Doc();
    const bo = { actor: { id: 'inv-bo', name: 'بو' }, now: () => Date.UTC(2026, 11, 6, 13, 46) };
    initBoard(doc, { title: 'Prisons' }, bo);
    addClaim(doc, { claim: 'Prisons hold 105,000 people' }, bo);
    expect(toMarkdown(readBoard(doc))).toContain(
      '- Created by \u2068بو\u2069, 2026-12-06T13:46:00.000Z; last changed by \u2068بو\u2069, 2026-12-06T13:46:00.000Z',
    );
  });

  it('isolates a right-to-left evidence quote and note, so they keep their order and the time its', () => {
    const doc = new Y.Doc();
    const ctx = { actor: { id: 'inv-bo', name: 'Bo' }, now: () => Date.UTC(2026, 11, 6, 13, 46) };
    initBoard(doc, { title: 'Prisons' }, ctx);
    const card = addClaim(doc, { claim: 'Prisons hold 105,000 people' }, ctx);
    addEvidence(
      doc,
      card,
      { url: 'https://a.example/r', quote: 'قال الوزير 2023', note: 'ملاحظة', stance: 'supports' },
      ctx,
    );
    expect(toMarkdown(readBoard(doc))).toContain(
      '- Supports: [https://a.example/r](https://a.example/r) — “\u2068قال الوزير 2023\u2069” — \u2068ملاحظة\u2069 (added by Bo, 2026-12-06T13:46:00.000Z)',
    );
  });
});
