/**
 * Comment text cut into what it shows: plain text, links (http and https only) and @mentions
 * of board members. Components render every segment as text, so a comment can never inject
 * markup; a link's `href` is the parsed URL, never the raw text.
 */

export type CommentSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string }
  | {
      readonly kind: 'mention';
      /** As written, with the @. */
      readonly text: string;
      /** The member's name as the board knows it (or the word after @ for an unknown name). */
      readonly name: string;
      /** The mention names the local user. */
      readonly me: boolean;
    };

const WORD = /[\p{L}\p{N}_]/u;
const URL_START = /https?:\/\//iy;
const URL_BODY = /[^\s<>"]+/y;
/** An @mention of someone the board does not know by name: one word. */
const LOOSE_NAME = /[\p{L}\p{N}_][\p{L}\p{N}_.'-]*/uy;

/** A letter, digit or underscore: mentions and links start where no word goes on. */
export const isWordChar = (ch: string | undefined) => ch !== undefined && WORD.test(ch);
const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
const count = (text: string, ch: string) => text.split(ch).length - 1;

/** Sentence punctuation after a URL is not part of it; a closing bracket only if unmatched. */
function trimUrl(candidate: string): string {
  // The brackets are counted once: counted again for each one dropped, a comment of
  // "http://a" and 9,992 ")" took 4.7 s to read, on every member's board (threadsAwaitingMe).
  let end = candidate.length;
  const open = count(candidate, '(');
  let close = count(candidate, ')');
  for (;;) {
    const last = candidate[end - 1];
    if (last === ')' && open < close) close--;
    else if (last === undefined || !'.,;:!?\'"'.includes(last)) return candidate.slice(0, end);
    end--;
  }
}

/** The parsed URL when `text` is an http(s) URL with a host, else null: what a link may point to. */
export function httpHref(text: string): string | null {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname
      ? url.href
      : null;
  } catch {
    return null;
  }
}

/** The longest member name written at `at` (case-insensitive, ending at a word boundary). */
function nameAt(
  text: string,
  at: number,
  names: readonly string[],
): { typed: string; name: string } | null {
  for (const name of names) {
    const typed = text.slice(at, at + name.length);
    if (same(typed, name) && !isWordChar(text[at + name.length])) return { typed, name };
  }
  LOOSE_NAME.lastIndex = at;
  const loose = LOOSE_NAME.exec(text)?.[0].replace(/[.'-]+$/, '');
  return loose ? { typed: loose, name: loose } : null;
}

export function commentSegments(
  text: string,
  memberNames: readonly string[],
  myNames: readonly string[],
): CommentSegment[] {
  const names = [...new Set(memberNames.map((n) => n.trim()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  const mine = myNames.map((n) => n.trim()).filter(Boolean);
  const out: CommentSegment[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };

  let i = 0;
  while (i < text.length) {
    // Links and mentions start a word: "a@b.org" is an address, not a mention.
    if (!isWordChar(text[i - 1])) {
      URL_START.lastIndex = i;
      if (URL_START.test(text)) {
        URL_BODY.lastIndex = i;
        const candidate = trimUrl(URL_BODY.exec(text)?.[0] ?? '');
        const href = httpHref(candidate);
        if (href) {
          flush();
          out.push({ kind: 'link', text: candidate, href });
          i += candidate.length;
          continue;
        }
      }
      if (text[i] === '@') {
        const found = nameAt(text, i + 1, names);
        if (found) {
          flush();
          out.push({
            kind: 'mention',
            text: `@${found.typed}`,
            name: found.name,
            me: mine.some((n) => same(n, found.name)),
          });
          i += 1 + found.typed.length;
          continue;
        }
      }
    }
    plain += text[i];
    i += 1;
  }
  flush();
  return out;
}

/** Whether a comment mentions the local user. */
export function mentionsMe(
  text: string,
  memberNames: readonly string[],
  myNames: readonly string[],
): boolean {
  return commentSegments(text, memberNames, myNames).some((s) => s.kind === 'mention' && s.me);
}
