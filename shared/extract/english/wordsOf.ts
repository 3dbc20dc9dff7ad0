// The sentence's words as English attribution reads them: wink's tokens without whitespace,
// with the tags that would mislead the later steps mended. Separate from findAttribution
// because every index the other steps use refers to this array.
import type { Token } from '../analyzeText';
import { describesName, isPersonTitle, type NameRun } from '../findNames';
import { isHonorific } from '../isHonorific';
import { REPORTING_LEMMAS } from './attributionWords';
import { low } from './Span';

/**
 * The sentence's tokens without whitespace; indexes below refer to this array. A word of a
 * name is a proper noun here, whatever wink tagged it: "said Will/AUX Hurd", "The health
 * minister, Paul Grant/VERB, told …"; a title is one word with its full stop. Three of wink's
 * tags are mended outside names: the noun after "according to" is no infinitive ("according
 * to police/VERB"), an adjective before a name is none of it ("Previous/PROPN El Faro"), and
 * an article's "adverb" before a verb is a noun ("in the south/ADV reported").
 */
export function wordsOf(tokens: Token[], first: number, last: number, names: NameRun[]): Token[] {
  const words: Token[] = [];
  let r = 0;
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (t.pos === 'SPACE' || t.value.trim() === '') continue;
    const dot = tokens[k + 1];
    if (isHonorific(t.value) && dot?.value === '.' && dot.start === t.end && k < last) {
      // "Rev" and "." as wink splits them are one title, as "Dr." is.
      words.push({ ...t, value: `${t.value}.`, end: dot.end, pos: 'PROPN' });
      k++;
      continue;
    }
    if (isPluralPossessive(tokens, k)) {
      // "The drivers' association blamed …": the apostrophe is a possessive like "'s", not a
      // quotation closing before "association blamed" as its reporting clause.
      words.push({ ...t, pos: 'PART' });
      continue;
    }
    while (r < names.length && names[r]!.last < k) r++;
    const inName = r < names.length && names[r]!.first <= k;
    if (inName) words.push(t.pos === 'PROPN' ? t : { ...t, pos: 'PROPN' });
    else if (t.pos === 'VERB' && low(words.at(-1)) === 'to' && low(words.at(-2)) === 'according')
      words.push({ ...t, pos: 'NOUN' });
    else if (isTitleModifier(tokens, k, last)) words.push({ ...t, pos: 'ADJ' });
    else if (isNounAfterArticle(tokens, k, last, words.at(-1))) words.push({ ...t, pos: 'NOUN' });
    else if (t.pos === 'ADJ' && ['NOUN', 'PROPN', 'PRON'].includes(words.at(-1)?.pos ?? '')) {
      // "Tim Cook/PROPN said/ADJ sales rose …": after a subject, "said" is the verb (the legal
      // adjective stands after "the", "the said agreement").
      const lemma = low(t) === 'said' ? 'say' : reportingPastBeforeThat(tokens, k, last);
      words.push(lemma ? { ...t, pos: 'VERB', lemma } : t);
    } else if (t.pos === 'PROPN' && describesName(tokens, k, words.length === 0))
      words.push({ ...t, pos: 'ADJ' });
    else words.push(t);
  }
  return words;
}

/**
 * "Acting" before a title and "elect" after one, which wink tags verbs: "Acting Police
 * Commissioner Tom Donlon said" has its subject, and "said President-elect Jorge Mora" its
 * speaker.
 */
function isTitleModifier(tokens: Token[], k: number, last: number): boolean {
  const t = tokens[k]!;
  if (t.pos !== 'VERB') return false;
  if (low(t) === 'elect') {
    const dash = tokens[k - 1];
    return dash?.value === '-' && dash.end === t.start && isPersonTitle(tokens[k - 2]?.value ?? '');
  }
  let next = k + 1;
  while (next <= last && tokens[next]!.value.trim() === '') next++;
  return low(t) === 'acting' && next <= last && ['PROPN', 'NOUN'].includes(tokens[next]!.pos);
}

/**
 * A word wink tags an adverb between an article and a verb, which no adverb stands at: "Seaside
 * businesses in the south/ADV reported …" has its subject end at "south", not at "the" (an
 * adverb before the verb is skipped as the verb's, "Officials recently said").
 */
function isNounAfterArticle(
  tokens: Token[],
  k: number,
  last: number,
  before: Token | undefined,
): boolean {
  if (tokens[k]!.pos !== 'ADV' || !/^(the|a|an)$/i.test(before?.value ?? '')) return false;
  let next = k + 1;
  while (next <= last && tokens[next]!.value.trim() === '') next++;
  return next <= last && ['VERB', 'AUX'].includes(tokens[next]!.pos);
}

/**
 * A reporting verb's past that wink tags an adjective, as in "the alleged fraud", after a
 * subject and before its "that": "Prosecutors alleged/ADJ that Pettifer ordered …" is what
 * the prosecutors said. Its lemma, or null.
 */
function reportingPastBeforeThat(tokens: Token[], k: number, last: number): string | null {
  let next = k + 1;
  while (next <= last && tokens[next]!.value.trim() === '') next++;
  if (next > last || low(tokens[next]) !== 'that') return null;
  const word = low(tokens[k]);
  const lemma = [word.slice(0, -1), word.slice(0, -2)].find(
    (l) => /ed$/.test(word) && REPORTING_LEMMAS.has(l),
  );
  return lemma ?? null;
}

/**
 * An apostrophe glued to a plural ("drivers'", "nurses’") and followed by the noun it
 * qualifies: a possessive. A closing quotation mark is followed by a comma, a verb or nothing.
 */
function isPluralPossessive(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return (
    /^['’]$/.test(t.value) &&
    !!before &&
    before.end === t.start &&
    /s$/i.test(before.value) &&
    !!after &&
    after.start > t.end &&
    ['NOUN', 'PROPN', 'ADJ'].includes(after.pos)
  );
}
