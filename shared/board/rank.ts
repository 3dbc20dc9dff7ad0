/**
 * Fractional index keys: strings that sort by code unit, with a key between any two. This is
 * the algorithm of fractional-indexing (David Greenspan, "Implementing Fractional Indexing"):
 * a variable-length integer part (its head letter gives its length) plus a fraction. Appending
 * increments the integer, so 10,000 appended cards have keys of 3 to 4 characters, where a
 * fraction-only scheme would grow by a character every few appends.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ZERO = '0';
const SMALLEST_INTEGER = 'A' + ZERO.repeat(26);

function fail(message: string): never {
  throw new RangeError(`rank: ${message}`);
}

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a ? DIGITS.indexOf(a[0] as string) : 0;
  const db = b !== null ? DIGITS.indexOf(b[0] as string) : DIGITS.length;
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)] as string;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[da] as string) + midpoint(a.slice(1), null);
}

function integerLength(head: string): number {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 97 + 2;
  if (head >= 'A' && head <= 'Z') return 90 - head.charCodeAt(0) + 2;
  return fail(`invalid head ${JSON.stringify(head)}`);
}

function integerPart(key: string): string {
  const length = integerLength(key[0] ?? '');
  if (length > key.length) fail(`invalid key ${JSON.stringify(key)}`);
  return key.slice(0, length);
}

function validate(key: string): void {
  if (key === SMALLEST_INTEGER) fail('invalid key');
  const int = integerPart(key);
  for (const ch of key) if (!DIGITS.includes(ch)) fail(`invalid digit in ${JSON.stringify(key)}`);
  if (key.length > int.length && key.endsWith(ZERO)) fail('a fraction may not end in 0');
}

function increment(int: string): string | null {
  const head = int[0] as string;
  const digits = int.slice(1).split('');
  let carry = true;
  for (let i = digits.length - 1; carry && i >= 0; i--) {
    const d = DIGITS.indexOf(digits[i] as string) + 1;
    if (d === DIGITS.length) digits[i] = ZERO;
    else {
      digits[i] = DIGITS[d] as string;
      carry = false;
    }
  }
  if (!carry) return head + digits.join('');
  if (head === 'Z') return 'a' + ZERO;
  if (head === 'z') return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  if (next > 'a') digits.push(ZERO);
  else digits.pop();
  return next + digits.join('');
}

function decrement(int: string): string | null {
  const head = int[0] as string;
  const digits = int.slice(1).split('');
  let borrow = true;
  for (let i = digits.length - 1; borrow && i >= 0; i--) {
    const d = DIGITS.indexOf(digits[i] as string) - 1;
    if (d === -1) digits[i] = DIGITS.slice(-1);
    else {
      digits[i] = DIGITS[d] as string;
      borrow = false;
    }
  }
  if (!borrow) return head + digits.join('');
  if (head === 'a') return 'Z' + DIGITS.slice(-1);
  if (head === 'A') return null;
  const next = String.fromCharCode(head.charCodeAt(0) - 1);
  if (next < 'Z') digits.push(DIGITS.slice(-1));
  else digits.pop();
  return next + digits.join('');
}

/**
 * The longest rank the board keeps. A key grows by about a character for every six cards
 * dropped between the same two neighbours (1,669 characters after 10,000 drops right after
 * one card), so this is far beyond any board's use and still bounds what a client may store.
 */
export const MAX_RANK_LENGTH = 10_000;

/** Whether a stored rank is a key this module made (a hostile or old client may store others). */
export function isValidRank(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_RANK_LENGTH) return false;
  try {
    validate(key);
    return true;
  } catch {
    return false;
  }
}

/** A rank strictly between `before` and `after` (either may be null for an open end). */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null) validate(before);
  if (after !== null) validate(after);
  if (before !== null && after !== null && before >= after) {
    fail(`${JSON.stringify(before)} is not below ${JSON.stringify(after)}`);
  }
  if (before === null) {
    if (after === null) return 'a' + ZERO;
    const ib = integerPart(after);
    const fb = after.slice(ib.length);
    if (ib === SMALLEST_INTEGER) return ib + midpoint('', fb);
    if (ib < after) return ib;
    return decrement(ib) ?? fail('cannot go below the smallest key');
  }
  const ia = integerPart(before);
  const fa = before.slice(ia.length);
  if (after === null) return increment(ia) ?? ia + midpoint(fa, null);
  const ib = integerPart(after);
  if (ia === ib) return ia + midpoint(fa, after.slice(ib.length));
  const next = increment(ia) ?? fail('cannot go above the largest key');
  return next < after ? next : ia + midpoint(fa, null);
}

/** Order of cards in a column: by rank, the card id breaking ties (invariant B3). */
export function compareRank(
  a: { readonly rank: string; readonly id: string },
  b: { readonly rank: string; readonly id: string },
): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
