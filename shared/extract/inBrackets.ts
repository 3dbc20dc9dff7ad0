import { bisect } from './bisect';

/**
 * Whether a name that starts at a given offset stands inside brackets, reading from `from` (its
 * sentence's start): a ticker, "Harbour Foods (HBF.L)", is no name the sentence is about. One
 * reader per sentence, asked for each of its names: the brackets are found in one pass as far
 * as the names go, not read again from `from` for each name, which was quadratic in a
 * sentence's length (a 100 KB sentence of names took 20 s).
 */
export function inBrackets(text: string, from: number): (start: number) => boolean {
  /** Offsets of "(" and ")" in text[from, scanned), in order. */
  const brackets: number[] = [];
  let scanned = from;
  return (start) => {
    const end = Math.min(start, text.length);
    for (; scanned < end; scanned++) {
      const c = text[scanned];
      if (c === '(' || c === ')') brackets.push(scanned);
    }
    // The last bracket before `start` decides: an opening one not closed since.
    const last = bisect(brackets.length, (k) => brackets[k]! >= start) - 1;
    return last >= 0 && text[brackets[last]!] === '(';
  };
}
