// Article import pipeline for the server and the CLI: classify and decode the input,
// reduce HTML and Markdown to their article text (so that no tag, "**", "> " or "- " ends up
// in a claim or a speaker), then extract claims. Throws ExtractError with code
// 'empty' (400), 'too_large' (413) or 'unsupported_media' (415).
import { decodeArticleInput, type ArticleFormat } from '../../shared/extract/decodeArticleInput';
import { ExtractError } from '../../shared/extract/ExtractError';
import { hasVisibleText } from '../../shared/visibleText';
import { extractClaims } from '../../shared/extract/extractClaims';
import type { ExtractResult, FurnitureRange } from '../../shared/extract/types';
import { htmlToText } from './htmlToText';
import { markdownToText } from './markdownToText';

export interface ArticleInput {
  /** Pasted text or the uploaded file's bytes. */
  body: string | Uint8Array;
  /** The uploaded file's name; its extension (.txt, .md, .html) decides the format. */
  filename?: string;
  /** The request's Content-Type, if any. */
  contentType?: string;
  /** A title given by the user; wins over the page's headline. */
  title?: string;
  maxBytes?: number;
}

export interface ExtractedArticle extends ExtractResult {
  format: ArticleFormat;
}

export function extractArticle(input: ArticleInput): ExtractedArticle {
  const decoded = decodeArticleInput(input.body, input);
  let text = decoded.text;
  // The user's title wins over the page's, unless it shows nothing.
  let title = input.title && hasVisibleText(input.title) ? input.title.trim() : undefined;
  let furniture: FurnitureRange[] | undefined;
  if (decoded.format === 'html' || decoded.format === 'markdown') {
    const page =
      decoded.format === 'html' ? htmlToText(decoded.text) : markdownToText(decoded.text);
    if (!hasVisibleText(page.text)) {
      const what = decoded.format === 'html' ? 'HTML page' : 'Markdown file';
      throw new ExtractError('empty', `The ${what} has no article text.`);
    }
    text = page.text;
    furniture = page.furniture;
    title ??= hasVisibleText(page.title) ? page.title : undefined;
  }
  return {
    ...extractClaims(text, { title, maxBytes: input.maxBytes, furniture }),
    format: decoded.format,
  };
}
