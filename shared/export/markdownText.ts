/**
 * Putting user text into Markdown without letting it change the document: card, comment and
 * article text may contain Markdown syntax, HTML or line breaks, and must come out as the
 * same text, never as a heading, a list, a table, a link (a bare URL or e-mail address, which
 * GFM would link, included) or an HTML element.
 */
import { inertBidi } from './inertBidi';
import { percentEncoded, strictHref } from './strictHref';

/** Characters with inline meaning; `&`, `<` and `>` become entities, so no HTML survives. */
const INLINE = /[\\`*_[\]#|~&<>]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/**
 * What makes GFM link plain text (its autolinks extension: `www.`, `https://`, `ftp://`, an
 * e-mail address, `mailto:` and `xmpp:`, each needing the `.` after "www", the `:` before "//"
 * or the `@`): a backslash before that character keeps the text a text, and shows the same.
 */
const AUTOLINK_TRIGGER = /(?<=www)\.|:(?=\/\/)|@/gi;
/** What starts a block at the beginning of a line (list, quote, setext underline, ordered list). */
const BLOCK_START = /^([-+=]|\d{1,9}(?=[.)]))/;

/**
 * A line break: CRLF, CR or LF, and U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR
 * (both one line break, as Unicode's line breaking has them), which text pasted from a PDF or
 * a word processor can hold. CommonMark ends lines only at CR and LF, but marked also stops
 * a line at U+2028/U+2029 (its patterns use `.`, which does not match them), so one left in a
 * heading made it a paragraph. NEL, VT and FF end a line for neither, and stay as text.
 */
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;

/** `text` with each line break as one LF. */
const lfLines = (text: string) => text.replace(LINE_BREAK, '\n');

/** Whether `text` has more than one line, by the line breaks the escaping knows. */
export const isMultiline = (text: string) => lfLines(text).includes('\n');

/**
 * One line of user text. In a link's label (`inLink`) the autolink triggers stay as written: no
 * link forms inside another, so the URL a label shows reads as it is.
 */
function escapeLine(line: string, inLink = false): string {
  const escaped = line.trimStart().replace(INLINE, (ch) => ENTITIES[ch] ?? `\\${ch}`);
  const inline = inLink ? escaped : escaped.replace(AUTOLINK_TRIGGER, '\\$&');
  return inertBidi(inline.replace(BLOCK_START, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`)));
}

/**
 * User text as Markdown inline content. Line breaks become hard breaks followed by `indent`
 * (so the text stays inside its list item or quote). Blank lines are dropped, because in a
 * list item they would end it; inside a quote (`indent` "> ") they stay, as a quoted blank
 * line, so that a rationale keeps its paragraphs.
 */
export function mdText(text: string, indent = ''): string {
  const quoted = indent.trimEnd().endsWith('>');
  // One line break, whatever the platform wrote: a CRLF split as CR, then LF read as a blank
  // line, a paragraph break in a quote.
  const paragraphs = lfLines(text)
    .split(/\n[ \t]*\n\s*/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => escapeLine(line))
        .filter((line) => line !== '')
        .join(`  \n${indent}`),
    )
    .filter((p) => p !== '');
  return paragraphs.join(quoted ? `\n${indent.trimEnd()}\n${indent}` : `  \n${indent}`);
}

/** `text` on one line, each line break a space. */
const oneLine = (text: string) => lfLines(text).replace(/\n+/g, ' ');

/** User text on one line (headings, names): line breaks become spaces. */
export function mdInline(text: string): string {
  return escapeLine(oneLine(text));
}

/** A link when the URL is http(s); anything else is shown as text and never becomes a link. */
export function mdLink(label: string, url: string | null): string {
  if (url === null) return mdInline(label);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return mdInline(label || url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return mdInline(label || url);
  // Percent-encode what could end the destination early (encodeURIComponent keeps parentheses).
  const href = strictHref(parsed).replace(/[()<>\s]/g, percentEncoded);
  return `[${escapeLine(oneLine(label || url), true)}](${href})`;
}
