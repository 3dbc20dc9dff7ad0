const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random 16-character id (about 82 bits); crypto.getRandomValues exists in browsers and Node. */
export function newId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}
