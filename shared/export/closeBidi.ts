/**
 * Closes, at the end of each line of `text`, what the line leaves open of right-to-left
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2068). Exported text is read
 * with the export's own words after the user's (a name, then a time and a comment): an
 * unclosed override in a name would reverse the rest of the rendered line.
 *
 * What is open is worked out as a renderer does (Unicode's bidi algorithm, rules X6a and X7),
 * not by counting: a PDF (U+202C) closes an embedding or override only when one is open since
 * the last open isolate, and a PDI (U+2069) only when an isolate is open, closing what was
 * opened inside it too. Any other terminator is ignored, so a stray one before an override
 * does not cancel it out (found by QA: "\u202c … \u202e…" was left open).
 */
export function closeBidi(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map(closeLine)
    .join('');
}

const PDF = '\u202c';
const PDI = '\u2069';

function closeLine(line: string): string {
  /** What is open, innermost last: an embedding or override ('e') or an isolate ('i'). */
  const open: ('e' | 'i')[] = [];
  for (const ch of line) {
    if (ch === PDF) {
      if (open.at(-1) === 'e') open.pop();
    } else if (ch >= '\u202a' && ch <= '\u202e') {
      open.push('e');
    } else if (ch >= '\u2066' && ch <= '\u2068') {
      open.push('i');
    } else if (ch === PDI) {
      const isolate = open.lastIndexOf('i');
      if (isolate >= 0) open.length = isolate;
    }
  }
  return (
    line +
    open
      .reverse()
      .map((kind) => (kind === 'e' ? PDF : PDI))
      .join('')
  );
}
