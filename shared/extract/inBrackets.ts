/**
 * Whether a name that starts at `start` stands inside brackets, reading from `from` (its
 * sentence's start): a ticker, "Harbour Foods (HBF.L)", is no name the sentence is about.
 */
export function inBrackets(text: string, from: number, start: number): boolean {
  const before = text.slice(from, start);
  return before.lastIndexOf('(') > before.lastIndexOf(')');
}
