/**
 * Text pasted from a PDF or a word processor can hold U+2028 LINE SEPARATOR and U+2029
 * PARAGRAPH SEPARATOR. marked, which reads the report, ends a heading's line there, so a claim
 * holding one lost its "### n." card heading (the heading was read as a paragraph) and the
 * board title its "#" (QA). The report is parsed here with marked, as a reader's tool would.
 */
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  addComment,
  addEvidence,
  initBoard,
  moveCard,
  readBoard,
  setVerdict,
} from '../../../shared/board';
import { toMarkdown } from '../../../shared/export';

const LS = '\u2028';
const PS = '\u2029';
const ann = { actor: { id: 'inv-ann', name: `Ann${LS}Lee` }, now: () => 1_767_000_000_000 };

/**
 * A board whose user text holds the separators everywhere: the first claim goes to Disputed
 * with a verdict, rationale, evidence and a comment; the others stay in Unverified.
 */
function report(claims: readonly string[]): string {
  const doc = new Y.Doc();
  initBoard(doc, { title: `Board${PS}title` }, ann);
  const articleId = addArticle(
    doc,
    { title: `Budget${LS}speech`, url: 'https://news.example/', text: 'The minister said.' },
    ann,
  );
  const [first] = claims.map((claim) =>
    addClaim(
      doc,
      {
        claim,
        speaker: `The${LS}minister`,
        source: { articleId, start: 0, end: 3, sentence: `The${LS}minister` },
      },
      ann,
    ),
  );
  moveCard(doc, first!, { column: 'disputed', index: 0, verdict: 'False' }, ann);
  setVerdict(doc, first!, 'False', `Checked${LS}twice${PS}and again`, ann);
  addEvidence(
    doc,
    first!,
    { url: 'https://stats.example/', stance: 'refutes', quote: `A${LS}quote`, note: `A${PS}note` },
    ann,
  );
  addComment(doc, first!, { text: `A${LS}comment` }, ann);
  return toMarkdown(readBoard(doc));
}

const headings = (md: string, depth: number) =>
  marked
    .lexer(md)
    .filter((t: Token): t is Tokens.Heading => t.type === 'heading' && t.depth === depth)
    .map((h) => h.text);

describe('Markdown report: line and paragraph separators in user text', () => {
  const md = report([`Pasted from a PDF${LS}second line`, `One paragraph${PS}another`]);
  const lines = md.split('\n');

  it('keeps one level-3 heading per card, the claim on one line', () => {
    expect(headings(md, 3)).toEqual([
      '1. One paragraph another',
      '1. Pasted from a PDF second line',
    ]);
  });

  it('keeps the board title and the column headings', () => {
    expect(headings(md, 1)).toEqual(['Board title']);
    expect(headings(md, 2)).toEqual([
      'Articles',
      'Unverified (1)',
      'Corroborated (0)',
      'Disputed (1)',
    ]);
  });

  it('gives such a claim its lines in a quote under the heading, as one written with line breaks', () => {
    const at = lines.indexOf('### 1. Pasted from a PDF second line');
    expect(lines.slice(at + 1, at + 5)).toEqual(['', '> Pasted from a PDF  ', '> second line', '']);
  });

  it('writes every separator as a line break or, on one line, a space: none is left', () => {
    expect(md).not.toMatch(/[\u2028\u2029]/);
    expect(lines).toContain('1. [Budget speech](https://news.example/)');
    expect(lines).toContain('- Speaker: The minister');
    expect(lines).toContain('> Checked  ');
    expect(lines).toContain('> twice  ');
    expect(lines).toContain('> and again');
    expect(md).toContain('- **Ann Lee**, ');
  });

  it('leaves NEL, VT and FF as text: neither CommonMark nor marked ends a line there', () => {
    const other = report(['Next\u0085line', 'Vertical\vtab', 'Form\ffeed']);
    expect(headings(other, 3)).toEqual(['1. Vertical\vtab', '2. Form\ffeed', '1. Next\u0085line']);
  });
});
