// Abbreviated titles before a name ("Dr. Helen Marsh", "Sen. Maria Cantwell", "Lt. Gen.
// Ortiz"). They are never part of the speaker's name: the board shows one name per person, and
// "Dr. Helen Marsh" and "Helen Marsh" are the same person. wink keeps some with their full stop
// ("Dr.") and splits others ("Rev", "."); segmentation must not end a sentence after them.
export const HONORIFICS: readonly string[] = (
  'Adm Amb Atty Brig Capt Cmdr Col Cpl Det Dr Fr Gen Gov Hon Insp Lt Maj Messrs Mr Mrs Ms ' +
  'Pres Prof Pvt Rep Rev Sen Sgt Supt'
).split(' ');

const LOWER = new Set(HONORIFICS.map((h) => h.toLowerCase()));

/** "Dr.", "Dr", "SEN." → true; the word must be capitalised, as a title before a name is. */
export function isHonorific(word: string): boolean {
  return /^\p{Lu}/u.test(word) && LOWER.has(word.replace(/\.$/, '').toLowerCase());
}
