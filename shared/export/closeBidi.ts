/**
 * Closes, at the end of each line of `text`, what the line leaves open of right-to-left
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2068). Exported text is read
 * with the export's own words after the user's (a name, then a time and a comment): an
 * unclosed override in a name would reverse the rest of the rendered line.
 */
export function closeBidi(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map(closeLine)
    .join('');
}

function closeLine(line: string): string {
  let embeddings = 0;
  let isolates = 0;
  for (const ch of line) {
    if (ch >= '\u202a' && ch <= '\u202e') embeddings += ch === '\u202c' ? -1 : 1;
    else if (ch >= '\u2066' && ch <= '\u2068') isolates++;
    else if (ch === '\u2069') isolates--;
  }
  return line + '\u202c'.repeat(Math.max(0, embeddings)) + '\u2069'.repeat(Math.max(0, isolates));
}
