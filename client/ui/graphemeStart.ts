const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Where the character that holds UTF-16 unit `i` of `text` starts, as a reader counts
 * characters (a grapheme: an emoji's two units, a letter with its combining accents);
 * `text.length` at or past the end. A cut made there splits no character.
 */
export function graphemeStart(text: string, i: number): number {
  return i >= text.length ? text.length : GRAPHEMES.segment(text).containing(i)!.index;
}
