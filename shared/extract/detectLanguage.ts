// The language an article's body is read in. English is tried first with its own test, so an
// English article is never read as Spanish for the Spanish words it shares with English.
import { isEnglish } from './isEnglish';
import { countWords } from './functionWordShare';
import { isSpanish } from './spanish/isSpanish';

export type Language = 'en' | 'es' | 'other';

// Below this many words a text proves nothing, and English is the default reading.
const MIN_WORDS = 12;

const LETTER = /\p{L}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * Whether most of the text's letters are of a script other than Latin (Chinese, Japanese,
 * Arabic, Cyrillic…): neither English nor Spanish, however few its words. Chinese and Japanese
 * put no space between words, so a whole article counted as a handful of them and read as
 * English, proposing nothing and saying nothing of why (QA).
 */
function mostlyOtherScript(body: string): boolean {
  const letters = body.match(LETTER)?.length ?? 0;
  return letters > 0 && (body.match(LATIN)?.length ?? 0) * 2 < letters;
}

export function detectLanguage(body: string): Language {
  if (mostlyOtherScript(body)) return 'other';
  if (countWords(body) < MIN_WORDS) return 'en';
  // The function words decide, names left out; when the names leave too few words to judge
  // ("Osiris Luna Meza denied knowing Carlos Alberto Marroquín Chica or Ernesto Muyshondt."),
  // a text that reads as neither language is English, as a short one is.
  if (isEnglish(body, 0)) return 'en';
  if (isSpanish(body, 0)) return 'es';
  return isEnglish(body, MIN_WORDS) ? 'en' : 'other';
}
