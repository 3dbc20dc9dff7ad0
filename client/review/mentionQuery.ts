/**
 * The @-query being typed at the caret, and what choosing a member makes of the text. Pure, so
 * the comment box (useMentionAutocomplete) and its tests share one reading of the text.
 */
import { isWordChar } from './commentSegments';

export interface MentionQuery {
  /** Index of the @. */
  readonly start: number;
  /** The caret: the query is the text between the @ and here. */
  readonly end: number;
  /** What follows the @, e.g. "ed" or "ana l" (names have spaces). */
  readonly query: string;
}

/** Longest query looked back for: longer than any sensible name, short enough to stay cheap. */
const MAX_QUERY = 64;
/** Starts with a letter or digit; one space at a time, so "@Ana Lima" can be typed whole. */
const QUERY = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.'’-]| (?! ))*$/u;
/** What may stand before the @: "ana@example.org" and ".../@Bo" in a URL are not mentions. */
const BEFORE_AT = /[\s([{"'“‘]/u;

/** The @-query that ends at the caret, or null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  for (let i = caret - 1; i >= 0 && caret - i <= MAX_QUERY + 1; i--) {
    const ch = text[i] as string;
    if (ch === '\n') return null;
    if (ch !== '@') continue;
    const before = text[i - 1];
    if (before !== undefined && !BEFORE_AT.test(before)) return null;
    const query = text.slice(i + 1, caret);
    return QUERY.test(query) ? { start: i, end: caret, query } : null;
  }
  return null;
}

/**
 * Replaces the query (and the rest of the word the caret is in) with `@Name `, the form
 * commentSegments reads as a mention of a member with that name, spaces included.
 */
export function insertMention(
  text: string,
  at: MentionQuery,
  name: string,
): { text: string; caret: number } {
  let end = at.end;
  while (isWordChar(text[end])) end += 1;
  const before = text.slice(0, at.start) + `@${name}`;
  const after = text.slice(end);
  // One space after the name: the one already there, or a new one (also before a line break).
  const rest = after.startsWith(' ') ? after : ` ${after}`;
  return { text: before + rest, caret: before.length + 1 };
}
