/**
 * Fractional index keys: strings that sort lexicographically, with a key between any two.
 * The algorithm is the midpoint step of fractional-indexing (David Greenspan's "Implementing
 * Fractional Indexing"), without the integer part: keys are digit strings that never end in
 * the smallest digit, so there is always room below and between.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const ZERO = DIGITS[0] as string;

function digit(ch: string): number {
  const d = DIGITS.indexOf(ch);
  if (d < 0) throw new RangeError(`invalid rank digit ${JSON.stringify(ch)}`);
  return d;
}

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while (n < b.length && (a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a ? digit(a[0] as string) : 0;
  const db = b !== null ? digit(b[0] as string) : DIGITS.length;
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)] as string;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[da] + midpoint(a.slice(1), null);
}

/** A rank strictly between `before` and `after` (either may be null for an open end). */
export function rankBetween(before: string | null, after: string | null): string {
  const a = before ?? '';
  if (after !== null && a >= after) {
    throw new RangeError(`rankBetween: ${JSON.stringify(a)} is not below ${JSON.stringify(after)}`);
  }
  if (a.endsWith(ZERO) || after?.endsWith(ZERO)) {
    throw new RangeError('rankBetween: ranks may not end in the lowest digit');
  }
  return midpoint(a, after);
}

/** Order of cards in a column: by rank, the card id breaking ties (invariant B3). */
export function compareRank(
  a: { readonly rank: string; readonly id: string },
  b: { readonly rank: string; readonly id: string },
): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
