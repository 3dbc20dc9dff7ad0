import { type ArticleDate, articleDateIn } from '../../shared/extract/articleDate';

/** A web page's words, each text of it on a line of its own, without its scripts and styles. */
function pageWords(html: string): string {
  const page = new DOMParser().parseFromString(html, 'text/html');
  for (const hidden of page.querySelectorAll('script, style, noscript, template')) hidden.remove();
  const words: string[] = [];
  const walker = page.createTreeWalker(page.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) words.push(text);
  }
  return words.join('\n');
}

/**
 * The date near the top of a chosen file's article (articleDateIn), read in the browser: a web
 * page's words as the page shows them (its markup would push the story's top past the reach,
 * and its blocks' texts, run together, would hide a date's word boundaries), a text or Markdown
 * file as it is. Null when it has none or cannot be read.
 */
export async function fileDateOf(file: File): Promise<ArticleDate | null> {
  try {
    const raw = await file.text();
    const html = /\.html?$/i.test(file.name) || file.type === 'text/html';
    return articleDateIn(html ? pageWords(raw) : raw.trim());
  } catch {
    return null;
  }
}
