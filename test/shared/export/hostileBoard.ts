/**
 * A board whose every user-written field is hostile to some export format: quotes, commas and
 * line breaks (CSV), formula prefixes (spreadsheets), Markdown and HTML (reports), emoji and
 * accents (encodings). Built with the real commands, read with the real reader.
 */
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  addComment,
  addEvidence,
  assignCard,
  deleteComment,
  editCard,
  editComment,
  initBoard,
  moveCard,
  resolveThread,
  setBoardMeta,
  setVerdict,
} from '../../../shared/board';

export const HOSTILE = {
  quotes: 'He said "never", then, "always", twice',
  lines: 'first line\nsecond, line\r\nthird "line"',
  formulaEq: '=HYPERLINK("http://evil.example","click")',
  formulaPlus: '+1+1',
  formulaMinus: '-2-3 cells',
  formulaAt: '@SUM(A1:A9)',
  tab: '\tstarts with a tab',
  cr: '\rstarts with a carriage return',
  script: '<script>alert("x")</script> & <img src=x onerror=alert(1)>',
  markdown:
    '# Heading\n- list item\n1. ordered\n> quote\n---\n| a | b |\n[link](javascript:alert(1)) **bold** `code`',
  unicode: 'Çà et là, naïve café in Zürich 🧪🔥 👩🏽‍💻 — “curly”',
} as const;

export interface HostileBoard {
  readonly doc: Y.Doc;
  readonly ids: {
    readonly eq: string;
    readonly lines: string;
    readonly noVerdict: string;
    readonly unicode: string;
    readonly prefixes: string;
  };
  readonly articleId: string;
}

let clock = 1_767_000_000_000;
export const tick = () => (clock += 1_000);

export const alice = { actor: { id: 'inv-alice', name: 'Alice "Ace" Ångström' }, now: tick };
export const bob = { actor: { id: 'inv-bob', name: '=Bob, <b>the</b> reviewer' }, now: tick };

export function buildHostileBoard(): HostileBoard {
  const doc = new Y.Doc();
  initBoard(doc, { title: `Board ${HOSTILE.quotes} ${HOSTILE.script}` }, alice);
  setBoardMeta(
    doc,
    { organisation: { name: 'Fact Desk, "Daily" 🧪', url: 'https://factdesk.example/checks' } },
    alice,
  );
  const text = `The minister said: ${HOSTILE.lines}. ${HOSTILE.unicode}`;
  const articleId = addArticle(
    doc,
    {
      title: `Budget speech ${HOSTILE.markdown}`,
      url: 'https://news.example/budget?a=1&b=(2)',
      text,
    },
    alice,
  );
  // A card quotes its article's text at its offsets, as the sync server and the import hold it.
  const quoting = (sentence: string) => {
    const start = text.indexOf(sentence);
    return { articleId, start, end: start + sentence.length, sentence };
  };
  addArticle(doc, { title: 'No link', text: 'An article pasted without a URL.' }, alice);

  const eq = addClaim(
    doc,
    {
      claim: HOSTILE.formulaEq,
      speaker: HOSTILE.formulaAt,
      source: quoting(HOSTILE.lines),
      extraction: { score: 0.75, rank: 0, chips: [{ text: '4%', type: 'PERCENT' }] },
    },
    alice,
  );
  moveCard(doc, eq, { column: 'corroborated', index: 0, verdict: 'True' }, alice);
  setVerdict(doc, eq, 'True', `${HOSTILE.script}\n${HOSTILE.markdown}`, alice);
  addEvidence(
    doc,
    eq,
    {
      url: 'https://stats.example/table(1)',
      quote: HOSTILE.quotes,
      stance: 'supports',
      note: HOSTILE.formulaMinus,
    },
    alice,
  );
  addEvidence(doc, eq, { url: 'http://archive.example/x', stance: 'context' }, bob);
  const thread = addComment(doc, eq, { text: HOSTILE.script }, bob);
  addComment(doc, eq, { text: HOSTILE.lines, parentId: thread }, alice);
  resolveThread(doc, thread, true, alice);
  addComment(doc, eq, { text: HOSTILE.markdown }, alice);
  assignCard(doc, eq, bob.actor, alice);

  const lines = addClaim(doc, { claim: HOSTILE.quotes, speaker: 'Ministry of Health' }, bob);
  moveCard(doc, lines, { column: 'disputed', index: 0, verdict: 'False' }, bob);
  editCard(doc, lines, { rationale: HOSTILE.lines }, bob);
  addEvidence(
    doc,
    lines,
    { url: 'https://refute.example/', stance: 'refutes', quote: HOSTILE.unicode },
    bob,
  );
  const deleted = addComment(doc, lines, { text: 'to be deleted' }, bob);
  deleteComment(doc, deleted, bob);
  const edited = addComment(doc, lines, { text: 'first draft' }, alice);
  editComment(doc, edited, HOSTILE.formulaPlus, alice);

  const noVerdict = addClaim(doc, { claim: 'A disputed claim without a verdict yet' }, alice);
  moveCard(doc, noVerdict, { column: 'disputed', index: 1 }, alice);

  const unicode = addClaim(
    doc,
    {
      claim: HOSTILE.unicode,
      speaker: 'Zoë Ñúñez',
      source: quoting(HOSTILE.unicode),
    },
    alice,
  );
  const prefixes = addClaim(doc, { claim: HOSTILE.formulaPlus, speaker: HOSTILE.tab }, bob);
  editCard(doc, prefixes, { rationale: HOSTILE.cr }, bob);
  addComment(doc, prefixes, { text: HOSTILE.formulaAt }, bob);
  return { doc, ids: { eq, lines, noVerdict, unicode, prefixes }, articleId };
}
