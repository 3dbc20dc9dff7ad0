const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Where the character that holds UTF-16 unit `i` of `text` starts, as a reader counts
 * characters (a grapheme: an emoji's two units, a letter with its combining accents);
 * `text.length` at or past the end. A cut made there splits no character.
 */
export function graphemeStart(text: string, i: number): number {
  return i >= text.length ? text.length : GRAPHEMES.segment(text).containing(i)!.index;
}

/**
 * Where the character that holds unit `i - 1` ends: `i` itself when no character spans it,
 * else the start of the next one; 0 at or before the start. A cut made there splits no
 * character, and keeps all of unit `i - 1`'s.
 */
export function graphemeEnd(text: string, i: number): number {
  if (i <= 0) return 0;
  if (i >= text.length) return text.length;
  const { index, segment } = GRAPHEMES.segment(text).containing(i - 1)!;
  return index + segment.length;
}
