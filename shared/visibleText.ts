/**
 * Whether a text shows anything. `trim()` removes spaces and line breaks but not characters
 * that render as nothing: zero-width spaces and joiners, direction marks, the byte-order mark,
 * soft hyphens, variation selectors, Hangul fillers (all Default_Ignorable or format
 * characters) and the blank Braille pattern. A name or an article made only of those is as
 * empty to a reader as "" is, and is refused the same way.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;

export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}
