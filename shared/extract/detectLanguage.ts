// The language an article's body is read in. English is tried first with its own test, so an
// English article is classified exactly as before Spanish was added.
import { isEnglish } from './isEnglish';
import { countWords } from './functionWordShare';
import { isSpanish } from './spanish/isSpanish';

export type Language = 'en' | 'es' | 'other';

// Below this many words a text proves nothing, and English is the default reading.
const MIN_WORDS = 12;

export function detectLanguage(body: string): Language {
  if (isEnglish(body, MIN_WORDS)) return 'en';
  return countWords(body) >= MIN_WORDS && isSpanish(body, MIN_WORDS) ? 'es' : 'other';
}
