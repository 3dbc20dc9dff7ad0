// The reporting verb and the clause around it: whether a word reports a statement at all
// (not passive, not negated), where a reporting clause after its claim ends, and where the
// reported statement starts after the verb or after "according to". Separate from the
// candidate step, which decides from these answers who the speaker is.
import type { Token } from '../analyzeText';
import { SOURCE_NOUNS } from '../sourceNouns';
import { CLAUSE_START, MONTH_NAMES, PUBLISHED, REPORTING_LEMMAS } from './attributionWords';
import { closesRelativeAside } from './asides';
import { backwardNP, forwardNP, looksLikeName } from './nounPhrases';
import { isPunct, low, type Span } from './Span';

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

// Verbs that report only as "put it …" / "summed it up" before a colon and a quotation: "Jeff
// Asher put it to me this way: “The data is …”"; "put it on the table" reports nothing.
const SAYING_IT = new Set(['put', 'sum']);

export function isReportingVerb(ws: Token[], i: number): boolean {
  const t = ws[i]!;
  const lemma = t.lemma.toLowerCase();
  if (isPassive(ws, i) || isNegated(ws, i)) return false;
  if (SAYING_IT.has(lemma) && low(ws[i + 1]) === 'it') return quotationAfter(ws, i) >= 0;
  if (!REPORTING_LEMMAS.has(lemma)) return false;
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

/** How many words a reporting clause after its claim may run past its verb. */
const CLAUSE_REACH = 8;
// After a quotation the statement is between the quotation marks, so the words after the verb
// can only say whom it was told to, where and when: '"…," Hale told a packed meeting of
// residents and business owners at the community hall on Thursday evening.' A verb, a
// conjunction or a quotation mark still ends the clause.
const QUOTED_CLAUSE_REACH = 20;

/**
 * Where a reporting clause that follows its claim ends: everything after the verb up to the
 * next comma or the end is adverbial ("…, officials said on Monday." / "…, the government
 * said Tuesday, though experts …"). Returns the index of that comma or of the end, or -1.
 * `quoted`: the claim is a quotation that closes right before the clause's subject.
 */
export function reportingClauseEnd(ws: Token[], v: number, quoted = false): number {
  const reach = quoted ? QUOTED_CLAUSE_REACH : CLAUSE_REACH;
  let k = v + 1;
  while (k < ws.length && (ws[k]!.value !== ',' || isDateComma(ws, k)) && k - v <= reach) {
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
  if (k - v - fullStop > reach) return -1;
  return k;
}

/** The comma of "January 12, 2024": part of a date, not the end of a clause. */
function isDateComma(ws: Token[], k: number): boolean {
  return (
    /^\d{1,2}$/.test(ws[k - 1]?.value ?? '') &&
    MONTH_NAMES.test(ws[k - 2]?.value ?? '') &&
    /^\d{4}$/.test(ws[k + 1]?.value ?? '')
  );
}

/**
 * Where the statement starts after a "that" within five words of the reporting verb at `v`:
 * "said Monday that …", "told reporters that …", "told the Ledger on Monday that …". -1 when
 * that "that" points back rather than joins; null when there is no such "that".
 */
export function thatClauseStart(ws: Token[], v: number): number | null {
  // Where or how it was said may run longer before its "that": "Benfica said in a filing with
  // the Portuguese stock market regulator that …", and so may whom it was told to, where and
  // when: "told his own supporters in Millford shortly after midnight that …". A verb or a
  // punctuation mark before the "that" still ends the search.
  const longer =
    (ws[v + 1]?.pos === 'ADP' && low(ws[v + 1]) !== 'that') ||
    ws[v]!.lemma.toLowerCase() === 'tell';
  const reach = longer ? 12 : 5;
  for (let k = v + 1; k < ws.length && k <= v + reach; k++) {
    if (low(ws[k]) === 'that') {
      // "Critics say that figure includes …": before a bare singular noun and its verb,
      // "that" may point back ("that figure") rather than join; cut, the claim would read
      // "Figure includes …". The sentence stays whole, "said that the plan …" is still cut.
      const noun = ws[k + 1];
      const demonstrative =
        noun?.pos === 'NOUN' &&
        noun.lemma.toLowerCase() === low(noun) &&
        ['VERB', 'AUX'].includes(ws[k + 2]?.pos ?? '');
      // "The Prime Minister has said that, and …": a pronoun, with no statement after it.
      const pronoun = /^[,.;:!?)]$/.test(noun?.value ?? '');
      return k + 1 < ws.length && !demonstrative && !pronoun ? k + 1 : -1;
    }
    if (isPunct(ws[k]) || ['VERB', 'AUX'].includes(ws[k]!.pos)) break;
  }
  return null;
}

// Words that qualify a number: "at least 12,400", "more than 300", "nearly 40%", "up to 30".
const NUMBER_QUALIFIERS = new Set(
  'at least most more fewer less than up to about around nearly almost roughly some over under approximately'.split(
    ' ',
  ),
);

/** Whether the words from `k` are one or two qualifiers of the number right after them. */
function beforeNumber(ws: Token[], k: number): boolean {
  for (let j = k; j < k + 2 && j < ws.length; j++) {
    if (!NUMBER_QUALIFIERS.has(low(ws[j]))) return false;
    if (ws[j + 1]?.pos === 'NUM') return true;
  }
  return false;
}

/**
 * Where the reported statement starts after "X said": after "that" ("said Monday that …"),
 * or right after the verb when a clause with its own verb or a quotation follows ("said
 * Luna "led …"", "said officials went …"). -1 when the verb takes a plain object ("reported
 * 30,057 victims"), which must stay in the claim.
 */
export function reportedClauseStart(ws: Token[], v: number): number {
  const joined = thatClauseStart(ws, v);
  if (joined !== null) return joined;
  const next = ws[v + 1];
  // A gerund may open the statement too: "said flooding in the region had cost …", and so may
  // a number's qualifier, "said at least 12,400 civilians had been killed".
  const gerund = next?.pos === 'VERB' && /ing$/i.test(next.value);
  const opens =
    next &&
    (CLAUSE_START.has(next.pos) || gerund || /^["“]$/.test(next.value) || beforeNumber(ws, v + 1));
  if (!opens) return -1;
  for (let k = v + 1; k < ws.length; k++) {
    if (ws[k]!.value === ',') {
      // "said the report, released in August, predicted …": the aside is the subject's.
      const close = ws.findIndex((w, c) => c > k && isPunct(w));
      // "said the defendant, Mark Pellow, stole …": a name set beside the subject's noun.
      const named = ws[k - 1]?.pos === 'NOUN' && backwardNP(ws, close)?.first === k + 1;
      const beside = named && looksLikeName(ws, backwardNP(ws, close)!);
      if (!beside && !closesRelativeAside(ws, close)) break;
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
export function quotationAfter(ws: Token[], v: number): number {
  // "put it to me this way: “…": the phrase of saying may run six words.
  const reach = SAYING_IT.has(ws[v]!.lemma.toLowerCase()) ? 6 : 4;
  for (let k = v + 1; k < ws.length && k <= v + reach; k++) {
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
export function reportsStatement(ws: Token[], v: number): boolean {
  if ((thatClauseStart(ws, v) ?? -1) >= 0 || quotationAfter(ws, v) >= 0) return true;
  if (/^["“]$/.test(ws[v + 1]?.value ?? '')) return true;
  const np = forwardNP(ws, v + 1);
  return !!np && ['VERB', 'AUX'].includes(ws[np.last + 1]?.pos ?? '');
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
export function sharesSubject(ws: Token[], v: number, before: number): boolean {
  const prev = ws[before];
  if (low(prev) === 'and') return true;
  const verb = ws[v]!;
  return (
    prev?.value === ',' &&
    /ing$/i.test(verb.value) &&
    SPEECH_PARTICIPLES.has(verb.lemma.toLowerCase())
  );
}

/**
 * A participle right after a noun qualifies it, as a relative clause would: "Hospitals
 * reporting ambulance diversions: 38" are hospitals that report them, "Doctors reporting
 * burnout rose to 40%" reports no doctor's words. A participle reports what the subject said
 * after a comma or "and" (sharesSubject: "…, adding that …", "…, telling reporters …") or
 * after an auxiliary ("was telling reporters"), none of which is a noun.
 */
export function qualifiesNoun(ws: Token[], v: number, before: number): boolean {
  return /ing$/i.test(ws[v]!.value) && ['NOUN', 'PROPN'].includes(ws[before]?.pos ?? '');
}

/**
 * The punctuation that closes "According to …" at the head of a sentence: right after the
 * source, or a comma after words that qualify it ("According to two people who attended the
 * meeting,", "According to officials reporting the figures,"). -1 when the statement's own
 * verb comes first: the sentence stays whole.
 */
export function closeOfSource(ws: Token[], np: Span): number {
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
export function statementAfterSource(ws: Token[], np: Span): number {
  for (let k = np.first + 1; k <= np.last; k++) {
    const opens = ws[k]!.pos === 'NUM' || ws[k]!.pos === 'DET';
    if (opens && ws[k - 1]!.pos === 'NOUN') return k;
  }
  return -1;
}
