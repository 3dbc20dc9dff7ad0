// Asides between commas and what they tell: a subject before an aside ("Wes Streeting, the
// health secretary, said"), a role and name closing a reporting clause, and an aside that
// qualifies a noun, after which the verb is that noun's, not a reporting clause's. Apart from
// nounPhrases, which they build on, because both the clause and the candidate steps ask them.
import type { Token } from '../analyzeText';
import { REPORTING_LEMMAS } from './attributionWords';
import { backwardNP, looksLikeName } from './nounPhrases';
import { isPunct, low, type Span } from './Span';

/**
 * Whether the word at `k` is inside an aside that qualifies the noun before it (see
 * closesRelativeAside) and the sentence goes on with a verb that reports nothing: "The images,
 * first revealed in a 2021 investigation by the El Faro media group, bolstered claims …" tells
 * where the images came from, not who states the rest. "The figures, published in an audit by
 * the Comptroller's Office, show that …" still has the publisher as its source.
 */
export function inAside(ws: Token[], k: number): boolean {
  const close = ws.findIndex((w, j) => j > k && isPunct(w));
  // However long: the commas around `k` bound it.
  if (!closesRelativeAside(ws, close, Infinity)) return false;
  let verb = close + 1;
  while (ws[verb]?.pos === 'ADV') verb++;
  // Right after the aside stands the subject's verb, whatever wink tags it ("show/NOUN").
  return !REPORTING_LEMMAS.has(ws[verb]?.lemma.toLowerCase() ?? '');
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
 *   "Michael Lindqvist, of the Karolinska Institute, said …"  → Michael Lindqvist
 */
const AFFILIATION = new Set(['of', 'from', 'at']);
// The words of a description before its relative clause: "a crime analyst", "the city's
// longest-serving councillor".
const DESCRIPTION_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);

// Words that open a subordinate clause before the subject.
const SUBORDINATORS = new Set(
  'when after before while as although though because if since once until unless'.split(' '),
);

/**
 * Where the subject starts after a connective or a subordinate clause and its comma, which are
 * no part of it: "Finally, the opposition's energy spokesman, Mark Levinson, said …" → 2,
 * "When I asked the campaign for its source, a spokesman, Kyle Brandt, said …" → the word
 * after the clause's comma; else 0.
 */
export const afterConnective = (ws: Token[]): number => {
  if (ws[0]!.pos === 'ADV' && ws[1]?.value === ',') return 2;
  const comma = SUBORDINATORS.has(low(ws[0])) ? ws.findIndex((w) => w.value === ',') : -1;
  return comma > 1 ? comma + 1 : 0;
};

export function subjectBeforeAside(ws: Token[], comma: number): Span | null {
  const from = afterConnective(ws);
  const first = ws.findIndex((w, k) => k >= from && w.value === ',');
  if (first <= 0 || first >= comma) return null;
  // A relative clause after another aside is the same subject's: "Dr Susan Mitchell, head of
  // policy at Alzheimer's Research UK, who was not involved in the study, said …".
  const inner = ws.findLastIndex((w, k) => k < comma && w.value === ',');
  if (inner > first && ['who', 'whose', 'which'].includes(low(ws[inner + 1]))) {
    return subjectBeforeAside(ws, inner);
  }
  // A name set beside a description, however the description runs: "One of them, Leanne
  // Barker, said", "Martin Griffiths's successor as the UN's humanitarian chief, Tom Fletcher,
  // said", "Outside court, Mrs Hollis's son, Peter Hollis, said". No verb before the name: in
  // "With 91% of the vote counted, Mendes, …" the clause is the sentence's own; and the
  // description ends in a lower-case word: "Graham Pellow, 58, of Lytham Road, Preston,
  // admitted …" is an address. A participle that qualifies the description's noun is no such
  // verb when a determiner opens it: "A handwriting expert called by the prosecution, Dr Colin
  // Marsh, said …".
  const beside = backwardNP(ws, comma);
  const qualifying = (k: number) =>
    ws[from]!.pos === 'DET' &&
    /(ed|en)$/i.test(ws[k]!.value) &&
    ws[k - 1]?.pos === 'NOUN' &&
    ws[k + 1]?.pos === 'ADP';
  if (
    beside &&
    beside.first > from + 1 &&
    ws[beside.first - 1]!.value === ',' &&
    /^\p{Ll}/u.test(ws[beside.first - 2]!.value) &&
    looksLikeName(ws, beside) &&
    ws
      .slice(from, beside.first - 1)
      .every(
        (w, j) =>
          !(w.pos === 'AUX' || (w.pos === 'VERB' && !qualifying(from + j))) &&
          !/^["“”]$/.test(w.value),
      )
  ) {
    return beside;
  }
  const found = backwardNP(ws, first);
  // A first word wink reads as a verb is the subject's when no participle: "Lead author Dr
  // Hannah Okafor, of …, said", not "Citing Treasury officials, …".
  const misread =
    found?.first === from + 1 && ws[from]!.pos === 'VERB' && !/(ing|ed)$/i.test(ws[from]!.value);
  const subject = misread ? { ...found, first: from } : found;
  if (!subject || subject.first !== from) return null;
  // An age goes with the name: "Smith, 54, said …", "Smith, 54, who has led …, said …".
  const age = /^\d{1,3}$/.test(ws[first + 1]?.value ?? '') && ws[first + 2]?.value === ',';
  if (age && first + 2 === comma) return subject;
  const open = age ? first + 2 : first;
  if (['who', 'whose', 'which'].includes(low(ws[open + 1]))) return subject;
  // "Powell, speaking at a news conference, said …": what the subject was doing.
  const doing = ws[open + 1];
  if (doing?.pos === 'VERB' && /ing$/i.test(doing.value)) return subject;
  const aside = backwardNP(ws, comma);
  // Where the subject works: "Professor Michael Lindqvist, of the Karolinska Institute in
  // Stockholm, said …".
  if (AFFILIATION.has(low(ws[open + 1])) && aside?.first === open + 2) return subject;
  if (aside && aside.first === open + 1) {
    return looksLikeName(ws, aside) && !looksLikeName(ws, subject) ? aside : subject;
  }
  const between = ws.slice(open + 1, comma);
  // A description with its relative clause or participle: "Jeff Asher, a crime analyst who
  // runs the Real-Time Crime Index, put it …", "The Free Rakhine Relief Network, a volunteer
  // group working in the region, said …", also with where the person works: "Mark Ellison, a
  // neurologist at King's College London who was not involved in the research, said …".
  const rel = between.findIndex(
    (w) => ['who', 'whose'].includes(low(w)) || (w.pos === 'VERB' && /ing$/i.test(w.value)),
  );
  const described = between.slice(0, rel);
  const at = described.findIndex((w) => AFFILIATION.has(low(w)));
  const head = described[(at < 0 ? described.length : at) - 1];
  const workplace = described.slice(at + 1);
  if (
    rel > 1 &&
    described.every((w, j) => DESCRIPTION_POS.has(w.pos) || w.value === '-' || j === at) &&
    head?.pos === 'NOUN' &&
    (at < 0 || (workplace.length > 0 && workplace.every((w) => /^\p{Lu}|^['’]s$/u.test(w.value))))
  ) {
    return subject;
  }
  // A short aside without a verb: "Egg producers, however, said …", "…, for their part, …".
  const short = between.length <= 4 && !between.some((t) => ['VERB', 'AUX'].includes(t.pos));
  return short && between.length > 0 ? subject : null;
}

/**
 * "…, its director, Amy Chen, said.": a role and the name beside it between commas, closing
 * the sentence's reporting clause; the name is the speaker (the role when it is no name), and
 * the clause is cut from the punctuation before the role (`opens`).
 */
export function tailApposition(ws: Token[], comma: number): { np: Span; opens: number } | null {
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
export function closesRelativeAside(ws: Token[], comma: number, maxWords = 10): boolean {
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
