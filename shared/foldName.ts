/**
 * A name as people compare names: "José" and "Jose", "ANA" and "ana", a full-width letter and
 * its plain one are the same. Compatibility forms are taken apart (NFKD), accents dropped and
 * case folded; spacing is the caller's (a query typed letter by letter keeps its last space).
 *
 * Only accents go: the Combining Diacritical Marks (U+0300–U+036F) that Latin, Greek and
 * Cyrillic letters carry ("é", "ñ", "ș", "ệ"). A mark that is a letter's vowel in another script
 * stays, or the Devanagari "किरण" (Kiran) would be "करण" (Karan).
 *
 * Case is folded fully where lowering is not enough (Unicode's full case folding): "ß" and "ẞ"
 * are "ss", so "strasse" finds "Straße", and a word-final "ς" is "σ". The other full foldings
 * (ligatures such as "ﬁ", "ŉ") NFKD already takes apart.
 */
const ACCENTS = /[\u0300-\u036f]/g;
const SHARP_S = /ß/g;
const FINAL_SIGMA = /ς/g;

export const foldName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(ACCENTS, '')
    .toLocaleLowerCase()
    .replace(SHARP_S, 'ss')
    .replace(FINAL_SIGMA, 'σ');
