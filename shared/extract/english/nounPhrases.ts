// Noun phrases in a sentence's words: the subject before a verb, the speaker or source after
// one, a document and its publisher, and where a phrase stops (a time, a clause). The
// reporting-clause and candidate steps both build on them, so they stand apart from both.
import type { Token } from '../analyzeText';
import { ORG_HEADS } from '../findNames';
import { SOURCE_NOUNS } from '../sourceNouns';
import { CLAUSE_START, MONTH_NAMES, PRONOUNS } from './attributionWords';
import { isPunct, low, type Span } from './Span';

const NP_PREPOSITIONS = new Set(['of', 'for', 'at', 'in', 'from', 'with', 'on', 'to']);
const MAX_NP = 12;

/** A noun phrase starting at `i` and running forward: "a spokesperson for the prison workers". */
export function forwardNP(ws: Token[], i: number): Span | null {
  let last = i - 1;
  for (let k = i; k < ws.length && k - i < MAX_NP; k++) {
    const t = ws[k]!;
    if (isPunct(t) && t.value !== '-' && t.value !== '&') break;
    // "according to New York Times reporting, …": wink tags that "reporting" a verb.
    const document = k > i && SOURCE_NOUNS.has(low(t)) && !takesObject(ws, k, endsClause);
    // "by the polling firm Northgate Research": a gerund between an article and its noun.
    const modifier = /ing$/i.test(t.value) && ws[k - 1]?.pos === 'DET' && ws[k + 1]?.pos === 'NOUN';
    if ((t.pos === 'VERB' && !document && !modifier) || t.pos === 'AUX' || t.pos === 'SCONJ') {
      break;
    }
    if (t.pos === 'PRON' && !/^(his|her|their|its|our)$/i.test(t.value) && k > i) break;
    // A name's "WHO" is the World Health Organization (wordsOf tags it a proper noun).
    if (t.pos !== 'PROPN' && ['that', 'which', 'who', 'when', 'where'].includes(low(t))) break;
    last = k;
  }
  while (last >= i && ['ADP', 'DET', 'CCONJ', 'PART'].includes(ws[last]!.pos)) last--;
  if (last < i) return null;
  const head = ws.slice(i, last + 1);
  return head.some((t) => ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(t.pos))
    ? { first: i, last }
    : null;
}

/**
 * "according to data published by the Regional Health Authority", "… to figures released by
 * the Springfield Public Library Board": the body named after "by" or "from" is the source,
 * not the data. Null when the phrase at `i` is not a document with a named publisher.
 */
export function publisherOf(ws: Token[], i: number): Span | null {
  for (let k = i; k < ws.length && k <= i + 4 && !isPunct(ws[k]); k++) {
    if (!['by', 'from'].includes(low(ws[k]))) continue;
    const document = ws.slice(i, k).some((w) => SOURCE_NOUNS.has(low(w)));
    const np = document ? forwardNP(ws, k + 1) : null;
    // A body named by no name is one by its kind: "figures published by the county football
    // association" are the association's, not "figures".
    const named = (w: Token) => w.pos === 'PROPN';
    return np && (ws.slice(np.first, np.last + 1).some(named) || ORG_HEADS.has(low(ws[np.last])))
      ? np
      : null;
  }
  return null;
}

/** The subject noun phrase ending right before the verb at `v`, skipping adverbs and auxiliaries. */
export function backwardNP(ws: Token[], v: number): Span | null {
  let end = v - 1;
  while (end >= 0 && ['ADV', 'AUX', 'PART'].includes(ws[end]!.pos) && low(ws[end]) !== "'s") end--;
  if (ws[end]?.value === ')') {
    // A party, state or acronym in brackets is no part of the subject's name: "Rep. Alexandria
    // Ocasio-Cortez (D-N.Y.) said", "the National Water Commission (Conagua) said".
    const open = ws.findLastIndex((w, k) => k < end && k >= end - 8 && w.value === '(');
    if (open > 0) end = open - 1;
  }
  if (end < 0) return null;
  if (ws[end]!.pos === 'PRON' && PRONOUNS.has(low(ws[end]))) return { first: end, last: end };
  let first = end + 1;
  for (let k = end; k >= 0 && end - k < MAX_NP; k--) {
    const t = ws[k]!;
    const next = ws[k + 1];
    const ok =
      ['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM'].includes(t.pos) ||
      (t.pos === 'PART' && /^['’]s?$/.test(t.value)) ||
      (t.pos === 'PRON' && /^(his|her|their|its|our)$/i.test(t.value)) ||
      (t.pos === 'ADP' && NP_PREPOSITIONS.has(low(t)) && k < end) ||
      (t.pos === 'CCONJ' && low(t) === 'and' && k < end) ||
      (t.value === '-' && k < end) ||
      // a capitalised word of a name that wink reads as a verb: "The Met Office has confirmed"
      (t.pos === 'VERB' &&
        k > 0 &&
        k < end &&
        /^\p{Lu}/u.test(t.value) &&
        /^\p{Lu}/u.test(next?.value ?? '')) ||
      // an adjective's degree: "The FBI's most recent annual report"
      (t.pos === 'ADV' && next?.pos === 'ADJ' && k < end) ||
      // participles used as adjectives: "Fired prison employees", "the dismissed employees"
      (t.pos === 'VERB' &&
        /ed$/.test(t.value) &&
        (next?.pos === 'NOUN' || next?.pos === 'ADJ') &&
        k < end);
    if (!ok) break;
    first = k;
    // A determiner right after a noun opens a phrase of its own: in "The January rise the
    // regulator has announced is 3%" the subject of "announced" is "the regulator" alone.
    if (t.pos === 'DET' && ['NOUN', 'PROPN'].includes(ws[k - 1]?.pos ?? '')) break;
  }
  while (first <= end && ['ADP', 'CCONJ'].includes(ws[first]!.pos)) first++;
  if (first > end) return null;
  const span = ws.slice(first, end + 1);
  if (!span.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return null;
  return { first, last: end };
}

/** A phrase whose head noun is a document: "a filing with the SEC", "court records". */
export function isDocument(ws: Token[], np: Span): boolean {
  let head: Token | undefined;
  for (let k = np.first; k <= np.last && ws[k]!.pos !== 'ADP'; k++) {
    if (ws[k]!.pos === 'NOUN' || SOURCE_NOUNS.has(low(ws[k]))) head = ws[k];
  }
  return SOURCE_NOUNS.has(low(head));
}

/**
 * Words that are all documents, "Census", "Audit", capitalised at the head of a sentence or
 * as a title: no publisher, so "Census data" is the source as the sentence gives it. Which body
 * took the census it does not say, and a fact-checker looks "Census data" up as such.
 */
export function isDocumentName(ws: Token[], first: number, last: number): boolean {
  return ws.slice(first, last + 1).every((w) => SOURCE_NOUNS.has(low(w)));
}

export function isSourcePhrase(ws: Token[], np: Span): boolean {
  const last = ws[np.last]!;
  const det = low(ws[np.first]);
  // "The Institute for Fiscal Studies" is a name, no document named before.
  return (
    SOURCE_NOUNS.has(low(last)) &&
    !(last.pos === 'PROPN' && ws[np.last - 1]?.pos === 'PROPN') &&
    ['the', 'this', 'that', 'these', 'those'].includes(det)
  );
}

/** A noun phrase without the time after it: "Amnesty International on Monday". */
function untilTime(ws: Token[], np: Span | null): Span | null {
  if (!np) return null;
  for (let k = np.first + 1; k <= np.last; k++) {
    const next = ws[k + 1]?.value ?? '';
    if (ws[k]!.pos === 'ADP' && isTimeWord(next)) {
      return { ...np, last: k - 1 };
    }
  }
  return np;
}
const TIME_WORDS =
  /^(?:\d+|last|this|next|early|late|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$/i;

/** A word that opens a time phrase, "in October", "on Monday", "last week": no name. */
export const isTimeWord = (word: string): boolean =>
  TIME_WORDS.test(word) || MONTH_NAMES.test(word);

/**
 * A speaker named after its verb, without what follows the name: "said Governor Tom Reyes on
 * Monday", "said Mayor Linda Okafor after the vote", "said police chief Mia Lund in a
 * statement". A preposition right after a name, before a lowercase word, says when, where or
 * how it was said; "Secretary of State Antony Blinken" and "Minister for Health Ana Ruiz" keep
 * theirs, and so does a role's "a spokesperson for the ministry", which no name precedes.
 */
export function untilCircumstance(ws: Token[], np: Span | null): Span | null {
  const timed = untilTime(ws, np);
  if (!timed) return null;
  for (let k = timed.first + 1; k <= timed.last; k++) {
    const opensPhrase = ws[k]!.pos === 'ADP' && low(ws[k]) !== 'of';
    if (opensPhrase && ws[k - 1]!.pos === 'PROPN' && /^\p{Ll}/u.test(ws[k + 1]?.value ?? '')) {
      return { ...timed, last: k - 1 };
    }
  }
  return timed;
}

/** Every word capitalised, as a personal name is: "Lena Park" (wink tags "Park" a noun). */
export function looksLikeName(ws: Token[], np: Span): boolean {
  const words = ws.slice(np.first, np.last + 1);
  return words.length <= 4 && words.every((t) => /^\p{Lu}/u.test(t.value) && t.pos !== 'DET');
}

/** The subject that opens the sentence before its first verb: "City Council member Darnell Brooks". */
export function openingSubject(ws: Token[]): Span | null {
  const verb = ws.findIndex((w) => w.pos === 'VERB' || w.pos === 'AUX');
  const np = verb > 0 ? backwardNP(ws, verb) : null;
  return np?.first === 0 ? np : null;
}

const TIME_MODIFIERS = new Set('last this next past earlier later early late'.split(' '));
const TIME_NOUN =
  /^(yesterday|today|tonight|(mon|tues|wednes|thurs|fri|satur|sun)day|year|week|month|weekend|decade|spring|summer|autumn|fall|winter|quarter)$/;

/** The index after a time phrase at `k` ("last year", "earlier this month", "Monday"), or `k`. */
function afterTimePhrase(ws: Token[], k: number): number {
  let j = k;
  while (TIME_MODIFIERS.has(low(ws[j]))) j++;
  return TIME_NOUN.test(low(ws[j])) ? j + 1 : k;
}

/**
 * "reporting" followed by its object is a participle ("Hospitals reporting ambulance
 * diversions"), not the noun of "El Faro reporting found …" or "according to Times reporting,".
 * A time phrase is no object where the phrase ends after it (`endsPhrase`): before the
 * sentence's verb, "El Faro reporting last year found …", or after "according to", before a
 * comma; "Hospitals reporting this year: 38" still qualifies its noun.
 */
export function takesObject(
  ws: Token[],
  i: number,
  endsPhrase: (next: Token | undefined) => boolean,
): boolean {
  if (!/ing$/i.test(ws[i]!.value)) return false;
  const after = afterTimePhrase(ws, i + 1);
  if (after > i + 1 && endsPhrase(ws[after])) return false;
  return CLAUSE_START.has(ws[i + 1]?.pos ?? '');
}
export const isVerb = (t: Token | undefined) => t?.pos === 'VERB';
const endsClause = (t: Token | undefined) => !t || isPunct(t);
