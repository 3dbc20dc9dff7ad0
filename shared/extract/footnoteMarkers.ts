// Footnote references, which are the page's and not the sentence's: "class[^1]." (Markdown),
// "earlier.¹" and "bonuses.1" (a page's <sup>1</sup> as copied or reduced from HTML),
// "earlier.[1]" (a wiki's) and "Office.*".

const MARKDOWN_FOOTNOTE = /\[\^[^\]\s]{1,10}\]/g;
const SUPERSCRIPT_AFTER_PUNCTUATION = /(?<=[.!?,;:"”’»)])[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
// Digits glued to a sentence's final stop, before the next sentence or the end of the line:
// "Authority.1 The budget …". "7-2. 12 members" has a space before its number.
const DIGITS_AFTER_FINAL_STOP = /(?<=\p{L}[.!?]["”’»]?)\d{1,3}(?=[ \t]+\p{Lu}|[ \t]*(?:\n|$))/gu;
// "[1]" glued to what it marks, as a wiki or a report copies it: "earlier.[1]", "rose[2]"; not
// "[1](…)", a link, nor " [1]" after a space, a number in running text.
const BRACKETED_NUMBER = /(?<=[\p{L}\p{N}.!?,;:"”’»)])\[\d{1,3}\](?!\()/gu;
// A note's symbol after a final stop, before the next sentence or the line's end: "…Office.*",
// "…said.†".
const SYMBOL_AFTER_FINAL_STOP = /(?<=\p{L}[.!?]["”’»]?)[*†‡]{1,3}(?=[ \t]+\p{Lu}|[ \t]*(?:\n|$))/gu;
const MARKERS = [
  MARKDOWN_FOOTNOTE,
  SUPERSCRIPT_AFTER_PUNCTUATION,
  DIGITS_AFTER_FINAL_STOP,
  BRACKETED_NUMBER,
  SYMBOL_AFTER_FINAL_STOP,
];

/** `text` without its footnote references: a card's claim quotes no marker. */
export function withoutFootnoteMarkers(text: string): string {
  return MARKERS.reduce((out, marker) => out.replace(marker, ''), text);
}

/**
 * `text` with each footnote reference blanked out by as many spaces, for the language model:
 * read as words, "statement[^1]." was "[ ^ 1 ]", which ended the reporting clause before its
 * stop (no speaker) and made a figure "1", and "Authority.1 The budget …" was one sentence.
 * Offsets are unchanged, so sentences still index the stored text; one ends at its stop, before
 * a marker that follows it.
 */
export function maskFootnoteMarkers(text: string): string {
  return MARKERS.reduce((out, marker) => out.replace(marker, (m) => ' '.repeat(m.length)), text);
}
