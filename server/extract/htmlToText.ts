// HTML → article text with a real parser: linkedom builds the DOM, Mozilla Readability
// (Firefox Reader View) picks the article body, and a block-aware walk turns it into
// paragraphs separated by blank lines, the form the sentence splitter expects.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { FurnitureRange } from '../../shared/extract/types';
import { pipeTable } from './pipeTable';

export interface HtmlArticle {
  title: string;
  text: string;
  /**
   * Ranges of `text` the page's markup shows are furniture: its footnote lists. The items of
   * a numbered list open with their mark ("¹ The governor's office did not say …"), which
   * tells cleanArticle so from the text alone; a list's heading ("Notes") and notes written
   * as paragraphs have no mark, and only these ranges tell extraction.
   */
  furniture?: FurnitureRange[];
}

// Footnote and endnote lists as publishers and Markdown renderers mark them up.
const FOOTNOTES =
  '.footnotes, .footnote, .endnotes, [role="doc-endnotes"], [role="doc-footnote"], [role="doc-endnote"]';

/**
 * Where the footnote lists under `root` are in `text` (its blockText): each list's own text,
 * found in order from whole lines. A list not found so (never expected) is left as body.
 */
function footnoteRanges(root: Element, text: string): FurnitureRange[] {
  const ranges: FurnitureRange[] = [];
  let from = 0;
  for (const list of root.querySelectorAll(FOOTNOTES)) {
    if (list.parentElement?.closest(FOOTNOTES)) continue; // inside a list already taken
    const own = blockText(list);
    const at = own ? text.indexOf(own, from) : -1;
    const end = at + own.length;
    if (at < 0 || (at > 0 && text[at - 1] !== '\n') || (end < text.length && text[end] !== '\n'))
      continue;
    ranges.push({ start: at, end, reason: 'footnote' });
    from = end;
  }
  return ranges;
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
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
// A note whose text already opens with its number: "1. …", "[1] …", "¹ …".
const NUMBERED = /^([[(]?\d{1,3}[\]).:]?(\s|$)|[⁰¹²³⁴⁵⁶⁷⁸⁹])/u;

/**
 * The number an item of a footnote list opens with, as the page shows it ("¹", "¹²"), or ''.
 * The page's <ol> numbers its notes and the text has no list numbers: the note read "The
 * governor's office did not say …" with nothing to tie it to the body's "bonuses.1", and the
 * article view, which reads the stored text alone (not the furniture ranges), showed it as
 * body text. Opening with its mark, it is a footnote to cleanArticle wherever it runs.
 */
function footnoteMark(li: Element): string {
  const list = li.parentElement;
  if (list?.tagName.toLowerCase() !== 'ol' || !li.closest(FOOTNOTES)) return '';
  const start = Number.parseInt(list.getAttribute('start') ?? '', 10);
  const items = [...list.children].filter((c) => c.tagName.toLowerCase() === 'li');
  const n = (Number.isFinite(start) ? start : 1) + items.indexOf(li);
  return [...String(n)].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Text of a DOM subtree: inline text joined, blocks on their own paragraphs, a data table's
 * rows on lines of their own with their cells between "|" (pipeTable).
 */
export function blockText(root: Node): string {
  const out: string[] = [];
  let mark = ''; // a footnote's number, written before its first words
  const walk = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ');
      if (mark && text.trim()) {
        const words = text.trimStart();
        out.push(NUMBERED.test(words) ? words : `${mark} ${words}`);
        mark = '';
      } else out.push(text);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'li') mark = footnoteMark(node as Element);
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      out.push('\n');
      return;
    }
    const rows = tag === 'table' ? pipeTable(node as Element, blockText) : null;
    if (rows !== null) {
      out.push('\n\n', rows, '\n\n');
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

// An ad container's class or id holds one of these as a whole word or as a segment of a
// hyphenated or underscored name: "ad", "ad-slot", "ad_wrapper", "advert-2", "c-sponsored",
// "promo". Matched whole, "headline", "read-more" or "shadow" are no ads.
const AD_SEGMENT =
  /^(ads?|adverts?|advertisements?|advertising|adslot|adunit|sponsor|sponsors|sponsored|promo|promos|promoted)$/i;
const AD_LABEL = /^(advertisement|advertising|sponsored( content)?|ad)$/i;

function isAdContainer(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  const segments = names.split(/[\s_-]+/).filter((w) => w !== '');
  return (
    segments.some((w) => AD_SEGMENT.test(w)) ||
    AD_LABEL.test((el.getAttribute('aria-label') ?? '').trim())
  );
}

/**
 * The page without its chrome, which is never the article: menus anywhere, and the footers,
 * side bars and forms of the page itself (one inside an <article> or <main> may belong to
 * the story). Readability drops these on a long page; on a short one it keeps them, and a page
 * of nothing else would become an article reading "Home News". Ad containers go wherever they
 * are: Readability keeps one whose class it does not know ("ad"), and its text ("Save 40% on
 * mattresses this weekend only!") became a card and body text in the Article view. An element
 * that holds the article (<body class="has-ads">, a <main> or <article>, the <h1>) is kept.
 */
function withoutChrome<T extends { document: { querySelectorAll(s: string): Iterable<Element> } }>(
  parsed: T,
): T {
  for (const el of parsed.document.querySelectorAll('nav, footer, aside, form')) {
    if (el.tagName.toLowerCase() === 'nav' || !el.closest('article, main')) el.remove();
  }
  for (const el of parsed.document.querySelectorAll('body [class], body [id], body [aria-label]')) {
    if (el.matches('main, article') || el.querySelector('main, article, h1')) continue;
    if (isAdContainer(el)) el.remove();
  }
  return parsed;
}

export function htmlToText(html: string): HtmlArticle {
  // A fragment ("<p>…</p>") gets a document around it so that body and title exist.
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = withoutChrome(parseHTML(page));
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  // Readability mutates the document it reads: give it its own copy, keep ours for fallback.
  // keepClasses: the footnote lists are found by their class; classes do not change the text.
  const article = new Readability(withoutChrome(parseHTML(page)).document as unknown as Document, {
    serializer: (node: Node) => node,
    keepClasses: true,
  }).parse();
  const body = article?.content ? blockText(article.content) : '';
  // Readability gives up on short pages (under ~500 characters): take the whole body then,
  // without the page's chrome (menus, footers, side bars, forms), which is never the article:
  // a page of nothing else is a page with no article text.
  if (!body) {
    for (const chrome of document.body.querySelectorAll('nav, footer, aside, form'))
      chrome.remove();
  }
  const root = (body ? article!.content : document.body) as unknown as Element;
  const text = body || blockText(root);
  const docTitle = document.querySelector('title')?.textContent?.trim() ?? '';
  let title = stripSiteName((article?.title ?? '').trim() || docTitle);
  // The page's <h1> is the headline itself, often fuller than the <title>.
  if (h1 && (!title || h1.toLowerCase().startsWith(title.toLowerCase()))) title = h1;
  const furniture = footnoteRanges(root, text);
  return furniture.length > 0 ? { title, text, furniture } : { title, text };
}
