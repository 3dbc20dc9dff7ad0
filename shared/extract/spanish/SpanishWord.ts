// The Spanish path reads wink's tokens for their text and offsets only: the English model's
// part-of-speech tags mean nothing on Spanish, so every rule here works on the words
// themselves (capitals, punctuation, word lists).
import type { Token } from '../analyzeText';
import { TITLE_ABBREVIATIONS } from './spanishWords';

const ABBREVIATION = new RegExp(`^(${TITLE_ABBREVIATIONS})$`);

export interface SpanishWord {
  /** Index of the token in the analysis. */
  index: number;
  value: string;
  lower: string;
  start: number;
  end: number;
}

/**
 * The tokens first..last (inclusive) without whitespace; an abbreviation that wink cut from its
 * full stop ("Sra", ".") is one word again ("Sra.").
 */
export function spanishWords(tokens: Token[], first: number, last: number): SpanishWord[] {
  const words: SpanishWord[] = [];
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (t.pos === 'SPACE' || t.value.trim() === '') continue;
    const stop = tokens[i + 1];
    const joined =
      i < last && stop?.value === '.' && stop.start === t.end && ABBREVIATION.test(t.value);
    const value = joined ? `${t.value}.` : t.value;
    words.push({
      index: i,
      value,
      lower: value.toLowerCase(),
      start: t.start,
      end: t.start + value.length,
    });
    if (joined) i++;
  }
  return words;
}

export const isCapitalised = (w: SpanishWord | undefined) => !!w && /^\p{Lu}/u.test(w.value);
export const isPunctuation = (w: SpanishWord | undefined) => !!w && !/[\p{L}\p{N}]/u.test(w.value);
