// Who a sentence attributes its claim to. News English marks sources in a handful of
// fixed forms, tried from the most to the least explicit:
//   1. "…, according to a spokesperson at the protest."
//   2. the reporting clause at the end or after a quotation: "…, La Prensa Gráfica
//      reported." / '"…," said Stanley Quinteros, a spokesperson…' / '"…," he added.'
//   3. a subject that opens the sentence (or its first clause): "Treasury said Luna …",
//      "In a statement, Treasury said …"
//   4. a relative clause that reports a statement: "… Mayor Ana Ruiz, who said that …"
//   5. a publication as source: "in a separate El Faro report", "an investigation by the
//      El Faro media group"; "the report" later resolves to it, also when it was named in an
//      aside about the subject, where it is no speaker ("The images, first revealed in …,").
// What the article states itself has no speaker: a main clause before a relative clause that
// reports no statement ("… under President Bukele, who has long attributed …"), and a denial
// or an accusation of an act ("Luna has denied negotiating", "… accused him of stealing").
// Pronouns ("he added") and anaphoric sources ("the report also revealed") resolve to the
// previous attribution within a few sentences; unresolved, they give no speaker.
import type { Token } from './analyzeText';
import { describesName, isPersonTitle, ORG_HEADS, type NameRun } from './findNames';
import { isHonorific } from './isHonorific';
import type { Gender, PersonGenders } from './PersonGenders';
import { SOURCE_NOUNS } from './sourceNouns';
import type { Attribution, AttributionForm } from './types';
import { WIRE_DATELINE } from './wireDateline';

export const REPORTING_LEMMAS = new Set(
  (
    'say tell add state claim report announce explain note argue write allege insist warn ' +
    'confirm deny testify tweet reveal assert acknowledge admit estimate conclude predict ' +
    'accuse attribute blame credit maintain suggest indicate show stress emphasize emphasise ' +
    'declare reply respond complain contend recall cite charge disclose find'
  ).split(' '),
);

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const PRONOUN_GENDER: Record<string, Gender> = { he: 'male', she: 'female' };
// "Others said …", "Some argued …": a subject that names nobody gives no speaker.
const NOBODY_IN_PARTICULAR = new Set(
  'others some many most few both all several everyone everybody someone somebody nobody none'.split(
    ' ',
  ),
);
const NP_PREPOSITIONS = new Set(['of', 'for', 'at', 'in', 'from', 'with', 'on', 'to']);
const CLOSING_QUOTE = /^["”’']$/;
const MAX_NP = 12;

/** How far back "he" or "the report" may look for what it refers to. */
export const LOOKBACK_SENTENCES = 4;

export interface AttributionFound extends Attribution {
  /** The reporting clause to drop for the short claim, at the head or the tail. */
  clause: { start: number; end: number; at: 'head' | 'tail' } | null;
}

export interface AttributionMemory {
  /**
   * The last attributions in previous body sentences, newest last. `person` is false for a
   * speaker known not to be a person (an agency, a place), which "he" or "she" never means.
   */
  recent: Array<{
    sentence: number;
    attribution: Attribution;
    isSource: boolean;
    person?: boolean;
  }>;
  /**
   * The names of the previous body sentence, in text order: "he"/"she" may mean a person
   * among them, "the bank" or "the company" a body.
   */
  previous: { sentence: number; names: NameRun[] };
  /** The organisation named last in a previous body sentence: "the agency" may mean it. */
  organization: { sentence: number; name: string } | null;
  /** What the whole article tells of its people's genders: "she" is not a man it names. */
  genders: PersonGenders;
}

type Span = { first: number; last: number };

/**
 * The sentence's tokens without whitespace; indexes below refer to this array. A word of a
 * name is a proper noun here, whatever wink tagged it: "said Will/AUX Hurd", "The health
 * minister, Paul Grant/VERB, told …"; a title is one word with its full stop. Two of wink's
 * tags are mended outside names: the noun after "according to" is no infinitive ("according
 * to police/VERB"), and an adjective before a name is none of it ("Previous/PROPN El Faro").
 */
function wordsOf(tokens: Token[], first: number, last: number, names: NameRun[]): Token[] {
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
    else if (t.pos === 'PROPN' && describesName(tokens, k, words.length === 0))
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

const low = (t: Token | undefined) => t?.value.toLowerCase() ?? '';
const isPunct = (t: Token | undefined) => t?.pos === 'PUNCT';
const isDash = (t: Token | undefined) => /^[—–-]{1,2}$/.test(t?.value ?? '');

// Verbs whose object is the reported statement itself, so "Treasury said " can be cut from
// the claim; "denied negotiating" or "accused him of" keep their subject.
const SAY_LEMMAS = new Set(
  (
    'say add state claim report announce explain note argue write allege insist warn confirm ' +
    'reveal assert acknowledge admit estimate conclude predict suggest indicate show stress ' +
    'emphasize emphasise declare contend maintain disclose'
  ).split(' '),
);
const CLAUSE_START = new Set(['DET', 'PROPN', 'NOUN', 'NUM', 'ADJ']);

// Forms of "be" and "get" that make the participle after them a passive.
const PASSIVE_AUXILIARIES = new Set(
  'is are was were be been being am get gets got gotten getting'.split(' '),
);

/**
 * A participle after "be" or "get", adverbs between: "Ten prison officials were recalled",
 * "Three officials were charged", "The warden was told". Its subject is who the news is about,
 * not who told it; "was telling reporters" is no passive and still reports.
 */
function isPassive(ws: Token[], i: number): boolean {
  if (/ing$/i.test(ws[i]!.value)) return false;
  let k = i - 1;
  while (k >= 0 && ws[k]!.pos === 'ADV') k--;
  return PASSIVE_AUXILIARIES.has(low(ws[k]));
}

/**
 * "did not respond", "has never said", "wouldn't confirm": a verb that reports no statement.
 * What the sentence says is the article's: "The Justice Ministry did not respond to questions
 * about the 261 deaths" is not the ministry's claim.
 */
function isNegated(ws: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (NEGATIONS.has(low(ws[k]))) return true;
    if (!['AUX', 'ADV', 'PART'].includes(ws[k]!.pos)) return false;
  }
  return false;
}
const NEGATIONS = new Set(['not', "n't", 'n’t', 'never']);

function isReportingVerb(ws: Token[], i: number): boolean {
  const t = ws[i]!;
  const lemma = t.lemma.toLowerCase();
  if (!REPORTING_LEMMAS.has(lemma) || isPassive(ws, i) || isNegated(ws, i)) return false;
  if (lemma === 'add' && low(ws[i + 1]) === 'to') return false; // "adds to the evidence"
  if (t.pos === 'VERB') return true;
  if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
  // wink tags "claims"/"reports" as nouns even as verbs: accept them right after a name,
  // and at the very end after a noun ("…, official figures show.").
  const prev = ws[i - 1];
  const last = i === ws.length - 1 || (i === ws.length - 2 && isPunct(ws[i + 1]));
  if (last) return ['NOUN', 'PROPN', 'PRON'].includes(prev?.pos ?? '');
  // "Researchers at Stanford estimate that …": a "that" after it, a noun before it; not a
  // document's ("Data from the Census Bureau show that …" is the bureau's, as a source).
  if (
    low(ws[i + 1]) === 'that' &&
    ['NOUN', 'PROPN'].includes(prev?.pos ?? '') &&
    !ws.slice(Math.max(0, i - 6), i).some((w) => SOURCE_NOUNS.has(low(w)))
  ) {
    return true;
  }
  return (
    /s$/.test(t.value) &&
    (prev?.pos === 'PROPN' || prev?.pos === 'PRON') &&
    low(ws[i - 2]) !== 'the'
  );
}

/** A noun phrase starting at `i` and running forward: "a spokesperson for the prison workers". */
function forwardNP(ws: Token[], i: number): Span | null {
  let last = i - 1;
  for (let k = i; k < ws.length && k - i < MAX_NP; k++) {
    const t = ws[k]!;
    if (isPunct(t) && t.value !== '-' && t.value !== '&') break;
    // "according to New York Times reporting, …": wink tags that "reporting" a verb.
    const document = k > i && SOURCE_NOUNS.has(low(t)) && !takesObject(ws, k, endsClause);
    if ((t.pos === 'VERB' && !document) || t.pos === 'AUX' || t.pos === 'SCONJ') break;
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
function publisherOf(ws: Token[], i: number): Span | null {
  for (let k = i; k < ws.length && k <= i + 4 && !isPunct(ws[k]); k++) {
    if (!['by', 'from'].includes(low(ws[k]))) continue;
    const document = ws.slice(i, k).some((w) => SOURCE_NOUNS.has(low(w)));
    const np = document ? forwardNP(ws, k + 1) : null;
    return np && ws.slice(np.first, np.last + 1).some((w) => w.pos === 'PROPN') ? np : null;
  }
  return null;
}

/** The subject noun phrase ending right before the verb at `v`, skipping adverbs and auxiliaries. */
function backwardNP(ws: Token[], v: number): Span | null {
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
      // participles used as adjectives: "Fired prison employees", "the dismissed employees"
      (t.pos === 'VERB' &&
        /ed$/.test(t.value) &&
        (next?.pos === 'NOUN' || next?.pos === 'ADJ') &&
        k < end);
    if (!ok) break;
    first = k;
  }
  while (first <= end && ['ADP', 'CCONJ'].includes(ws[first]!.pos)) first++;
  if (first > end) return null;
  const span = ws.slice(first, end + 1);
  if (!span.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return null;
  return { first, last: end };
}

/** A phrase whose head noun is a document: "a filing with the SEC", "court records". */
function isDocument(ws: Token[], np: Span): boolean {
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
function isDocumentName(ws: Token[], first: number, last: number): boolean {
  return ws.slice(first, last + 1).every((w) => SOURCE_NOUNS.has(low(w)));
}

function isSourcePhrase(ws: Token[], np: Span): boolean {
  const last = ws[np.last]!;
  const det = low(ws[np.first]);
  return SOURCE_NOUNS.has(low(last)) && ['the', 'this', 'that', 'these', 'those'].includes(det);
}

/**
 * Where a reporting clause that follows its claim ends: everything after the verb up to the
 * next comma or the end is adverbial ("…, officials said on Monday." / "…, the government
 * said Tuesday, though experts …"). Returns the index of that comma or of the end, or -1.
 */
function reportingClauseEnd(ws: Token[], v: number): number {
  let k = v + 1;
  while (k < ws.length && (ws[k]!.value !== ',' || isDateComma(ws, k)) && k - v <= 8) {
    const t = ws[k]!;
    // "…, Amnesty International said in a report released Tuesday.": the participle
    // qualifies the document, the clause goes on.
    const qualifies = PUBLISHED.has(t.lemma.toLowerCase()) && ws[k - 1]?.pos === 'NOUN';
    if (qualifies) {
      k++;
      continue;
    }
    if (['VERB', 'AUX', 'SCONJ'].includes(t.pos) || /^["“”]$/.test(t.value)) return -1;
    k++;
  }
  // The sentence's full stop is not one of the eight words: '"…," the mayor told a town
  // hall meeting on Thursday night.'
  const fullStop = k === ws.length && isPunct(ws[k - 1]) ? 1 : 0;
  if (k - v - fullStop > 8) return -1;
  return k;
}

/** A noun phrase without the time after it: "Amnesty International on Monday". */
function untilTime(ws: Token[], np: Span | null): Span | null {
  if (!np) return null;
  for (let k = np.first + 1; k <= np.last; k++) {
    const next = ws[k + 1]?.value ?? '';
    if (ws[k]!.pos === 'ADP' && (TIME_WORDS.test(next) || MONTH_NAMES.test(next))) {
      return { ...np, last: k - 1 };
    }
  }
  return np;
}
const TIME_WORDS =
  /^(?:\d+|last|this|next|early|late|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$/i;

/** Words that say what kind a document is, not whose: "Official figures", "New data". */
const DOCUMENT_ADJECTIVES = new Set(
  (
    'official new recent latest preliminary provisional final internal independent annual ' +
    'monthly weekly quarterly leaked unpublished separate updated revised public confidential'
  ).split(' '),
);

/** Verbs whose participle tells who made a document public: "a report released Tuesday". */
const PUBLISHED = new Set(['publish', 'release', 'issue', 'produce', 'commission', 'prepare']);

/** The comma of "January 12, 2024": part of a date, not the end of a clause. */
function isDateComma(ws: Token[], k: number): boolean {
  return (
    /^\d{1,2}$/.test(ws[k - 1]?.value ?? '') &&
    MONTH_NAMES.test(ws[k - 2]?.value ?? '') &&
    /^\d{4}$/.test(ws[k + 1]?.value ?? '')
  );
}
const MONTH_NAMES =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

/**
 * Where the statement starts after a "that" within five words of the reporting verb at `v`:
 * "said Monday that …", "told reporters that …", "told the Ledger on Monday that …". -1 when
 * that "that" points back rather than joins; null when there is no such "that".
 */
function thatClauseStart(ws: Token[], v: number): number | null {
  for (let k = v + 1; k < ws.length && k <= v + 5; k++) {
    if (low(ws[k]) === 'that') {
      // "Critics say that figure includes …": before a bare singular noun and its verb,
      // "that" may point back ("that figure") rather than join; cut, the claim would read
      // "Figure includes …". The sentence stays whole, "said that the plan …" is still cut.
      const noun = ws[k + 1];
      const demonstrative =
        noun?.pos === 'NOUN' &&
        noun.lemma.toLowerCase() === low(noun) &&
        ['VERB', 'AUX'].includes(ws[k + 2]?.pos ?? '');
      return k + 1 < ws.length && !demonstrative ? k + 1 : -1;
    }
    if (isPunct(ws[k]) || ['VERB', 'AUX'].includes(ws[k]!.pos)) break;
  }
  return null;
}

/**
 * Where the reported statement starts after "X said": after "that" ("said Monday that …"),
 * or right after the verb when a clause with its own verb or a quotation follows ("said
 * Luna "led …"", "said officials went …"). -1 when the verb takes a plain object ("reported
 * 30,057 victims"), which must stay in the claim.
 */
function reportedClauseStart(ws: Token[], v: number): number {
  const joined = thatClauseStart(ws, v);
  if (joined !== null) return joined;
  const next = ws[v + 1];
  // A gerund may open the statement too: "said flooding in the region had cost …".
  const gerund = next?.pos === 'VERB' && /ing$/i.test(next.value);
  if (!next || !(CLAUSE_START.has(next.pos) || gerund || /^["“]$/.test(next.value))) return -1;
  for (let k = v + 1; k < ws.length; k++) {
    if (ws[k]!.value === ',') {
      // "said the report, released in August, predicted …": the aside is the subject's.
      const close = ws.findIndex((w, c) => c > k && isPunct(w));
      if (!closesRelativeAside(ws, close)) break;
      k = close;
      continue;
    }
    if (['VERB', 'AUX'].includes(ws[k]!.pos) || /^["“]$/.test(ws[k]!.value)) return v + 1;
  }
  return -1;
}

/**
 * A quotation that the reporting verb at `v` introduces after a colon or a comma, which is the
 * statement itself: 'He said, “The transit cuts …', 'said: “We passed …', 'told the Ledger:
 * “Nobody disputes …'. The index of its opening mark, or -1.
 */
function quotationAfter(ws: Token[], v: number): number {
  for (let k = v + 1; k < ws.length && k <= v + 4; k++) {
    const t = ws[k]!;
    if ((t.value === ':' || t.value === ',') && /^["“]$/.test(ws[k + 1]?.value ?? '')) return k + 1;
    if (isPunct(t) || ['VERB', 'AUX', 'SCONJ'].includes(t.pos)) break;
  }
  return -1;
}

/**
 * Whether what was said follows the reporting verb at `v`: a "that" clause, a quotation, or a
 * clause with its own subject and verb ("denied the claims were false"). "Denied negotiating",
 * "accused him of stealing", "attributed the decline to his plan" name an act or its target.
 */
function reportsStatement(ws: Token[], v: number): boolean {
  if ((thatClauseStart(ws, v) ?? -1) >= 0 || quotationAfter(ws, v) >= 0) return true;
  if (/^["“]$/.test(ws[v + 1]?.value ?? '')) return true;
  const np = forwardNP(ws, v + 1);
  return !!np && ['VERB', 'AUX'].includes(ws[np.last + 1]?.pos ?? '');
}

// Verbs that make or reject an allegation. With no statement after them ("Luna has denied
// negotiating with the gangs", "Treasury has accused him of stealing") the sentence tells that
// the denial or the accusation was made, which is the article's to state, not its subject's.
const ALLEGATION_LEMMAS = new Set(['deny', 'accuse', 'charge']);

/**
 * Whether the word at `k` is inside an aside that qualifies the noun before it (see
 * closesRelativeAside) and the sentence goes on with a verb that reports nothing: "The images,
 * first revealed in a 2021 investigation by the El Faro media group, bolstered claims …" tells
 * where the images came from, not who states the rest. "The figures, published in an audit by
 * the Comptroller's Office, show that …" still has the publisher as its source.
 */
function inAside(ws: Token[], k: number): boolean {
  const close = ws.findIndex((w, j) => j > k && isPunct(w));
  // However long: the commas around `k` bound it.
  if (!closesRelativeAside(ws, close, Infinity)) return false;
  let verb = close + 1;
  while (ws[verb]?.pos === 'ADV') verb++;
  // Right after the aside stands the subject's verb, whatever wink tags it ("show/NOUN").
  return !REPORTING_LEMMAS.has(ws[verb]?.lemma.toLowerCase() ?? '');
}

/** Every word capitalised, as a personal name is: "Lena Park" (wink tags "Park" a noun). */
function looksLikeName(ws: Token[], np: Span): boolean {
  const words = ws.slice(np.first, np.last + 1);
  return words.length <= 4 && words.every((t) => /^\p{Lu}/u.test(t.value) && t.pos !== 'DET');
}

/**
 * The subject that opens the sentence when an aside stands between it and the reporting verb,
 * the aside ending at the comma `comma`:
 *   "Wes Streeting, the health secretary, said …"            → Wes Streeting
 *   "Tom Harris, who has lived on Mill Street …, said …"     → Tom Harris
 *   "The agency's spokesperson, Lena Park, said …"           → Lena Park: a name set beside
 *     a role is who spoke.
 *   "Egg producers, however, said …"                          → Egg producers
 *   "Smith, 54, who has led the agency since 2019, said …"    → Smith
 *   "Powell, speaking at a news conference, said …"           → Powell
 */
function subjectBeforeAside(ws: Token[], comma: number): Span | null {
  const first = ws.findIndex((w) => w.value === ',');
  if (first <= 0 || first >= comma) return null;
  const subject = backwardNP(ws, first);
  if (!subject || subject.first !== 0) return null;
  // An age goes with the name: "Smith, 54, said …", "Smith, 54, who has led …, said …".
  const age = /^\d{1,3}$/.test(ws[first + 1]?.value ?? '') && ws[first + 2]?.value === ',';
  if (age && first + 2 === comma) return subject;
  const open = age ? first + 2 : first;
  if (['who', 'whose', 'which'].includes(low(ws[open + 1]))) return subject;
  // "Powell, speaking at a news conference, said …": what the subject was doing.
  const doing = ws[open + 1];
  if (doing?.pos === 'VERB' && /ing$/i.test(doing.value)) return subject;
  const aside = backwardNP(ws, comma);
  if (aside && aside.first === open + 1) {
    return looksLikeName(ws, aside) && !looksLikeName(ws, subject) ? aside : subject;
  }
  // A short aside without a verb: "Egg producers, however, said …", "…, for their part, …".
  const between = ws.slice(open + 1, comma);
  const short = between.length <= 4 && !between.some((t) => ['VERB', 'AUX'].includes(t.pos));
  return short && between.length > 0 ? subject : null;
}

/**
 * "…, its director, Amy Chen, said.": a role and the name beside it between commas, closing
 * the sentence's reporting clause; the name is the speaker (the role when it is no name), and
 * the clause is cut from the punctuation before the role (`opens`).
 */
function tailApposition(ws: Token[], comma: number): { np: Span; opens: number } | null {
  if (ws[comma]?.value !== ',') return null;
  const name = backwardNP(ws, comma);
  if (!name || ws[name.first - 1]?.value !== ',') return null;
  const role = backwardNP(ws, name.first - 1);
  if (!role || !/^[,"”—–-]$/.test(ws[role.first - 1]?.value ?? '')) return null;
  return { np: looksLikeName(ws, name) ? name : role, opens: role.first - 1 };
}

/**
 * Whether the comma `comma` closes an aside of at most `maxWords` that a participle or a
 * relative pronoun opened after a noun: "the government's own report, released in August,
 * predicted …", "the bridge, which opened in 2019, cost …". The verb after it is the noun's
 * predicate, not an inverted reporting clause ('"…," said X'), so "predicted the shortage"
 * names no speaker.
 */
function closesRelativeAside(ws: Token[], comma: number, maxWords = 10): boolean {
  if (ws[comma]?.value !== ',') return false;
  const open = ws.findLastIndex((w, k) => k < comma && isPunct(w));
  if (open <= 0 || ws[open]!.value !== ',' || comma - open > maxWords) return false;
  // Adverbs may come first: "the images, first revealed in …, bolstered …".
  let f = open + 1;
  while (f < comma && ws[f]!.pos === 'ADV') f++;
  const first = ws[f]!;
  const opensAside =
    ['who', 'which', 'whose'].includes(low(first)) ||
    (first.pos === 'VERB' && /(ed|en)$/i.test(first.value));
  return opensAside && backwardNP(ws, open) !== null;
}

// Verbs of speech whose participle after a comma reports what the subject said: "…,
// telling reporters that …", "…, adding that …". "…, showing that …" reports a finding, and
// its subject may be a figure.
const SPEECH_PARTICIPLES = new Set(
  'say tell add note warn insist argue claim explain stress write'.split(' '),
);

/**
 * Whether the reporting verb at `v` has the subject of the sentence's first verb: after "and"
 * ("Darnell Brooks called the plan … and said …") or as a participle after a comma
 * ("Olaf Scholz urged both sides …, telling reporters …"). `before` is the word before it.
 */
function sharesSubject(ws: Token[], v: number, before: number): boolean {
  const prev = ws[before];
  if (low(prev) === 'and') return true;
  const verb = ws[v]!;
  return (
    prev?.value === ',' &&
    /ing$/i.test(verb.value) &&
    SPEECH_PARTICIPLES.has(verb.lemma.toLowerCase())
  );
}

/** The subject that opens the sentence before its first verb: "City Council member Darnell Brooks". */
function openingSubject(ws: Token[]): Span | null {
  const verb = ws.findIndex((w) => w.pos === 'VERB' || w.pos === 'AUX');
  const np = verb > 0 ? backwardNP(ws, verb) : null;
  return np?.first === 0 ? np : null;
}

/**
 * A participle right after a noun qualifies it, as a relative clause would: "Hospitals
 * reporting ambulance diversions: 38" are hospitals that report them, "Doctors reporting
 * burnout rose to 40%" reports no doctor's words. A participle reports what the subject said
 * after a comma or "and" (sharesSubject: "…, adding that …", "…, telling reporters …") or
 * after an auxiliary ("was telling reporters"), none of which is a noun.
 */
function qualifiesNoun(ws: Token[], v: number, before: number): boolean {
  return /ing$/i.test(ws[v]!.value) && ['NOUN', 'PROPN'].includes(ws[before]?.pos ?? '');
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
function takesObject(
  ws: Token[],
  i: number,
  endsPhrase: (next: Token | undefined) => boolean,
): boolean {
  if (!/ing$/i.test(ws[i]!.value)) return false;
  const after = afterTimePhrase(ws, i + 1);
  if (after > i + 1 && endsPhrase(ws[after])) return false;
  return CLAUSE_START.has(ws[i + 1]?.pos ?? '');
}
const isVerb = (t: Token | undefined) => t?.pos === 'VERB';
const endsClause = (t: Token | undefined) => !t || isPunct(t);

/**
 * The punctuation that closes "According to …" at the head of a sentence: right after the
 * source, or a comma after words that qualify it ("According to two people who attended the
 * meeting,", "According to officials reporting the figures,"). -1 when the statement's own
 * verb comes first: the sentence stays whole.
 */
function closeOfSource(ws: Token[], np: Span): number {
  if (isPunct(ws[np.last + 1])) return np.last + 1;
  for (let k = np.last + 1; k < ws.length && k <= np.last + 9; k++) {
    if (ws[k]!.value === ',') return k;
    if (isPunct(ws[k]) || ws[k]!.pos === 'AUX') return -1;
  }
  return -1;
}

/**
 * Where the statement starts inside the phrase after a head "According to" that no comma
 * closes: at a number or determiner right after the source's noun, "According to the agency
 * 30 officials were dismissed.", "According to the ministry the number of inmates rose …".
 * -1 when nothing opens a second phrase there.
 */
function statementAfterSource(ws: Token[], np: Span): number {
  for (let k = np.first + 1; k <= np.last; k++) {
    const opens = ws[k]!.pos === 'NUM' || ws[k]!.pos === 'DET';
    if (opens && ws[k - 1]!.pos === 'NOUN') return k;
  }
  return -1;
}

interface Candidate {
  np: Span;
  form: AttributionForm;
  clause: AttributionFound['clause'];
  priority: number;
  /** A source named inside an aside: what "the report" may mean later, no speaker here. */
  aside?: boolean;
}

function candidatesIn(ws: Token[]): Candidate[] {
  const found: Candidate[] = [];
  const sentenceEnd = ws.at(-1)!.end;
  const lastWord = isPunct(ws.at(-1)) ? ws.length - 2 : ws.length - 1;
  const firstComma = ws.findIndex((w) => w.value === ',');
  for (let i = 0; i < ws.length; i++) {
    const t = ws[i]!;
    if (low(t) === 'according' && low(ws[i + 1]) === 'to') {
      const publisher = publisherOf(ws, i + 2);
      let np = publisher ?? forwardNP(ws, i + 2);
      if (!np) continue;
      const atHead = i === 0;
      let close = atHead ? closeOfSource(ws, np) : -1;
      const subject = atHead && close < 0 ? statementAfterSource(ws, np) : -1;
      if (subject > 0) {
        np = { first: np.first, last: subject - 1 };
        close = np.last;
      }
      const clause = atHead
        ? close >= 0
          ? { start: ws[0]!.start, end: ws[close]!.end, at: 'head' as const }
          : null
        : {
            // Without a comma the cut starts at the word before, so that its space goes too.
            // A dash goes with the space before it: "… since 2019 — according to …".
            start:
              low(ws[i - 1]) === ','
                ? ws[i - 1]!.start
                : isDash(ws[i - 1]) && i > 1
                  ? ws[i - 2]!.end
                  : ws[i - 1]!.end,
            end: ws[np.last]!.end,
            at: 'tail' as const,
          };
      found.push({
        np,
        form: 'according_to',
        clause: np.last >= lastWord || atHead ? clause : null,
        // "Southwest Airlines said …, according to a filing with the SEC": a document cites
        // where the figure is written; the subject who said it is the speaker.
        priority: !publisher && isDocument(ws, np) ? 3 : 0,
      });
      continue;
    }
    if (SOURCE_NOUNS.has(low(t)) && !takesObject(ws, i, isVerb)) {
      // "an investigation by the El Faro media group" / "a separate El Faro report" / "The
      // report, published by Amnesty International on Monday, found that …" / "A study
      // published in The Lancet found …": the journal.
      const participle = low(ws[i + 1]) === ',' ? i + 2 : i + 1;
      // Published "in" a name only: "in a 2023 audit by the Comptroller's Office" is the
      // audit's, which its own "by" gives.
      const inName = (k: number) =>
        low(ws[k]) === 'by' ||
        (low(ws[k]) === 'in' && ws[low(ws[k + 1]) === 'the' ? k + 2 : k + 1]?.pos === 'PROPN');
      const byAt = ['by', 'from'].includes(low(ws[i + 1]))
        ? i + 1
        : PUBLISHED.has(ws[participle]?.lemma.toLowerCase() ?? '') && inName(participle + 1)
          ? participle + 1
          : -1;
      if (byAt >= 0) {
        const np = untilTime(ws, forwardNP(ws, byAt + 1));
        // "Data from the Census Bureau show that …": wink tags that "show" a noun.
        if (np && np.last > np.first && REPORTING_LEMMAS.has(ws[np.last]!.lemma.toLowerCase())) {
          np.last--;
        }
        if (np && ws.slice(np.first, np.last + 1).some((w) => w.pos === 'PROPN')) {
          found.push({ np, form: 'source', clause: null, priority: 4, aside: inAside(ws, i) });
        }
      }
      let k = i - 1;
      if (/^['’]s?$/.test(ws[k]?.value ?? '')) k--;
      let first = k + 1;
      while (k >= 0 && ws[k]!.pos === 'PROPN') first = k--;
      // "Official figures show …": a sentence's first word is capitalised, not a publisher.
      const opening = first === 0 && i - 1 === 0 && DOCUMENT_ADJECTIVES.has(low(ws[0]));
      if (first <= i - 1 && ws[first]!.pos === 'PROPN' && !opening) {
        // "Census data show …": a capitalised document is part of the document's name.
        const last = isDocumentName(ws, first, i - 1)
          ? i
          : ws[i - 1]!.pos === 'PROPN'
            ? i - 1
            : i - 2;
        const np = { first, last };
        found.push({ np, form: 'source', clause: null, priority: 4, aside: inAside(ws, i) });
      } else {
        // "The ministry's own data show …": a body the article describes, not names, owns it.
        let owner = i - 1;
        while (owner > 0 && ws[owner]!.pos === 'ADJ') owner--;
        const body = owner - 1;
        if (
          /^['’]s$/.test(ws[owner]?.value ?? '') &&
          BODY_DESCRIPTIONS.has(low(ws[body])) &&
          low(ws[body - 1]) === 'the'
        ) {
          const np = { first: body - 1, last: body };
          found.push({ np, form: 'source', clause: null, priority: 4, aside: inAside(ws, i) });
        }
      }
      continue;
    }
    if (!isReportingVerb(ws, i)) continue;
    let before = i - 1;
    while (before >= 0 && ws[before]!.pos === 'ADV') before--;
    const prev = ws[before];
    if (qualifiesNoun(ws, i, before)) continue;
    const afterQuoteOrComma = prev && (prev.value === ',' || CLOSING_QUOTE.test(prev.value));
    // The reporting clause starts at the punctuation that closes the reported words.
    let clauseFirst = before;
    while (clauseFirst > 0 && isPunct(ws[clauseFirst - 1])) clauseFirst--;
    // "Cal-Maine Foods, the largest producer, reported a net loss": a subject before an aside,
    // not a speaker after the verb.
    // Auxiliaries too: "The senator, who is running for re-election, has repeatedly claimed".
    let asideEnd = before;
    while (asideEnd > 0 && ['AUX', 'ADV'].includes(ws[asideEnd]!.pos)) asideEnd--;
    const aside = ws[asideEnd]?.value === ',' ? subjectBeforeAside(ws, asideEnd) : null;
    if (
      !aside &&
      !closesRelativeAside(ws, before) &&
      afterQuoteOrComma &&
      ws[i + 1] &&
      !isPunct(ws[i + 1]) &&
      ws[i + 1]!.pos !== 'ADP'
    ) {
      // Inverted: '"…," said Stanley Quinteros, a spokesperson for the prison workers.' Never
      // a participle: in "…, citing a study of 30,000 patients" the study is no speaker.
      const np = /ing$/i.test(ws[i]!.value) ? null : forwardNP(ws, i + 1);
      // The speaker ends the clause ("said Quinteros, a spokesperson…"); "said the claims
      // were false" has an object, not a speaker, after the verb.
      if (np && (np.last + 1 >= ws.length || isPunct(ws[np.last + 1]))) {
        // '"…," said Juan Carlos Bidegain, adding that crime fell by 57%': a second statement
        // after the speaker, which cutting the clause would take out: the sentence stays whole.
        const next = ws[np.last + 2];
        const more =
          ws[np.last + 1]?.value === ',' &&
          /ing$/i.test(next?.value ?? '') &&
          SAY_LEMMAS.has(next?.lemma.toLowerCase() ?? '');
        const clause = more
          ? null
          : { start: ws[clauseFirst]!.start, end: sentenceEnd, at: 'tail' as const };
        found.push({ np, form: 'reported', clause, priority: 1 });
        continue;
      }
    }
    const act = ALLEGATION_LEMMAS.has(ws[i]!.lemma.toLowerCase()) && !reportsStatement(ws, i);
    const shared = sharesSubject(ws, i, before) ? openingSubject(ws) : null;
    if (shared) {
      // The statement runs on from the verb; the sentence stays whole.
      if (!act) found.push({ np: shared, form: 'subject', clause: null, priority: 2 });
      continue;
    }
    const np = backwardNP(ws, i) ?? aside;
    if (!np) {
      const tail = tailApposition(ws, before);
      const tailEnd = tail ? reportingClauseEnd(ws, i) : -1;
      if (tail && tailEnd >= 0) {
        const end = tailEnd < ws.length && tailEnd < lastWord ? ws[tailEnd]!.start : sentenceEnd;
        const clause = { start: ws[tail.opens]!.start, end, at: 'tail' as const };
        found.push({ np: tail.np, form: 'reported', clause, priority: 1 });
      }
      continue;
    }
    const opener = ws[np.first - 1];
    const quoted =
      opener &&
      (CLOSING_QUOTE.test(opener.value) ||
        (opener.value === ',' && CLOSING_QUOTE.test(ws[np.first - 2]?.value ?? '')));
    // "…, officials said." / "… — the deepest cuts in a decade — officials said."
    const afterBreak = opener?.value === ',' || isDash(opener);
    const clauseEnd = afterBreak || quoted ? reportingClauseEnd(ws, i) : -1;
    if (clauseEnd >= 0) {
      // Reporting clause after the claim: "…, La Prensa Gráfica reported." / '"…," he added.'
      let first = np.first - 1;
      while (first > 0 && isPunct(ws[first - 1])) first--;
      const end =
        clauseEnd < ws.length && clauseEnd < lastWord ? ws[clauseEnd]!.start : sentenceEnd;
      const clause = { start: ws[first]!.start, end, at: 'tail' as const };
      found.push({ np, form: 'reported', clause, priority: 1 });
      continue;
    }
    const opensSentence = np.first === 0 || (opener?.value === ',' && np.first - 1 === firstComma);
    if (opensSentence && !act) {
      const quotation = quotationAfter(ws, i);
      const lemma = ws[i]!.lemma.toLowerCase();
      // "Tell" has its listener first ("told reporters that …"): only a "that" shows where the
      // statement starts; in "told reporters the city hired …" the words cannot tell.
      const clause =
        quotation >= 0
          ? quotation
          : SAY_LEMMAS.has(lemma)
            ? reportedClauseStart(ws, i)
            : lemma === 'tell'
              ? (thatClauseStart(ws, i) ?? -1)
              : -1;
      const head =
        clause >= 0 ? { start: ws[0]!.start, end: ws[clause]!.start, at: 'head' as const } : null;
      found.push({ np, form: 'subject', clause: head, priority: 2 });
    }
  }
  // Relative clauses: "… Mayor Ana Ruiz, who said on Monday that thefts had dropped …". One
  // that reports no statement, "… President Bukele, who has long attributed the decline to his
  // plan", tells what its antecedent does: the main clause is the article's own.
  for (let i = 0; i < ws.length; i++) {
    if (low(ws[i]) !== 'who' || ws[i]!.pos === 'PROPN' || ws[i - 1]?.value !== ',') continue;
    let v = i + 1;
    while (v < ws.length && ['AUX', 'ADV', 'ADJ', 'PART'].includes(ws[v]!.pos)) v++;
    if (v < ws.length && isReportingVerb(ws, v) && reportsStatement(ws, v)) {
      const np = backwardNP(ws, i - 1);
      if (np) found.push({ np, form: 'relative', clause: null, priority: 3 });
    }
  }
  return found.sort((a, b) => a.priority - b.priority);
}

/**
 * The speaker of an interview's line: a person or an organisation the article names as such,
 * alone before a colon that opens the sentence, then a quotation: 'Ruiz: “We will build 3
 * schools.”'. Any other label is a heading's (findNames leaves it out: "The Lede: …"), and a
 * list item's "Police: $1.1 billion" quotes nobody.
 */
function transcriptLine(ws: Token[], names: NameRun[]): Candidate[] {
  const colon = ws.findIndex((w) => w.value === ':');
  if (colon <= 0 || !/^["“]$/.test(ws[colon + 1]?.value ?? '')) return [];
  const first = ws[0]!.pos === 'DET' ? 1 : 0;
  const run = names.find((r) => r.start === ws[first]!.start && r.end === ws[colon - 1]!.end);
  if (run?.type !== 'person' && run?.type !== 'organization') return [];
  const clause = { start: ws[0]!.start, end: ws[colon + 1]!.start, at: 'head' as const };
  return [{ np: { first, last: colon - 1 }, form: 'subject', clause, priority: 2 }];
}

/**
 * Where the name that ends a noun phrase starts, when a possessive or a lower-case
 * description stands before it: "The FDA's Janet Ortiz" → Janet Ortiz, "health-data firm
 * IQVIA" → IQVIA, "Union negotiator Frank Lutz" → Frank Lutz, "Police chief Mia Lund" → Mia
 * Lund, "former President Jorge Mora" → President Jorge Mora (canonicalSpeaker drops a
 * capitalised title). "The Attorney General's Office" stays whole (the one word after the
 * possessive is an organisation's head), as does "analysts at Sea-Intelligence" (a
 * preposition, not a description, stands before the name), and so does a description after
 * a preposition, whose name is someone else's: "a spokesperson for union negotiator Frank
 * Lutz" is the spokesperson.
 */
function nameAfterDescription(ws: Token[], first: number, last: number): number {
  let k = last;
  while (k > first && ws[k]!.pos === 'PROPN') k--;
  const name = k + 1;
  if (name > last || name === first || !/^\p{Lu}/u.test(ws[name]!.value)) return first;
  const before = ws[k]!;
  const possessive = /^['’]s?$/.test(before.value) && last > name && !ORG_HEADS.has(low(ws[last]));
  // wink tags "chief" and "former" adjectives ("Police chief/ADJ Mia Lund"), and a title it
  // tags a noun is one whatever its case ("former President/NOUN Jorge Mora"). A title it tags
  // a proper noun opens the phrase ("General Motors"): canonicalSpeaker drops it, and only
  // before a person's name.
  const description =
    before.pos !== 'PROPN' &&
    (isPersonTitle(before.value) ||
      ((before.pos === 'NOUN' || before.pos === 'ADJ') && /^\p{Ll}/u.test(before.value))) &&
    !ws.slice(first, k).some((w) => w.pos === 'ADP');
  return possessive || description ? name : first;
}

function speakerText(text: string, ws: Token[], np: Span): { speaker: string; start: number } {
  let first = nameAfterDescription(ws, np.first, np.last);
  // "the US Treasury Department" → "US Treasury Department"; "the spokesperson" stays, and so
  // does "the café owner": wink tags a lower-case word it does not know a proper noun.
  const name = ws[first + 1];
  if (low(ws[first]) === 'the' && name?.pos === 'PROPN' && /^\p{Lu}/u.test(name.value)) first++;
  const start = ws[first]!.start;
  return { speaker: text.slice(start, ws[np.last]!.end).replace(/\s+/g, ' '), start };
}

/**
 * The speaker a pronoun or "the report" refers to, or null when nothing near fits. A
 * `personal` pronoun ("he", "she"; "agregó el funcionario") first looks for the person named
 * first in the sentence before; shared with the Spanish path. A pronoun or role with a
 * `gender` ("she", "ella", "la funcionaria") passes over a person the article shows is of the
 * other ("Police Chief John Smith said his department …. She said …" is not Smith), to the
 * nearest one before who is of that gender or of none the article tells.
 */
export function resolveReferent(
  memory: AttributionMemory,
  sentence: number,
  wantSource: boolean,
  personal: boolean,
  gender?: Gender,
): string | null {
  const fits = (name: string) => {
    if (!gender) return true;
    const known = memory.genders.of(name);
    return !known || known === gender;
  };
  // "She said Monday…" after "President Claudia Sheinbaum, who took office…": the person
  // named first in the sentence before is the usual antecedent of a subject pronoun.
  const person =
    memory.previous.sentence === sentence - 1
      ? memory.previous.names.find((n) => n.type === 'person' && fits(n.text))?.text
      : undefined;
  if (personal && person) return person;
  const found = recentSpeaker(
    memory,
    sentence,
    (m) =>
      !(personal && m.person === false) && m.isSource === wantSource && fits(m.attribution.speaker),
  );
  return found?.attribution.speaker ?? null;
}

/** The newest attribution within the lookback that `fits`. */
function recentSpeaker(
  memory: AttributionMemory,
  sentence: number,
  fits: (m: AttributionMemory['recent'][number]) => boolean,
): AttributionMemory['recent'][number] | undefined {
  for (let k = memory.recent.length - 1; k >= 0; k--) {
    const m = memory.recent[k]!;
    if (sentence - m.sentence > LOOKBACK_SENTENCES) break;
    if (fits(m)) return m;
  }
  return undefined;
}

/** Records a sentence's attribution for the pronouns of the sentences after it. */
export function rememberAttribution(
  memory: AttributionMemory,
  sentence: number,
  found: Attribution,
  isSource: boolean,
  person?: boolean,
): void {
  const { speaker, start, end, form } = found;
  memory.recent.push({ sentence, attribution: { speaker, start, end, form }, isSource, person });
}

/**
 * Whether a speaker's noun phrase names a person ("The FDA's Janet Ortiz" does): true for a
 * name the article types as a person's or that reads as one ("Frank Lutz"), false for an organisation or a place
 * ("Federal Statistical Office", "the agency"), undefined when it cannot tell ("officials").
 */
function namesPerson(ws: Token[], np: Span, names: NameRun[]): boolean | undefined {
  const start = ws[nameAfterDescription(ws, np.first, np.last)]!.start;
  const end = ws[np.last]!.end;
  const runs = names.filter((r) => r.start >= start && r.end <= end);
  if (runs.some((r) => r.type === 'organization' || r.type === 'place')) return false;
  if (ORG_HEADS.has(low(ws[np.last]))) return false;
  if (runs.some((r) => r.type === 'person')) return true;
  const last = runs.at(-1);
  return last && last.end === end && last.last > last.first && last.type === 'name'
    ? true
    : undefined;
}

/**
 * The words after a wire dateline, which is no part of the first sentence's subject:
 * "WASHINGTON (Reuters) - U.S. Sen. Maria Cantwell said …" opens on "U.S. Sen. …".
 */
function afterDateline(text: string, ws: Token[]): Token[] {
  const start = ws[0]!.start;
  const dateline = WIRE_DATELINE.exec(text.slice(start, start + 80));
  if (!dateline) return ws;
  const end = start + dateline[0].length;
  return ws.filter((w) => w.start >= end);
}

const MAX_LABEL_WORDS = 4;

/**
 * The words after a heading's label, which is no part of the sentence's subject: "Update: The
 * FDA said …" opens on "The FDA", "Key findings: Hospitals spent …" on "Hospitals". A label is
 * one word or a few without a verb or a pronoun before a colon, then a capital ("He said: The
 * …" is no label); 'Ruiz: “We …”' is a transcript's line (transcriptLine) and stays whole.
 */
function afterLabel(ws: Token[]): Token[] {
  const colon = ws.findIndex((w) => w.value === ':');
  if (colon < 1 || colon > MAX_LABEL_WORDS || !/^\p{Lu}/u.test(ws[colon + 1]?.value ?? '')) {
    return ws;
  }
  // wink tags a one-word label as a verb as often as not: "Update/VERB:", "Watch/VERB:".
  const label = ws.slice(0, colon);
  const clause = (w: Token) =>
    ['PUNCT', 'PRON'].includes(w.pos) || (colon > 1 && ['VERB', 'AUX'].includes(w.pos));
  return label.some(clause) ? ws : ws.slice(colon + 1);
}

/**
 * A person's name followed by where they work: "Prof. Alan Krueger of Princeton University
 * said", "Helen Marsh of the University of Leeds", "Jane Doe at Harvard". The person spoke,
 * and the affiliation is no part of their name; "Bank of England" is one name and stays.
 */
function withoutAffiliation(ws: Token[], np: Span, names: NameRun[]): Span {
  for (let k = np.first + 1; k < np.last; k++) {
    if (low(ws[k]) !== 'of' && low(ws[k]) !== 'at') continue;
    const name = names.find((r) => r.end === ws[k - 1]!.end);
    const person = name?.type === 'person' || (name?.type === 'name' && name.last > name.first);
    const place = ws[low(ws[k + 1]) === 'the' ? k + 2 : k + 1];
    return person && /^\p{Lu}/u.test(place?.value ?? '') ? { first: np.first, last: k - 1 } : np;
  }
  return np;
}

/**
 * The name of whoever published the document a noun phrase names: "New York Times reporting"
 * → New York Times, "a recent Reuters analysis" → Reuters, "Bureau of Labor Statistics data",
 * "the FDA's latest report". The publisher said it; the document is where. Null when no name
 * stands before the phrase's first document noun ("court records", "a filing with the SEC").
 */
function publicationOf(ws: Token[], np: Span, names: NameRun[]): Span | null {
  for (let k = np.first + 1; k <= np.last; k++) {
    // A word of a name is none: "the Census Bureau's annual survey".
    if (!SOURCE_NOUNS.has(low(ws[k])) || ws[k]!.pos === 'PROPN') continue;
    let last = k - 1;
    while (last > np.first && ['ADJ', 'NUM'].includes(ws[last]!.pos)) last--;
    if (/^['’]s?$/.test(ws[last]!.value)) last--;
    if (last < np.first) return null;
    const name = names.find((r) => r.end === ws[last]!.end);
    let first = last;
    while (name && first > np.first && ws[first - 1]!.start >= name.start) first--;
    return name && !isDocumentName(ws, first, last) ? { first, last } : null;
  }
  return null;
}

// Descriptions that stand for an organisation named before them: "…, the company said".
const BODY_DESCRIPTIONS = new Set(
  (
    'company firm agency ministry department airline carrier retailer regulator group lender ' +
    'insurer bank office authority court organisation organization'
  ).split(' '),
);
// Kinds of institution whose names say what they are ("Ministry of Finance", "Supreme Court"):
// "the ministry" is a ministry the article named, never the central bank that spoke before it.
const NAMED_KINDS = new Set('ministry department office authority court'.split(' '));
// Kinds a name often does not say ("the agency" after "the FDA said"): a name that says no
// kind may be one, a name that says another never ("the Environment Agency" is no bank).
const UNNAMED_KINDS = new Set(['agency', 'bank']);

/** Whether a body named `name` can be what "the `noun`" means. */
function isOfKind(name: string, noun: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  if (words.includes(noun)) return true;
  if (NAMED_KINDS.has(noun)) return false;
  if (UNNAMED_KINDS.has(noun)) return ![words[0], words.at(-1)].some((w) => ORG_HEADS.has(w!));
  // "the company" after the Census Bureau spoke is some company, not the bureau.
  if (BUSINESS_KINDS.has(noun)) return !words.some((w) => PUBLIC_BODY_WORDS.has(w));
  return true;
}
const BUSINESS_KINDS = new Set('company firm airline carrier retailer lender insurer'.split(' '));
const PUBLIC_BODY_WORDS = new Set(
  (
    'bureau ministry department office agency authority court commission council committee ' +
    'police army navy congress assembly senate parliament government administration ' +
    'treasury nations university institute service'
  ).split(' '),
);

/** Whether the name run `r` is inside brackets in the sentence: a ticker, "(JPM.N)". */
function inBrackets(ws: Token[], r: NameRun): boolean {
  const open = ws.findLast((w) => w.end <= r.start && (w.value === '(' || w.value === ')'));
  return open?.value === '(';
}

/**
 * The body among the names of the sentence before that "the `noun`" may mean: one whose name
 * holds the noun ("the ministry", "Agriculture Ministry"), else the last organisation, else the
 * first name of no known kind, which is what the sentence is about ("JPMorgan Chase raised its
 * forecast … . The bank said …", "Wells Fargo", "Acme Foods"); never a person or a place.
 */
function bodyNamedBefore(
  memory: AttributionMemory,
  sentence: number,
  fits: (name: string) => boolean,
  kind: RegExp,
): { sentence: number; name: string } | null {
  if (memory.previous.sentence !== sentence - 1) return null;
  const bodies = memory.previous.names.filter(
    (r) => r.type !== 'person' && r.type !== 'place' && fits(r.text),
  );
  const found =
    bodies.findLast((r) => kind.test(r.text)) ??
    bodies.findLast((r) => r.type === 'organization') ??
    bodies[0];
  return found ? { sentence: sentence - 1, name: found.text } : null;
}

/**
 * What "the company" or "the agency" refers to: an organisation named earlier in the sentence
 * ("Supermarket chain Tesco said …, the company said"; a name in brackets after it, a ticker,
 * is none), else the most recent organisation that spoke or was named in the sentences before
 * (in the sentence just before, also a name of no known kind: bodyNamedBefore). One whose name
 * holds the description's noun comes first: "the ministry" after "the Agriculture Ministry said
 * …" and "…, according to the Farmers' Union" is the ministry, not the union that spoke last. A
 * body of another kind is none (isOfKind): "the ministry" after "the Central Bank said" is no
 * bank. Null when there is none: it stays as written.
 */
function organisationReferred(
  ws: Token[],
  np: Span,
  names: NameRun[],
  memory: AttributionMemory,
  sentence: number,
): string | null {
  const [the, noun] = ws.slice(np.first, np.last + 1);
  if (np.last !== np.first + 1 || low(the) !== 'the' || !BODY_DESCRIPTIONS.has(low(noun))) {
    return null;
  }
  const fits = (name: string) => isOfKind(name, low(noun));
  // A name in a wire dateline, "LONDON (Reuters) -", is not one the sentence gives.
  const inSentence = names.filter(
    (r) =>
      r.start >= ws[0]!.start &&
      r.end <= the!.start &&
      r.type !== 'person' &&
      r.type !== 'place' &&
      !inBrackets(ws, r) &&
      fits(r.text),
  );
  const kind = new RegExp(`\\b${low(noun)}\\b`, 'i');
  const inSentenceFirst = inSentence.findLast((r) => kind.test(r.text)) ?? inSentence.at(-1);
  if (inSentenceFirst) return inSentenceFirst.text;
  const organisation = (m: AttributionMemory['recent'][number]) =>
    m.person === false && !m.isSource && fits(m.attribution.speaker);
  const spokeOfKind = recentSpeaker(
    memory,
    sentence,
    (m) => organisation(m) && kind.test(m.attribution.speaker),
  );
  const spoke = recentSpeaker(memory, sentence, organisation);
  const named =
    bodyNamedBefore(memory, sentence, fits, kind) ??
    (memory.organization && fits(memory.organization.name) ? memory.organization : null);
  if (named && sentence - named.sentence <= LOOKBACK_SENTENCES) {
    const namedOfKind = kind.test(named.name);
    if (namedOfKind && (!spokeOfKind || named.sentence > spokeOfKind.sentence)) return named.name;
    if (!spokeOfKind && (!spoke || named.sentence > spoke.sentence)) return named.name;
  }
  return (spokeOfKind ?? spoke)?.attribution.speaker ?? null;
}

/**
 * What "it" in a sentence's own reporting clause means when the sentence opens with a body:
 * the owner of its subject ("The company's revenue grew …, it said" → the company), or the
 * subject itself when it names an organisation or a place ("The ministry cut …, it said").
 */
function bodyOpening(ws: Token[], names: NameRun[]): Span | null {
  const np = openingSubject(ws);
  if (!np) return null;
  const owner = ws.findIndex((w, k) => k > np.first && k <= np.last && /^['’]s$/.test(w.value));
  if (owner > 0) return { first: np.first, last: owner - 1 };
  return namesPerson(ws, np, names) === false ? np : null;
}

/**
 * The attribution of one sentence, given the earlier ones (`memory` is updated in place so
 * pronouns in later sentences can refer back). `names` are the sentence's name runs.
 */
export function findAttribution(
  text: string,
  tokens: Token[],
  span: Span,
  sentenceIndex: number,
  memory: AttributionMemory,
  names: NameRun[],
): AttributionFound | null {
  const words = wordsOf(tokens, span.first, span.last, names);
  if (words.length === 0) return null;
  const ws = afterLabel(afterDateline(text, words));
  if (ws.length === 0) return null;
  const candidates = [...candidatesIn(ws), ...transcriptLine(ws, names)]
    .sort((a, b) => a.priority - b.priority)
    .map((c) => {
      const np = withoutAffiliation(ws, c.np, names);
      return { ...c, np: publicationOf(ws, np, names) ?? np };
    });
  for (const [ci, c] of candidates.entries()) {
    const npTokens = ws.slice(c.np.first, c.np.last + 1);
    if (npTokens.length === 1 && NOBODY_IN_PARTICULAR.has(low(npTokens[0]))) continue;
    const pronoun = npTokens.length === 1 && PRONOUNS.has(low(npTokens[0]));
    const anaphor = isSourcePhrase(ws, c.np);
    const word = low(npTokens[0]);
    const personal = pronoun && (word === 'he' || word === 'she');
    const gender = personal ? PRONOUN_GENDER[word] : undefined;
    let result: AttributionFound;
    const itsOwn = word === 'it' && pronoun ? bodyOpening(ws, names) : null;
    if (itsOwn) {
      // "The company's revenue grew 12%, it said in a filing.": the company, not whoever spoke
      // in the sentences before.
      const { speaker, start } = speakerText(text, ws, itsOwn);
      result = { speaker, start, end: ws[itsOwn.last]!.end, form: c.form, clause: c.clause };
    } else if (pronoun || anaphor) {
      const referent = resolveReferent(memory, sentenceIndex, anaphor, personal, gender);
      if (!referent) continue;
      const np = ws[c.np.first]!;
      result = {
        speaker: referent,
        start: np.start,
        end: ws[c.np.last]!.end,
        form: pronoun ? 'pronoun' : c.form,
        clause: c.clause,
      };
    } else {
      const { speaker, start } = speakerText(text, ws, c.np);
      const body = organisationReferred(ws, c.np, names, memory, sentenceIndex);
      result = {
        speaker: body ?? speaker,
        start,
        end: ws[c.np.last]!.end,
        form: c.form,
        clause: c.clause,
      };
    }
    const person = itsOwn
      ? false
      : personal || (pronoun || anaphor ? undefined : namesPerson(ws, c.np, names));
    if (c.aside) {
      rememberAttribution(memory, sentenceIndex, result, true, person);
      continue;
    }
    if (!person)
      rememberPersonSpeaking(text, ws, candidates.slice(ci + 1), names, memory, sentenceIndex);
    rememberAttribution(memory, sentenceIndex, result, c.form === 'source' || anaphor, person);
    return result;
  }
  return null;
}

/**
 * "Union negotiator Frank Lutz said the offer … , according to the Federal Statistical
 * Office. He said …": the sentence's claim is the office's, but "he" is the person who spoke
 * in it. Remembers the first person among the sentence's other speakers, before its own
 * attribution, which "it" or "they" still mean.
 */
function rememberPersonSpeaking(
  text: string,
  ws: Token[],
  others: Candidate[],
  names: NameRun[],
  memory: AttributionMemory,
  sentenceIndex: number,
): void {
  const c = others.find((o) => o.form !== 'source' && namesPerson(ws, o.np, names));
  if (!c) return;
  const { speaker, start } = speakerText(text, ws, c.np);
  const found = { speaker, start, end: ws[c.np.last]!.end, form: c.form };
  rememberAttribution(memory, sentenceIndex, found, false, true);
}
