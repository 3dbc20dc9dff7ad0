// Markdown → article text: marked renders it, and the HTML path's block-aware walk reads the
// whole of it (a Markdown file holds the article and nothing else, so no Readability pass,
// which drops lists as navigation). A leading "# Heading" is the title, not a sentence.
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { blockText, type HtmlArticle } from './htmlToText';

export function markdownToText(markdown: string): HtmlArticle {
  const html = marked.parse(markdown, { async: false });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const body = document.body as unknown as Element;
  const first = body.firstElementChild;
  let title = '';
  if (first?.tagName.toLowerCase() === 'h1') {
    title = (first.textContent ?? '').replace(/\s+/g, ' ').trim();
    first.remove();
  }
  return { title, text: blockText(body as unknown as Node) };
}
