// HTML → article text with a real parser: linkedom builds the DOM, Mozilla Readability
// (Firefox Reader View) picks the article body, and a block-aware walk turns it into
// paragraphs separated by blank lines, the form the sentence splitter expects.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface HtmlArticle {
  title: string;
  text: string;
}

const BLOCK = new Set(
  (
    'address article aside blockquote body dd details dialog div dl dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary ' +
    'table tbody thead tfoot tr ul'
  ).split(' '),
);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'canvas',
  'head',
]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Text of a DOM subtree: inline text joined, blocks on their own paragraphs. */
export function blockText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n\n');
    if (tag === 'td' || tag === 'th') out.push(' ');
    node.childNodes.forEach(walk);
    if (block) out.push('\n\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "Prices rise | Example News" → "Prices rise": drop a short site-name suffix. */
function stripSiteName(title: string): string {
  const m = /^(.+?)\s+[|–—-]\s+([^|–—-]+)$/.exec(title);
  if (!m || m[2]!.trim().split(/\s+/).length > 4) return title;
  return m[1]!.trim();
}

/**
 * The page without its chrome, which is never the article: menus anywhere, and the footers,
 * side bars and forms of the page itself (one inside an <article> or <main> may belong to
 * the story). Readability drops these on a long page; on a short one it keeps them, and a page
 * of nothing else would become an article reading "Home News".
 */
function withoutChrome<T extends { document: { querySelectorAll(s: string): Iterable<Element> } }>(
  parsed: T,
): T {
  for (const el of parsed.document.querySelectorAll('nav, footer, aside, form')) {
    if (el.tagName.toLowerCase() === 'nav' || !el.closest('article, main')) el.remove();
  }
  return parsed;
}

export function htmlToText(html: string): HtmlArticle {
  // A fragment ("<p>…</p>") gets a document around it so that body and title exist.
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = withoutChrome(parseHTML(page));
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  // Readability mutates the document it reads: give it its own copy, keep ours for fallback.
  const article = new Readability(withoutChrome(parseHTML(page)).document as unknown as Document, {
    serializer: (node: Node) => node,
  }).parse();
  const body = article?.content ? blockText(article.content) : '';
  // Readability gives up on short pages (under ~500 characters): take the whole body then,
  // without the page's chrome (menus, footers, side bars, forms), which is never the article:
  // a page of nothing else is a page with no article text.
  if (!body) {
    for (const chrome of document.body.querySelectorAll('nav, footer, aside, form'))
      chrome.remove();
  }
  const text = body || blockText(document.body as unknown as Node);
  const docTitle = document.querySelector('title')?.textContent?.trim() ?? '';
  let title = stripSiteName((article?.title ?? '').trim() || docTitle);
  // The page's <h1> is the headline itself, often fuller than the <title>.
  if (h1 && (!title || h1.toLowerCase().startsWith(title.toLowerCase()))) title = h1;
  return { title, text };
}
