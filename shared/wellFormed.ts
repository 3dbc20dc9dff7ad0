/**
 * Well-formed text: no lone UTF-16 surrogate (half of a pair, without its other half). A
 * JavaScript string may hold one (a JSON "\ud800" escape, a cut through an emoji); UTF-8 cannot.
 * Yjs sends and stores every string as UTF-8, so a lone surrogate written into a doc reaches
 * every client and the stored board as U+FFFD while the doc it was written into keeps it: the
 * server's live board and its clients' then disagree (a card quoting the article's text as the
 * clients hold it is refused as quoting the wrong text; a name differs from the token's).
 *
 * A regular expression rather than String.prototype.isWellFormed and toWellFormed: the client
 * runs these too, and the browsers its build targets (Vite's default: Firefox from 114) include
 * some without them (Firefox before 119).
 */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** The text with each lone surrogate replaced by U+FFFD, as Yjs would send it. */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD');
}

/**
 * The text's first `max` UTF-16 units, or one fewer when the cut would split a surrogate
 * pair: a well-formed text stays well-formed.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const clipped = text.slice(0, max);
  // A high surrogate last: its low half was past the cut.
  return /[\uD800-\uDBFF]$/.test(clipped) ? clipped.slice(0, -1) : clipped;
}

/** A JSON escape of a surrogate ("\ud800"), of a pair or alone. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * JSON.parse, with every string and key made well-formed (toWellFormed). A JSON text holds a
 * lone surrogate only as an escape (or as a string in memory holding one), so a text without
 * either is parsed as it is: the reviver makes a parse 2.5 times as long (10 MB: 0.7 s, where
 * 0.3 s without), and a check for escapes takes a few milliseconds.
 */
export function parseWellFormedJson(json: string): unknown {
  if (!SURROGATE_ESCAPE.test(json) && isWellFormed(json)) return JSON.parse(json);
  return JSON.parse(json, (_key, value: unknown) => {
    if (typeof value === 'string') return toWellFormed(value);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    if (Object.keys(value).every(isWellFormed)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [toWellFormed(k), v]));
  });
}
