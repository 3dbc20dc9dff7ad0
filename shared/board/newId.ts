const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * What an id of a card, comment, evidence item or article may look like wherever it comes
 * from (newId, an import, a raw update, a URL): safe in a path, a query and an HTML id. Not
 * `__proto__`: views hold cards in objects keyed by id, where that key sets the object's
 * prototype instead of holding the card, which was then on the board and in no view or export.
 */
export const ID_PATTERN = /^(?!__proto__$)[A-Za-z0-9_-]{1,100}$/;

/** A random 16-character id (about 82 bits); crypto.getRandomValues exists in browsers and Node. */
export function newId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}
