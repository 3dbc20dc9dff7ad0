// Every place in a sentence that may name its source, in the forms findAttribution lists,
// each with its form, the reporting clause to cut and a priority (lower is more explicit).
// findAttribution then picks the first candidate that resolves to a speaker; this file only
// finds them, which is most of the grammar and so stands on its own.
import type { Token } from '../analyzeText';
import type { AttributionFound } from '../findAttribution';
import type { NameRun } from '../findNames';
import { SOURCE_NOUNS } from '../sourceNouns';
import type { AttributionForm } from '../types';
import {
  afterConnective,
  closesRelativeAside,
  inAside,
  subjectBeforeAside,
  tailApposition,
} from './asides';
import { BODY_DESCRIPTIONS, PUBLISHED, REPORTING_LEMMAS } from './attributionWords';
import {
  backwardNP,
  forwardNP,
  isDocument,
  isDocumentName,
  isTimeWord,
  isVerb,
  openingSubject,
  publisherOf,
  takesObject,
  untilCircumstance,
} from './nounPhrases';
import {
  closeOfSource,
  isReportingVerb,
  qualifiesNoun,
  quotationAfter,
  reportedClauseStart,
  reportingClauseEnd,
  reportsStatement,
  sharesSubject,
  statementAfterSource,
  thatClauseStart,
} from './reportingClauses';
import { isDash, isPunct, low, type Span } from './Span';

// Verbs whose object is the reported statement itself, so "Treasury said " can be cut from
// the claim; "denied negotiating" or "accused him of" keep their subject.
const SAY_LEMMAS = new Set(
  (
    'say add state claim report announce explain note argue write allege insist warn confirm ' +
    'reveal assert acknowledge admit estimate conclude predict suggest indicate show stress ' +
    'emphasize emphasise declare contend maintain disclose caution'
  ).split(' '),
);
// Verbs whose statement starts only at a "that" (their object may come first, or be no statement).
const THAT_ONLY_LEMMAS = new Set(['tell', 'find']);

// Verbs that make or reject an allegation. With no statement after them ("Luna has denied
// negotiating with the gangs", "Treasury has accused him of stealing") the sentence tells that
// the denial or the accusation was made, which is the article's to state, not its subject's.
const ALLEGATION_LEMMAS = new Set(['deny', 'accuse', 'charge']);

/** Words that say what kind a document is, not whose: "Official figures", "New data". */
const DOCUMENT_ADJECTIVES = new Set(
  (
    'official new recent latest preliminary provisional final internal independent annual ' +
    'monthly weekly quarterly leaked unpublished separate updated revised public confidential'
  ).split(' '),
);

const CLOSING_QUOTE = /^["”’']$/;

export interface Candidate {
  np: Span;
  form: AttributionForm;
  clause: AttributionFound['clause'];
  priority: number;
  /** A source named inside an aside: what "the report" may mean later, no speaker here. */
  aside?: boolean;
  /** The publisher of a document ("according to an analysis by …"): "the analysis" later. */
  publishes?: boolean;
}

/**
 * The name that opens the sentence as the subject of publishing the document at `i`: "NHS
 * England published its monthly figures on Thursday." Null for any other subject or verb. The
 * sentence itself states that it was published (no speaker), but "The figures show: …" after it
 * are NHS England's.
 */
function publishedBy(ws: Token[], i: number): Span | null {
  let verb = i - 1;
  while (verb > 0 && ['DET', 'PRON', 'ADJ', 'NOUN', 'NUM'].includes(ws[verb]!.pos)) verb--;
  if (ws[verb]?.pos !== 'VERB' || !PUBLISHED.has(ws[verb]!.lemma.toLowerCase())) return null;
  const np = openingSubject(ws);
  if (!np || np.last !== verb - 1) return null;
  return ws.slice(np.first, np.last + 1).some((w) => w.pos === 'PROPN') ? np : null;
}

// What a document's complement and whom it was made for may hold: "of 1,150 bus users", "for
// the Eastfield Passengers' Association".
const PHRASE_WORDS = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN', 'PART']);

/**
 * The "by" that names who made the document at `i` after a participle of making, past what
 * the document was of and whom it was made for: "A survey of 1,150 bus users carried out for
 * the Eastfield Passengers' Association by the polling firm Northgate Research", "a survey
 * carried out for the Guardian by Opinium", "a poll conducted for the BBC by Ipsos". The
 * pollster made it, not the outlet it was made for. -1 when there is no such "by".
 */
function madeBy(ws: Token[], i: number): number {
  // A plural possessive's apostrophe is the name's: "the Eastfield Passengers' Association".
  const skipPhrase = (from: number) => {
    let k = from;
    while (
      k < ws.length &&
      (PHRASE_WORDS.has(ws[k]!.pos) || /^['’]s?$/.test(ws[k]!.value)) &&
      low(ws[k]) !== 'by'
    )
      k++;
    return k;
  };
  let k = i + 1;
  if (low(ws[k]) === 'of') k = skipPhrase(k + 1);
  const lemma = ws[k]?.lemma.toLowerCase() ?? '';
  const carriedOut = lemma === 'carry' && low(ws[k + 1]) === 'out';
  if (ws[k]?.pos !== 'VERB' || (!carriedOut && !PUBLISHED.has(lemma))) return -1;
  k += carriedOut ? 2 : 1;
  if (low(ws[k]) === 'for') k = skipPhrase(k + 1);
  return low(ws[k]) === 'by' ? k : -1;
}

// What may stand before a document that opens the sentence: "The", "A new", "Last year's".
const BEFORE_DOCUMENT = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'PROPN', 'NOUN', 'PART']);

/**
 * The reporting clause of a document that opens the sentence as the subject of its finding,
 * its publisher beside it: "A study by the Pew Research Center found that …", "A study
 * published in The Lancet found that …", "The report, published by Amnesty International on
 * Monday, found that …" are cut up to the statement, as "The FDA's latest report found that …"
 * and "Amnesty International said in a report …" are: the publisher is the speaker, and the
 * card's claim is what the document found. Null when the document at `i` is not that subject
 * or its verb reports no statement ("The study, published in …, followed 78,430 adults").
 */
function documentFinding(ws: Token[], i: number): Candidate['clause'] {
  if (!ws.slice(0, i).every((w) => BEFORE_DOCUMENT.has(w.pos))) return null;
  let v = i + 1;
  if (ws[v]?.value === ',') {
    // The aside closes at the next comma; the verb follows it.
    v = ws.findIndex((w, k) => k > i + 1 && isPunct(w));
    if (ws[v]?.value !== ',') return null;
    v++;
  } else {
    const by = madeBy(ws, i);
    if (by > 0) v = (forwardNP(ws, by + 1)?.last ?? by) + 1;
    else if (PUBLISHED.has(ws[v]?.lemma.toLowerCase() ?? '')) v++;
    while (v < ws.length && ['ADP', 'DET', 'PROPN', 'NOUN', 'ADJ', 'NUM'].includes(ws[v]!.pos)) v++;
  }
  while (ws[v]?.pos === 'ADV') v++;
  if (!ws[v] || !isReportingVerb(ws, v)) return null;
  const lemma = ws[v]!.lemma.toLowerCase();
  const start = SAY_LEMMAS.has(lemma)
    ? reportedClauseStart(ws, v)
    : THAT_ONLY_LEMMAS.has(lemma)
      ? (thatClauseStart(ws, v) ?? -1)
      : -1;
  return start > v ? { start: ws[0]!.start, end: ws[start]!.start, at: 'head' } : null;
}

/**
 * The subject that opens the sentence when a participle after its noun qualifies it up to the
 * reporting verb at `v`: "A former charity treasurer accused of stealing £40,000 told a jury
 * …", "Residents affected by the flooding said …". No punctuation and no other verb of the
 * sentence's own between, else null.
 */
function qualifiedSubject(ws: Token[], v: number): Span | null {
  const np = openingSubject(ws);
  const participle = np ? np.last + 1 : -1;
  if (!np || participle >= v || ws[participle]!.pos !== 'VERB') return null;
  if (!/(ed|en)$/i.test(ws[participle]!.value) || ws[participle + 1]?.pos !== 'ADP') return null;
  // A document's publisher is its source: "A study published in The Lancet found …".
  if (ws[np.last]!.pos !== 'NOUN' || SOURCE_NOUNS.has(low(ws[np.last]))) return null;
  // "A poll of 2,000 adults conducted for the BBC by Ipsos found …": the pollster's (madeBy).
  const document = ws.findIndex(
    (w, k) => k >= np.first && k <= np.last && SOURCE_NOUNS.has(low(w)),
  );
  if (document >= 0 && madeBy(ws, document) >= 0) return null;
  const between = ws.slice(participle + 1, v);
  // "… approved in March a plan that officials said …": a clause with a subject of its own.
  const own = (w: Token) =>
    w.pos === 'AUX' ||
    (w.pos === 'VERB' && !/ing$/i.test(w.value)) ||
    ['that', 'who', 'which', 'whom'].includes(low(w));
  return between.some((w) => isPunct(w) || own(w)) ? null : np;
}

/**
 * The subject with its relative clause, when the clause runs without commas up to the
 * reporting verb at `v`: "Outside court, a volunteer who has worked at the hospice shop for 15 years said …",
 * "Residents who lost their homes said …". The clause has a verb of its own first ("People
 * who said …" is the clause's verb), and no punctuation or other clause inside; else null.
 */
function relativeSubject(ws: Token[], v: number): Span | null {
  const who = ws.findIndex((w, k) => k < v && low(w) === 'who');
  if (who <= 0 || isPunct(ws[who - 1]) || !['AUX', 'VERB'].includes(ws[who + 1]?.pos ?? '')) {
    return null;
  }
  if (who + 1 >= v) return null;
  const np = backwardNP(ws, who);
  if (!np || !['NOUN', 'PROPN'].includes(ws[np.last]!.pos) || SOURCE_NOUNS.has(low(ws[np.last]))) {
    return null;
  }
  const between = ws.slice(who + 2, v);
  const inner = (w: Token) => isPunct(w) || ['that', 'who', 'which', 'whom'].includes(low(w));
  if (between.some(inner)) return null;
  // The clause tells which volunteer, and is the speaker's to keep; an adverb before the verb
  // ("… for 15 years also said") is not.
  let last = v - 1;
  while (ws[last]!.pos === 'ADV') last--;
  return { first: np.first, last };
}

export function candidatesIn(ws: Token[]): Candidate[] {
  const found: Candidate[] = [];
  const sentenceEnd = ws.at(-1)!.end;
  const lastWord = isPunct(ws.at(-1)) ? ws.length - 2 : ws.length - 1;
  const firstComma = ws.findIndex((w) => w.value === ',');
  // "Finally, the opposition's energy spokesman, Mark Levinson, said": the comma after the
  // subject's first words, past the connective's.
  const subjectComma = ws.findIndex((w, k) => k >= afterConnective(ws) && w.value === ',');
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
        publishes: !!publisher,
      });
      continue;
    }
    // A word of a name is no document: "Alzheimer's Research UK", "… Health and Care Research".
    const ofName = t.pos === 'PROPN' && [ws[i - 1], ws[i + 1]].some((w) => w?.pos === 'PROPN');
    if (SOURCE_NOUNS.has(low(t)) && !ofName && !takesObject(ws, i, isVerb)) {
      // "an investigation by the El Faro media group" / "a separate El Faro report" / "The
      // report, published by Amnesty International on Monday, found that …" / "A study
      // published in The Lancet found …": the journal.
      const participle = low(ws[i + 1]) === ',' ? i + 2 : i + 1;
      // Published "in" a name only: "in a 2023 audit by the Comptroller's Office" is the
      // audit's, which its own "by" gives, and "A Gallup poll published in October" Gallup's.
      const inName = (k: number) => {
        const name = ws[low(ws[k + 1]) === 'the' ? k + 2 : k + 1];
        return (
          low(ws[k]) === 'by' ||
          (low(ws[k]) === 'in' && name?.pos === 'PROPN' && !isTimeWord(name.value))
        );
      };
      const finding = documentFinding(ws, i);
      const byAt = ['by', 'from'].includes(low(ws[i + 1]))
        ? i + 1
        : PUBLISHED.has(ws[participle]?.lemma.toLowerCase() ?? '') && inName(participle + 1)
          ? participle + 1
          : madeBy(ws, i);
      if (byAt >= 0) {
        // "by Edison Research for the networks": whom it was made for is not who made it.
        const np = untilCircumstance(ws, forwardNP(ws, byAt + 1));
        // "Data from the Census Bureau show that …": wink tags that "show" a noun.
        if (np && np.last > np.first && REPORTING_LEMMAS.has(ws[np.last]!.lemma.toLowerCase())) {
          np.last--;
        }
        if (np && ws.slice(np.first, np.last + 1).some((w) => w.pos === 'PROPN')) {
          found.push({ np, form: 'source', clause: finding, priority: 4, aside: inAside(ws, i) });
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
        found.push({ np, form: 'source', clause: finding, priority: 4, aside: inAside(ws, i) });
      } else if (publishedBy(ws, i)) {
        found.push({
          np: publishedBy(ws, i)!,
          form: 'source',
          clause: null,
          priority: 4,
          aside: true,
        });
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
        found.push({ np: untilCircumstance(ws, np)!, form: 'reported', clause, priority: 1 });
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
    const np = qualifiedSubject(ws, i) ?? relativeSubject(ws, i) ?? backwardNP(ws, i) ?? aside;
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
    // "…, officials said." / "… — the deepest cuts in a decade — officials said." Not a name
    // beside the role that opens the sentence: "The prosecutor, Amanda Reeve, said the
    // defendant, Mark Pellow, stole …" is the subject's, whatever comma follows the verb.
    const afterBreak = np !== aside && (opener?.value === ',' || isDash(opener));
    const clauseEnd = afterBreak || quoted ? reportingClauseEnd(ws, i, !!quoted) : -1;
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
    // A subject found before its aside opens the sentence, after what stands before it:
    // "Outside court, Mrs Hollis's son, Peter Hollis, said …" (subjectBeforeAside).
    const opensSentence =
      np.first === 0 ||
      np === aside ||
      (opener?.value === ',' && [firstComma, subjectComma].includes(np.first - 1));
    if (opensSentence && !act) {
      const quotation = quotationAfter(ws, i);
      const lemma = ws[i]!.lemma.toLowerCase();
      // "Tell" has its listener first ("told reporters that …"): only a "that" shows where the
      // statement starts; in "told reporters the city hired …" the words cannot tell. "Find"
      // states a finding only with its "that" ("The researchers found that …"): "Police found
      // a man who had been shot" is what they came upon.
      const clause =
        quotation >= 0
          ? quotation
          : SAY_LEMMAS.has(lemma)
            ? reportedClauseStart(ws, i)
            : THAT_ONLY_LEMMAS.has(lemma)
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
export function transcriptLine(ws: Token[], names: NameRun[]): Candidate[] {
  const colon = ws.findIndex((w) => w.value === ':');
  if (colon <= 0 || !/^["“]$/.test(ws[colon + 1]?.value ?? '')) return [];
  const first = ws[0]!.pos === 'DET' ? 1 : 0;
  const run = names.find((r) => r.start === ws[first]!.start && r.end === ws[colon - 1]!.end);
  if (run?.type !== 'person' && run?.type !== 'organization') return [];
  const clause = { start: ws[0]!.start, end: ws[colon + 1]!.start, at: 'head' as const };
  return [{ np: { first, last: colon - 1 }, form: 'subject', clause, priority: 2 }];
}
