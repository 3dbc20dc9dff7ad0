import { createHash } from 'node:crypto';

/**
 * What an article's text is known by once the board no longer holds it: the history keeps
 * this digest of a removed article's text (article.removed), not the text, so that the write
 * policy can tell the article put back by an Undo from a forged one, also after a restart.
 */
export const textDigest = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('base64url');
