/**
 * A name as people compare names: "José" and "Jose", "ANA" and "ana", a full-width letter and
 * its plain one are the same. Compatibility forms are taken apart (NFKD), accents dropped and
 * case folded; spacing is the caller's (a query typed letter by letter keeps its last space).
 *
 * Only accents go: the Combining Diacritical Marks (U+0300–U+036F) that Latin, Greek and
 * Cyrillic letters carry ("é", "ñ", "ș", "ệ"). A mark that is a letter's vowel in another script
 * stays, or the Devanagari "किरण" (Kiran) would be "करण" (Karan).
 */
const ACCENTS = /[\u0300-\u036f]/g;

export const foldName = (name: string): string =>
  name.normalize('NFKD').replace(ACCENTS, '').toLocaleLowerCase();
