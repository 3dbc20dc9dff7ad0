/**
 * The refusal of article text past the article limit, said before it lands in the field:
 * laying out a 2.4 MB paste in the textarea blocked the page for 18-42 s on two loaded cores
 * (native layout, not script), only for the server to refuse it (413) once sent. Counted in
 * UTF-8 bytes, as the server counts it; the limit is the server's default, MAX_ARTICLE_BYTES
 * (a server set higher, FACTBOARD_MAX_ARTICLE_BYTES, still takes a larger file).
 */
import { MAX_ARTICLE_BYTES, sizeWords, utf8Length } from '../../shared/extract/decodeArticleInput';

const REST = `an article can be at most ${sizeWords(MAX_ARTICLE_BYTES)}: paste only the story, or import it in parts.`;

/** UTF-8 bytes of `text` once past the limit, else null (each character is 1 to 3 bytes). */
function bytesOver(text: string): number | null {
  if (text.length * 3 <= MAX_ARTICLE_BYTES) return null;
  const bytes = utf8Length(text);
  return bytes > MAX_ARTICLE_BYTES ? bytes : null;
}

/** "1.3 MB", or "more than 1 MB" where the size rounds to the limit's own words. */
function sizeOver(bytes: number): string {
  const words = sizeWords(bytes);
  return words === sizeWords(MAX_ARTICLE_BYTES) ? `more than ${words}` : words;
}

/**
 * Why the field may not become `next`, or null when it may. `added`: the pasted text, named
 * by its own size when it alone is too large.
 */
export function articleTextTooLarge(next: string, added = ''): string | null {
  const alone = bytesOver(added);
  if (alone !== null) return `This text is ${sizeOver(alone)}; ${REST}`;
  const total = bytesOver(next);
  return total === null ? null : `The article text would be ${sizeOver(total)}; ${REST}`;
}
