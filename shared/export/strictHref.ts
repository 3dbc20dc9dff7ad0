/** A character as %XX (all the characters escaped here are ASCII). */
export const percentEncoded = (ch: string): string =>
  `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * What the WHATWG URL serializer leaves raw in a query or fragment though RFC 3986 does not
 * allow it there: readers that follow the RFC (many JSON-LD and Markdown consumers) refuse
 * such a URL (found by QA: `?q=a|b^c{d}`).
 */
const NOT_IN_RFC_3986 = /[|^{}`\\]/g;

/** A parsed URL as text that both WHATWG and RFC 3986 readers take. */
export const strictHref = (url: URL): string => url.href.replace(NOT_IN_RFC_3986, percentEncoded);
