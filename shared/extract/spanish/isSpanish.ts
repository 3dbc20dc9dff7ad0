// Spanish detection, the counterpart of isEnglish: the share of Spanish function words, less
// twice the share of the function words of its neighbours (Portuguese, Catalan, French,
// Italian) that Spanish never uses. Spanish shares "de", "que", "la", "en" with them, so the
// first share alone lets Catalan and French through (0.30 and 0.22 on the same three sentences
// about El Salvador's prisons that score 0.45 in Spanish); the second takes them out: Spanish
// 0.45, Catalan 0.00, Portuguese −0.01, and below for French, Italian and English.
import { functionWordShare } from '../functionWordShare';

export const SPANISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'el la los las de del que y en por para con una un se no es fue son según al lo su sus ' +
    'como más pero ha han este esta estos estas entre sin sobre también muy hasta desde ' +
    'donde cuando porque ya fueron era está están ese esa hay tras ante durante cual quien'
  ).split(' '),
);

// Catalan "i amb els va per", Portuguese "em um uma não do da com", Italian "il di che è",
// French "le les et des du est une pour dans qui avec", and the elided "l’", "d’". "le" and
// "les" are Spanish pronouns too, but French articles first: counted as Spanish, they made a
// French sentence about prisons read as Spanish (0.22).
export const NEIGHBOUR_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'i amb els va per dels l d és em um uma não do da dos das com il di che è et des du est ' +
    'une pour sont dans au aux le les qui avec pas mais ont été cette ces sur leur leurs nous'
  ).split(' '),
);

/**
 * True unless the text is long enough to judge (`minWords` words outside names) and reads too
 * little like Spanish. Short fragments are given the benefit of the doubt.
 */
export function isSpanish(text: string, minWords = 12, threshold = 0.15): boolean {
  const spanish = functionWordShare(text, SPANISH_FUNCTION_WORDS);
  const neighbours = functionWordShare(text, NEIGHBOUR_FUNCTION_WORDS);
  return spanish.words < minWords || spanish.share - 2 * neighbours.share >= threshold;
}
