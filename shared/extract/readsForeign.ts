// Whether a sentence with no English function words is in another language, or English that
// happens to use none: "A&E departments saw 2.2 million attendances, a 4% rise on last year."
// has none of isEnglish's list ("a" and "on" are left out of it, shared with other languages),
// and was taken for a foreign quotation and never proposed. It takes words of the other
// languages' own to say a sentence is foreign: Spanish, its neighbours (Portuguese, Catalan,
// Italian, French) and German, leaving out words English uses too ("no", "son", "era", "sin",
// "con", "per", "die") and the single letters of English elisions ("I'd", "we'll").
import { functionWordShare } from './functionWordShare';
import { NEIGHBOUR_FUNCTION_WORDS, SPANISH_FUNCTION_WORDS } from './spanish/isSpanish';

// isSpanish's lists, less what English writes too, and German's own.
const SHARED_WITH_ENGLISH = new Set([
  'no',
  'son',
  'era',
  'sin',
  'ante',
  'con',
  'per',
  'i',
  'd',
  'l',
  'va',
]);
const GERMAN_FUNCTION_WORDS =
  'der das und ist nicht mit von zu den dem ein eine auch auf für sich sind wurde werden'.split(
    ' ',
  );
const FOREIGN_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  [...SPANISH_FUNCTION_WORDS, ...NEIGHBOUR_FUNCTION_WORDS, ...GERMAN_FUNCTION_WORDS].filter(
    (w) => !SHARED_WITH_ENGLISH.has(w),
  ),
);

/** True when at least 5% of the text's words (names left out) are another language's. */
export function readsForeign(text: string): boolean {
  return functionWordShare(text, FOREIGN_FUNCTION_WORDS).share >= 0.05;
}
