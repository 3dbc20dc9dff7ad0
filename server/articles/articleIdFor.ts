import { createHash } from 'node:crypto';

const hashId = (text: string) =>
  `a${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 24)}`;

/**
 * The same article always gets the same id on a board, whatever its spacing: the same story
 * pasted from a CMS or an e-mail and uploaded as a file differs in blank lines, line breaks
 * inside paragraphs, spaces at line ends, no-break spaces and tabs, and in nothing a reader
 * would call the text. The words and their order make the id; the text is stored as given.
 */
export function articleIdFor(text: string): string {
  return hashId(text.normalize('NFKC').replace(/\s+/g, ' ').trim());
}

/** The id articles got before spacing stopped counting: a hash of the exact text. */
export const exactTextId = hashId;

/**
 * Whether an article's id is the one its words give, now or as ids were given before (an
 * article that came in a board file keeps the file's id, which may be none of these).
 */
export const idFitsText = (articleId: string, text: string): boolean =>
  articleIdFor(text) === articleId || exactTextId(text) === articleId;
