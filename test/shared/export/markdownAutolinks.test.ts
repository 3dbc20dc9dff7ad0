/**
 * GFM, as marked renders it, links a bare `www.` address, an http(s) or ftp URL and an e-mail
 * address in plain text. User text in the report must stay text (found by QA: a claim's
 * "www.evil-vote.example" came out as a live link); only the exporter's own links, to an
 * article, a piece of evidence or a published fact-check, are links. The report is rendered
 * here with marked, as a reader's tool would.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  addComment,
  addEvidence,
  assignCard,
  editCard,
  initBoard,
  moveCard,
  resolveThread,
  readBoard,
  setVerdict,
} from '../../../shared/board';
import { toMarkdown } from '../../../shared/export';

const LINKY =
  'www.evil-vote.example, https://evil.example/login, HTTP://EVIL.EXAMPLE, ftp://evil.example, ' +
  'x@evil.example, mailto:y@evil.example, xmpp:z@evil.example and <https://angle.example>';
/** A name is at most 100 characters. */
const NAME = 'Eve www.eve.example https://eve.example/x eve@evil.example';
const eve = { actor: { id: 'inv-eve', name: NAME }, now: () => 1_767_000_000_000 };

const ARTICLE_URL = 'https://news.example/';
const EVIDENCE_URL = 'https://stats.example/';
const REVIEW_URL = 'https://factdesk.example/checks/1';

/** A board with the bare addresses in every user text the report shows. */
function report(): string {
  const doc = new Y.Doc();
  initBoard(doc, { title: `title ${LINKY}` }, eve);
  const articleId = addArticle(
    doc,
    { title: `linked article ${LINKY}`, url: ARTICLE_URL, text: 'The minister said.' },
    eve,
  );
  addArticle(doc, { title: `unlinked article ${LINKY}`, text: 'Another text.' }, eve);
  const id = addClaim(
    doc,
    {
      claim: `claim ${LINKY}`,
      speaker: `speaker ${LINKY}`,
      source: { articleId, start: 0, end: 3, sentence: `sentence ${LINKY}` },
    },
    eve,
  );
  addClaim(doc, { claim: `claim line one ${LINKY}\nclaim line two ${LINKY}` }, eve);
  moveCard(doc, id, { column: 'disputed', index: 0, verdict: 'False' }, eve);
  setVerdict(doc, id, 'False', `rationale ${LINKY}\nrationale line two ${LINKY}`, eve);
  editCard(doc, id, { reviewUrl: REVIEW_URL }, eve);
  assignCard(doc, id, eve.actor, eve);
  addEvidence(
    doc,
    id,
    { url: EVIDENCE_URL, stance: 'refutes', quote: `quote ${LINKY}`, note: `note ${LINKY}` },
    eve,
  );
  const thread = addComment(doc, id, { text: `comment ${LINKY}` }, eve);
  addComment(doc, id, { text: `reply ${LINKY}`, parentId: thread }, eve);
  resolveThread(doc, thread, true, eve);
  return toMarkdown(readBoard(doc));
}

/** What a reader sees of rendered HTML: its text, tags dropped and entities read. */
const shown = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('Markdown report: addresses in user text', () => {
  const md = report();
  const html = marked.parse(md, { async: false });

  it('links only what the exporter links: the article, the evidence and the published fact-check', () => {
    const hrefs = [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]).sort();
    expect(hrefs).toEqual(
      [
        `<a href="${REVIEW_URL}">`,
        `<a href="${ARTICLE_URL}">`, // in the list of articles
        `<a href="${ARTICLE_URL}">`, // after the card's source sentence
        `<a href="${EVIDENCE_URL}">`,
      ].sort(),
    );
    expect(html).toContain(`<a href="${EVIDENCE_URL}">${EVIDENCE_URL}</a>`);
  });

  it('shows every such text as written', () => {
    const text = shown(html);
    for (const what of [
      'title',
      'linked article',
      'unlinked article',
      'claim',
      'claim line one',
      'claim line two',
      'speaker',
      'sentence',
      'rationale',
      'rationale line two',
      'quote',
      'note',
      'comment',
      'reply',
    ]) {
      expect(text).toContain(`${what} ${LINKY}`);
    }
    expect(text).toContain(`Checked by: ${NAME}`);
  });
});
