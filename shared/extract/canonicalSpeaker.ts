// One name per speaker across an article. News copy names a person in full once ("Mayor Dana
// Whitfield", "Osiris Luna Meza") and by surname after that ("Whitfield said …", "Luna said
// …"); as speakers those would be two people in the board's speaker filter and in exports. A
// speaker that is a person's name, with or without a title, becomes the fullest form the
// article gives for that person, without the title; an organisation's short name becomes its
// full one (canonicalBody); anything else ("Health officials") is left as found, but for an
// abbreviated title ("Dr.", "Sen."), which no name keeps.
import { canonicalBody } from './canonicalBody';
import { isTitleBefore, type NameRun } from './findNames';
import { isHonorific } from './isHonorific';
import { isPostNominal } from './isPostNominal';
import { NAME_PARTICLES } from './nameParticles';

const capitalised = (word: string) => /^\p{Lu}/u.test(word);
/** Written as a name: capitalised words, with particles between them ("Ruiz de la Cruz"). */
const isName = (words: string[]) =>
  capitalised(words[0]!) && words.every((w) => capitalised(w) || NAME_PARTICLES.has(w));

/** Whether `short` is `full`'s first name with some of its other names, in their order. */
function shortens(short: string[], full: string[]): boolean {
  if (short.length >= full.length || short[0] !== full[0]) return false;
  let k = 0;
  for (const word of full) if (word === short[k]) k++;
  return k === short.length;
}

/**
 * Whether `surname` (one word or more, without the first name) is how news copy names the
 * person `full` after introducing them: their last name, or the first of two surnames,
 * Spanish style ("Luna" for "Osiris Luna Meza", "Ruiz" for "Nayib Ernesto Ruiz de la Cruz").
 */
function isSurnameOf(surname: string[], full: string[]): boolean {
  for (let i = 1; i + surname.length <= full.length; i++) {
    if (!surname.every((w, k) => full[i + k] === w)) continue;
    const after = full.slice(i + surname.length);
    const particles = after.slice(0, -1);
    if (after.length === 0) return true;
    if (full.length >= 3 && particles.every((w) => NAME_PARTICLES.has(w.toLowerCase()))) {
      return true;
    }
  }
  return false;
}

/**
 * A function from a speaker as found in a sentence to the article's name for them. `names` are
 * the article's name runs, `speakers` every speaker it found: both show the fuller names.
 */
export function canonicalSpeaker(
  names: NameRun[][],
  speakers: readonly string[],
): (speaker: string) => string {
  const people = new Map<string, string[]>();
  const bodies = new Set(speakers);
  for (const run of names.flat()) {
    if (run.type === 'organization' || run.type === 'name') bodies.add(run.text);
    const words = run.text.split(/\s+/);
    if (run.type === 'person' && words.length >= 2) people.set(run.text, words);
  }
  for (const person of people.keys()) bodies.delete(person);
  const bodyName = canonicalBody(bodies);
  /** The one fullest name of the people `found` can mean, or null when not exactly one. */
  const personNamed = (found: string[]): string | null => {
    const text = found.join(' ');
    // A first name alone is not enough to know someone by.
    const meant = [...people].filter(
      ([name, full]) =>
        name === text || (found.length > 1 && shortens(found, full)) || isSurnameOf(found, full),
    );
    const widest = meant.filter(([, a]) => !meant.some(([, b]) => shortens(a, b)));
    if (widest.length === 1) return widest[0]![0];
    // "Juan Pérez" of "Juan Pérez García" and of "Juan Pérez López" is neither of them.
    return people.has(text) ? text : null;
  };
  const resolve = (found: string): string => {
    // "Dr. Helen Marsh" is Helen Marsh: an abbreviated title is never part of a name.
    const named = found.split(/\s+/);
    while (named.length > 1 && isHonorific(named[0]!)) named.shift();
    // "Amanda Reeve KC" is Amanda Reeve: nor are letters after it.
    while (named.length > 1 && isPostNominal(named.at(-1)!)) named.pop();
    const speaker = named.join(' ');
    if (isName(named)) {
      // What follows the last title: "El Salvador President Nayib Bukele" → "Nayib Bukele".
      const titles = named.map((w, k) => isTitleBefore(w, named[k + 1]));
      const words = named.slice(titles.lastIndexOf(true) + 1);
      if (words.length > 0) {
        // A title's complement before the name: "Chief of Staff Jeff Zients" is Jeff Zients.
        const complement = NAME_PARTICLES.has(words[0]!);
        const person = complement
          ? words.map((_, k) => personNamed(words.slice(k))).find((p) => p !== null)
          : personNamed(words);
        if (person) return person;
        // Two people share the surname: the surname alone cannot say which one spoke.
        if ([...people.values()].some((full) => isSurnameOf(words, full))) return speaker;
      }
    }
    // Only a name the article shows to be a person's loses its title: "Attorney General's
    // Office" is not "General's Office".
    return bodyName(speaker) ?? speaker;
  };
  // An article has a few speakers, and a long one has thousands of candidates.
  const cache = new Map<string, string>();
  return (found) => {
    let name = cache.get(found);
    if (name === undefined) cache.set(found, (name = resolve(found)));
    return name;
  };
}
