const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * What an id of a card, comment, evidence item or article may look like wherever it comes
 * from (newId, an import, a raw update, a URL): safe in a path, a query and an HTML id.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** A random 16-character id (about 82 bits); crypto.getRandomValues exists in browsers and Node. */
export function newId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}
