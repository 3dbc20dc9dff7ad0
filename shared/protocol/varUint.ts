/**
 * lib0's varUint (7 bits a byte, low first), written straight into a buffer whose size was
 * worked out first: a message or record then takes one allocation of its exact size instead of
 * a lib0 encoder (a 100-byte buffer of its own, outside the JS heap) and a copy of its contents.
 */

/** How many bytes lib0's writeVarUint takes for `n`. */
export function varUintBytes(n: number): number {
  let bytes = 1;
  for (; n > 0x7f; n = Math.floor(n / 128)) bytes++;
  return bytes;
}

/** Writes `n` at `at`; returns where the next value goes. */
export function writeVarUint(out: Uint8Array, n: number, at: number): number {
  for (; n > 0x7f; n = Math.floor(n / 128)) out[at++] = 0x80 | (n & 0x7f);
  out[at++] = n;
  return at;
}
