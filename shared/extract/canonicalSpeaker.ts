// One name per person across an article. News copy names a person in full once ("Mayor Dana
// Whitfield") and by surname after that ("Whitfield said …"); as speakers those would be two
// people in the board's speaker filter and in exports. A speaker that is a person's name,
// with or without a title, becomes the fullest form the article gives for that person,
// without the title; anything else (an agency, "Health officials") is left as found, but for
// an abbreviated title ("Dr.", "Sen."), which no name keeps.
import { PERSON_TITLES, type NameRun } from './findNames';
import { isHonorific } from './isHonorific';

const capitalised = (word: string) => /^\p{Lu}/u.test(word);

/** A function from a speaker as found in a sentence to the article's name for them. */
export function canonicalSpeaker(names: NameRun[][]): (speaker: string) => string {
  // Surname → the full names (two words or more) of the article's people that end with it.
  const fullNames = new Map<string, Set<string>>();
  for (const run of names.flat()) {
    if (run.type !== 'person') continue;
    const words = run.text.split(/\s+/);
    if (words.length < 2) continue;
    const surname = words.at(-1)!;
    fullNames.set(surname, (fullNames.get(surname) ?? new Set()).add(words.join(' ')));
  }
  return (found) => {
    // "Dr. Helen Marsh" is Helen Marsh: an abbreviated title is never part of a name.
    const named = found.split(/\s+/);
    while (named.length > 1 && isHonorific(named[0]!)) named.shift();
    const speaker = named.join(' ');
    const all = speaker.split(/\s+/);
    if (!all.every(capitalised)) return speaker;
    // What follows the last title: "El Salvador President Nayib Bukele" → "Nayib Bukele".
    const titles = all.map((w) => PERSON_TITLES.has(w.toLowerCase()));
    const words = all.slice(titles.lastIndexOf(true) + 1);
    if (words.length === 0) return speaker;
    const known = fullNames.get(words.at(-1)!);
    if (words.length === 1) {
      // Two people share the surname: the surname alone cannot say which one spoke.
      return known?.size === 1 ? [...known][0]! : speaker;
    }
    // Only a name the article shows to be a person's loses its title: "Attorney General's
    // Office" is not "General's Office".
    const name = words.join(' ');
    return known?.has(name) ? name : speaker;
  };
}
