// The share of a text's words that are in a list of function words: the cheap language check
// behind isEnglish and isSpanish. Function words make up a third of running text in either
// language, and each list leaves out the words the other languages share with it.
const WORD = /\p{L}+/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export function functionWordShare(text: string, functionWords: ReadonlySet<string>): number {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => functionWords.has(w)).length / words.length;
}
