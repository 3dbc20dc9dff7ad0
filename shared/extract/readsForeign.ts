// Whether a sentence with no English function words is in another language, or English that
// happens to use none: "A&E departments saw 2.2 million attendances, a 4% rise on last year."
// has none of isEnglish's list ("a" and "on" are left out of it, shared with other languages),
// and was taken for a foreign quotation and never proposed. It takes words of the other
// languages' own to say a sentence is foreign: Spanish, its neighbours (Portuguese, Catalan,
// Italian, French) and German, leaving out words English uses too ("no", "son", "era", "sin",
// "con", "per", "die") and the single letters of English elisions ("I'd", "we'll").
import { functionWordShare } from './functionWordShare';

const FOREIGN_FUNCTION_WORDS = new Set(
  // Spanish
  (
    'el la los las de del que y en por para una un se es fue son según al lo su sus como más ' +
    'pero ha han este esta estos estas entre sobre también muy hasta desde donde cuando porque ' +
    'ya fueron está están ese esa hay tras durante cual quien ' +
    // Portuguese, Catalan, Italian, French
    'amb els dels és em um uma não do da dos das com il di che è et des du est une pour sont ' +
    'dans au aux le les qui avec pas mais ont été cette ces sur leur leurs nous ' +
    // German
    'der das und ist nicht mit von zu den dem ein eine auch auf für sich sind wurde werden'
  ).split(' '),
);

/** True when at least `threshold` of the text's words (names left out) are another language's. */
export function readsForeign(text: string, threshold = 0.05): boolean {
  return functionWordShare(text, FOREIGN_FUNCTION_WORDS).share >= threshold;
}
