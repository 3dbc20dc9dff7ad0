// The language an article's body is read in. English is tried first with its own test, so an
// English article is never read as Spanish for the Spanish words it shares with English.
import { isEnglish } from './isEnglish';
import { countWords } from './functionWordShare';
import { isSpanish } from './spanish/isSpanish';

export type Language = 'en' | 'es' | 'other';

// Below this many words a text proves nothing, and English is the default reading.
const MIN_WORDS = 12;

export function detectLanguage(body: string): Language {
  if (countWords(body) < MIN_WORDS) return 'en';
  // The function words decide, names left out; when the names leave too few words to judge
  // ("Osiris Luna Meza denied knowing Carlos Alberto Marroquín Chica or Ernesto Muyshondt."),
  // a text that reads as neither language is English, as a short one is.
  if (isEnglish(body, 0)) return 'en';
  if (isSpanish(body, 0)) return 'es';
  return isEnglish(body, MIN_WORDS) ? 'en' : 'other';
}
