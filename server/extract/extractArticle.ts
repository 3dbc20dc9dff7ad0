// Article import pipeline for the server and the CLI: classify and decode the input,
// reduce HTML to its article text, then extract claims. Throws ExtractError with code
// 'empty' (400), 'too_large' (413) or 'unsupported_media' (415).
import { decodeArticleInput, type ArticleFormat } from '../../shared/extract/decodeArticleInput';
import { ExtractError } from '../../shared/extract/ExtractError';
import { extractClaims } from '../../shared/extract/extractClaims';
import type { ExtractResult } from '../../shared/extract/types';
import { htmlToText } from './htmlToText';

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
  let title = input.title?.trim() || undefined;
  if (decoded.format === 'html') {
    const page = htmlToText(decoded.text);
    if (page.text.trim() === '')
      throw new ExtractError('empty', 'The HTML page has no article text.');
    text = page.text;
    title ??= page.title || undefined;
  }
  return { ...extractClaims(text, { title, maxBytes: input.maxBytes }), format: decoded.format };
}
