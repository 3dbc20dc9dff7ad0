// The share of a text's words that are in a list of function words: the cheap language check
// behind isEnglish and isSpanish. Function words make up a third of running text in either
// language, and each list leaves out the words the other languages share with it.
import { NAME_PARTICLES } from './nameParticles';

const WORD = /\p{L}+/gu;
const WORD_OR_STOP = /\p{L}+|[.!?…]/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * The words of a text that belong to a language, lower-cased, names left out. Names belong to
 * none, and an English sentence about El Salvador is full of Spanish ones: "Osiris Luna Meza
 * denied knowing Carlos Alberto Marroquín Chica." read as no language at all. A capitalised
 * word is a name unless it opens a sentence or is one of `functionWords` (a sentence may open
 * after a heading with no full stop: "The"), and so are the particles between two names ("Ruiz
 * de la Cruz", "Centro de Confinamiento del Terrorismo").
 */
function wordsOutsideNames(text: string, functionWords: ReadonlySet<string>): string[] {
  const words: string[] = [];
  let opens = true;
  let afterName = false;
  let particles: string[] = [];
  for (const [m] of text.matchAll(WORD_OR_STOP)) {
    const lower = m.toLowerCase();
    const word = /\p{L}/u.test(m);
    if (word && !opens && /^\p{Lu}/u.test(m) && !functionWords.has(lower)) {
      particles = []; // between two names: part of the name
      afterName = true;
      continue;
    }
    if (word && afterName && NAME_PARTICLES.has(lower)) {
      particles.push(lower);
      continue;
    }
    words.push(...particles);
    if (word) words.push(lower);
    particles = [];
    afterName = false;
    opens = !word;
  }
  words.push(...particles);
  return words;
}

/** `words` is the text's count of words outside names, `share` the function words' among them. */
export function functionWordShare(
  text: string,
  functionWords: ReadonlySet<string>,
): { words: number; share: number } {
  const words = wordsOutsideNames(text, functionWords);
  if (words.length === 0) return { words: 0, share: 0 };
  return {
    words: words.length,
    share: words.filter((w) => functionWords.has(w)).length / words.length,
  };
}
