/** A row's BLOB as the Uint8Array Yjs reads, over the same memory (no copy). */
export const bytesOf = (b: Buffer): Uint8Array =>
  new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
