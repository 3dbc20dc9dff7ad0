// Input classification for article import, before any parsing: reject what is not an
// article (empty, too large, binary) with a typed error, decode bytes, and tell plain
// text from HTML and Markdown. Pure: runs in the browser (file picker) and on the server.
import { hasVisibleText } from '../visibleText';
import { toWellFormed } from '../wellFormed';
import { ExtractError } from './ExtractError';

/** "More than 1 MB" is refused; counted in UTF-8 bytes, the size on the wire. */
export const MAX_ARTICLE_BYTES = 1_000_000;

export type ArticleFormat = 'text' | 'html' | 'markdown';

export interface DecodeOptions {
  filename?: string;
  contentType?: string;
  maxBytes?: number;
}

export interface DecodedArticle {
  text: string;
  format: ArticleFormat;
}

// Control characters other than tab, newline, form feed and carriage return. Text files
// have none; binaries (images, PDFs, zip containers such as .docx) are full of them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
const SNIFF_CHARS = 65_536;
/**
 * How many control characters and U+FFFD (bytes that were no character) a text may have: 1 %
 * of it, and at least one. A short text with one stray byte is a text; one bad character in
 * 99 was over 1 %, and a 60-character paste was refused as binary.
 */
const badCharsAllowed = (length: number) => Math.max(1, length * 0.01);

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Throws ExtractError unless `text` shows something, is within the size limit and not binary. */
export function assertArticleText(text: string, maxBytes = MAX_ARTICLE_BYTES): void {
  if (text.length > maxBytes || utf8Length(text) > maxBytes) throw articleTooLarge(maxBytes);
  const head = text.slice(0, SNIFF_CHARS);
  const controls = head.match(CONTROL_CHAR)?.length ?? 0;
  const replacements = head.split('\uFFFD').length - 1;
  if (head.includes('\u0000') || controls + replacements > badCharsAllowed(head.length)) {
    throw new ExtractError('unsupported_media', 'The input looks like a binary file, not text.');
  }
  if (!hasVisibleText(text)) throw new ExtractError('empty', 'The article text is empty.');
}

const TEXTUAL_TYPE = /^(text\/[\w.+-]+|application\/(xhtml\+xml|octet-stream))$/;

/** The size limit as people say it: "1 MB", "500 KB". */
export function sizeWords(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  if (bytes >= 1_000) return `${Number((bytes / 1_000).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** The refusal of an article over `maxBytes`, its limit said as people say sizes. */
export const articleTooLarge = (maxBytes: number) =>
  new ExtractError(
    'too_large',
    `The article is larger than ${sizeWords(maxBytes)}: import it in parts, or paste only the story.`,
  );

/**
 * Files people try that are documents, not text: named, with what to do instead. RTF is text
 * on the wire (text/rtf) but its markup would become the article.
 */
const DOCUMENTS: readonly { readonly name: string; readonly test: RegExp }[] = [
  { name: 'Word document', test: /msword|wordprocessingml|\.docx?$|opendocument\.text|\.odt$/ },
  { name: 'PDF', test: /\/pdf$|\.pdf$/ },
  { name: 'RTF document', test: /\/rtf$|\.rtf$/ },
];
const INSTEAD =
  'Open it, copy the article’s text and paste it here, or save it as plain text (.txt).';

function refuseDocument(mime: string | undefined, filename: string | undefined): void {
  const ext = filename?.toLowerCase().match(/\.[a-z0-9]+$/)?.[0];
  const kind = DOCUMENTS.find((d) => (mime && d.test.test(mime)) || (ext && d.test.test(ext)));
  if (kind) {
    throw new ExtractError('unsupported_media', `A ${kind.name} cannot be imported. ${INSTEAD}`);
  }
  if (mime && !TEXTUAL_TYPE.test(mime)) {
    throw new ExtractError(
      'unsupported_media',
      `This file (${mime}) is not a text article. ${INSTEAD}`,
    );
  }
}

/**
 * Windows-1252's characters at 0x80-0x9F, where Latin-1 has control characters: the curly
 * quotes, dashes, ellipsis and euro sign of a text saved by Word or an older Windows tool.
 * Node's TextDecoder('windows-1252') decodes these bytes as Latin-1 (to invisible controls),
 * so the table is applied here. The five bytes Windows-1252 leaves undefined stay controls.
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return text;
}

function decodeBytes(bytes: Uint8Array): string {
  // UTF-16 with its byte-order mark: what Notepad's "Unicode" saves. Full of NUL bytes, so
  // read before the NUL check below.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) {
    throw new ExtractError(
      'unsupported_media',
      `The file is not plain text (it contains NUL bytes). ${INSTEAD}`,
    );
  }
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  // Not UTF-8: older newsroom exports are often Windows-1252; the binary check that follows
  // still rejects what is not text at all.
  return readsAsUtf8(utf8) ? utf8 : decodeWindows1252(bytes);
}

/**
 * Whether bytes decoded as UTF-8 (each invalid sequence a U+FFFD) are a UTF-8 text with a
 * few damaged bytes rather than a text in a one-byte encoding. A Windows-1252 or Latin-1
 * text read as UTF-8 has an invalid sequence at nearly every accented letter or curly quote
 * ("aprob\xF3" + "n"), and its bytes form a valid multi-byte character only by chance (an
 * uppercase letter before a curly quote, "Ñ’"). A UTF-8 text with a stray byte, a truncated
 * last character or one Windows-1252 quotation mark pasted in has many valid non-ASCII
 * characters and few invalid ones. So: UTF-8 when the valid non-ASCII characters are at least
 * three times as many as the invalid sequences. Read as Windows-1252, such a file had every
 * accented letter garbled ("aprobÃ³") to show one byte as "ÿ". A file with no valid
 * multi-byte character, ASCII with one stray byte included, is Windows-1252.
 */
function readsAsUtf8(decoded: string): boolean {
  let invalid = 0;
  let multiByte = 0;
  for (const ch of decoded) {
    if (ch === '\uFFFD') invalid++;
    else if (ch.charCodeAt(0) > 0x7f) multiByte++;
  }
  return invalid === 0 || multiByte >= invalid * 3;
}

function detectFormat(text: string, filename?: string, contentType?: string): ArticleFormat {
  const ext = filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const mime = contentType?.toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  if (ext === 'md' || ext === 'markdown' || mime === 'text/markdown') return 'markdown';
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  const tags = text.slice(0, SNIFF_CHARS).match(/<\/?(p|div|body|article|br|h[1-6])\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 3 ? 'html' : 'text';
}

/**
 * The same article reads as the same text however it arrived. A byte-order mark is encoding
 * residue; line endings are the sender's system's (a Windows file has CRLF, the same story
 * pasted into a text box has LF); blank space around the article is how it was copied; and
 * an accented letter may come composed or as letter + accent. The article's id is a hash of
 * its text, so without this the same story imported twice would be two articles with every
 * card twice. A lone surrogate (a JSON body's "\ud800", which no file's bytes decode to) is
 * U+FFFD, as Yjs sends it to every client: the server's board then holds the text its clients
 * do, and a card made from a selection in it quotes the article at its offsets. Done before
 * anything reads offsets, which index the text as stored.
 */
function oneTextPerArticle(raw: string): string {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  return toWellFormed(text).replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

/** Decodes and classifies an uploaded or pasted article; throws ExtractError on bad input. */
export function decodeArticleInput(
  body: string | Uint8Array,
  opts: DecodeOptions = {},
): DecodedArticle {
  const maxBytes = opts.maxBytes ?? MAX_ARTICLE_BYTES;
  const mime = opts.contentType?.split(';')[0]?.trim().toLowerCase();
  refuseDocument(mime, opts.filename);
  if (typeof body !== 'string' && body.byteLength > maxBytes) throw articleTooLarge(maxBytes);
  const text = oneTextPerArticle(typeof body === 'string' ? body : decodeBytes(body));
  assertArticleText(text, maxBytes);
  return { text, format: detectFormat(text, opts.filename, mime) };
}
