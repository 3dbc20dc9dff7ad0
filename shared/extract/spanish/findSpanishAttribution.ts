// Who a Spanish sentence attributes its claim to, in the forms newsrooms write, tried from
// the most to the least explicit:
//   1. "Según Villatoro, …" / "…, según cifras del Ministerio de Justicia." / "…, de acuerdo
//      con la Policía Nacional Civil."
//   2. the inverted reporting clause after a quotation or a comma, also between dashes:
//      '"…", dijo el ministro Gustavo Villatoro en …' / «…», afirmó. / —…—dijo el director—…
//   3. a subject before the verb, whose statement follows "que" or a colon: "La organización
//      Cristosal afirmó que …", "El ministro de Seguridad, Gustavo Villatoro, dijo que …",
//      "Noah Bullock, director de Cristosal, dijo que …", "En un comunicado, la Fiscalía
//      señaló que …", "La alcaldesa, Lucía Ferrer, declaró este martes a este diario que …";
//      or a verb of announcing and its object: "El Ministerio de Sanidad anunció el lunes …"
//   4. a relative clause: "… Nayib Bukele, quien ha asegurado que …"
//   5. a document as source: "un informe de Cristosal", "datos de la Policía Nacional Civil".
// A verb with no subject ("Agregó que …", «…», añadió.), a subject pronoun ("Ella dijo") and a
// bare role ("agregó el funcionario") refer to the previous speaker, as "he added" does in
// English; "el informe" refers to the previous document. The English path's memory and its
// resolution are shared (AttributionMemory).
import type { Token } from '../analyzeText';
import { rememberAttribution, resolveReferent, type AttributionMemory } from '../AttributionMemory';
import type { AttributionFound } from '../findAttribution';
import type { NameRun } from '../findNames';
import { roleFits } from '../roleFits';
import type { Gender } from '../PersonGenders';
import type { SentenceSpan } from '../segmentSentences';
import type { AttributionForm } from '../types';
import { isPunctuation, spanishWords } from './SpanishWord';
import { ARTICLES, OF, PREPOSITIONS } from './attributionWords';
import { onlyRole } from './onlyRole';
import { SentenceReader } from './SentenceReader';
import { SUBJECT_PRONOUN_GENDER } from './spanishGenders';
import {
  DENIALS,
  NOBODY_IN_PARTICULAR,
  PERFECT_AUXILIARIES,
  PHRASE_STOPS,
  REPORTING_PARTICIPLES,
  REPORTING_VERBS,
  ROLE_WORDS,
  SOURCE_NOUNS,
  STATING_OBJECT,
  SUBJECT_PRONOUNS,
  VERB_ADVERBS,
} from './spanishWords';

/** Nouns that stand for an organisation the sentence has named: "informó la institución". */
const BODY_ANAPHORS = new Set(
  'institución entidad cartera dependencia organismo corporación agencia oficina'.split(' '),
);
const CLOSING = /^["”»—–]$/;
const OPENING_QUOTE = /^["“«]$/;
const DASH = /^[—–]$/;
const MAX_SUBJECT = 10;
// A clause opened by these is not the sentence's subject: "…, aunque los expertos advierten que".
const CONJUNCTIONS = new Set(
  'aunque porque pero y e o mientras cuando si que pues como sino donde ya'.split(' '),
);

type Clause = AttributionFound['clause'];

interface Candidate {
  /** Where the article names the speaker, as words of the sentence; null when it does not. */
  named: { first: number; last: number; text: string } | null;
  /** What an unnamed speaker refers to: a person (he, she, "el funcionario") or a document. */
  refersTo: 'person' | 'source' | null;
  /** The gender a pronoun referring to a person says: "ella dijo". */
  gender?: Gender;
  form: AttributionForm;
  clause: Clause;
  priority: number;
  /** The verb or "según": where an unnamed speaker is anchored. */
  at: number;
  /** Said in a document ("en un informe"), which later sentences may call "el informe". */
  inDocument?: boolean;
}

/** The reporting verb at k and the index of its last word ("ha dicho" is two), or -1. */
function reportingVerbAt(r: SentenceReader, k: number): number {
  if (REPORTING_VERBS.has(r.low(k))) return k;
  if (PERFECT_AUXILIARIES.has(r.low(k)) && REPORTING_PARTICIPLES.has(r.low(k + 1))) return k + 1;
  return -1;
}

function accordingTo(r: SentenceReader, found: Candidate[]): void {
  const { ws, n } = r;
  const lastWord = isPunctuation(ws[n - 1]) ? n - 2 : n - 1;
  for (let i = 0; i < n; i++) {
    let from = -1;
    if (r.low(i) === 'según') from = i + 1;
    else if (r.low(i) === 'de' && r.low(i + 1) === 'acuerdo' && /^(con|a|al)$/.test(r.low(i + 2))) {
      from = i + 3;
    }
    if (from < 0) continue;
    if (reportingVerbAt(r, from) >= 0) {
      from = reportingVerbAt(r, from) + 1; // "según informó la PNC"
      // "Según explicó, la obra …", "…, según detalló.": no subject, the previous speaker, as
      // "Agregó que …" is.
      const head = i === 0 && ws[from]?.value === ',' && ws[from + 1];
      if (head || (i > 0 && from > lastWord)) {
        const open = ws[i - 1]?.value === ',' ? ws[i - 1]! : ws[i]!;
        const clause: Clause = head
          ? { start: ws[0]!.start, end: ws[from + 1]!.start, at: 'head' }
          : { start: open.start, end: ws[n - 1]!.end, at: 'tail' };
        found.push({
          named: null,
          refersTo: 'person',
          form: 'according_to',
          clause,
          priority: 0,
          at: i,
        });
        continue;
      }
      // "según informó en un comunicado": where it was said, not who said it.
      if (PREPOSITIONS.has(r.low(from))) continue;
    }
    let to = r.wordsUntilPunctuation(from) - 1;
    let named = to >= from ? r.speaker(from, to) : null;
    if (!named) continue;
    // "según su directora, la doctora Ana Chávez.": the name set beside the role, which ends
    // the sentence or its aside.
    const beside = ws[to + 1]?.value === ',' ? r.wordsUntilPunctuation(to + 2) - 1 : -1;
    const name = beside > to + 1 ? r.nameIn(to + 2, beside + 1) : null;
    if (
      name &&
      name.last === beside &&
      onlyRole(ws.slice(to + 2, name.first).map((w) => w.lower))
    ) {
      named = r.phrase(name.first, name.last);
      to = beside;
    }
    const anaphor = r.isSourceAnaphor(from, to);
    // "De acuerdo con datos del Instituto Nacional de Ciencias Forenses (Inacif), …": the
    // source's short name in brackets is part of the clause, not of the statement.
    const bracket =
      ws[to + 1]?.value === '(' ? ws.findIndex((w, k) => k > to && w.value === ')') : -1;
    const end = bracket > to && bracket <= to + 6 ? bracket : to;
    let clause: Clause = null;
    const after = ws[end + 1];
    if (i === 0 && after?.value === ',' && ws[end + 2]) {
      clause = { start: ws[0]!.start, end: ws[end + 2]!.start, at: 'head' };
    } else if (i > 0 && end >= lastWord) {
      const open = ws[i - 1]!.value === ',' ? ws[i - 1]! : ws[i]!;
      clause = { start: open.start, end: ws[n - 1]!.end, at: 'tail' };
    } else if (ws[i - 1]?.value === ',' && after?.value === ',') {
      // "…, según Villatoro, tiene …": the aside goes, one comma with it.
      clause = { start: ws[i - 1]!.start, end: after.end, at: 'tail' };
    }
    const refersTo = anaphor ? ('source' as const) : null;
    // "…, según una encuesta realizada a 1.200 empresarios": a document that names no
    // publisher gives way to a subject that said it ("La Cámara de Comercio señaló … que").
    const head = ARTICLES.has(r.low(from)) ? from + 1 : from;
    const unpublished = !anaphor && SOURCE_NOUNS.has(r.low(head)) && !r.nameIn(from, to + 1);
    const priority = unpublished ? 3 : 0;
    found.push({ named, refersTo, form: 'according_to', clause, priority, at: i });
  }
}

/** "dijo el ministro Gustavo Villatoro en …" → the speaker in the words after the verb. */
function speakerAfterVerb(r: SentenceReader, from: number, to: number) {
  // "dijo el ministro de Seguridad, Gustavo Sánchez, en …": the name beside the role.
  const beside = r.ws[to]?.value === ',' ? r.nameIn(to + 1, to + 2) : null;
  if (beside && (isPunctuation(r.ws[beside.last + 1]) || beside.last === r.n - 1)) {
    return { named: r.phrase(beside.first, beside.last), refersTo: null };
  }
  const name = r.nameIn(from, to);
  if (name && r.low(name.first - 1) !== 'de' && r.low(name.first - 1) !== 'del') {
    return { named: r.phrase(name.first, name.last), refersTo: null };
  }
  let end = from;
  while (end < to && !PHRASE_STOPS.has(r.low(end))) end++;
  if (end === from) return { named: null, refersTo: 'person' as const };
  // "…, informó la institución": the organisation the sentence names.
  if (end === from + 2 && ARTICLES.has(r.low(from)) && BODY_ANAPHORS.has(r.low(from + 1))) {
    const body = r.organizationBefore(from);
    if (body) return { named: body, refersTo: null };
  }
  if (r.isBareRole(from, end - 1))
    return { named: r.phrase(from, end - 1), refersTo: 'person' as const };
  const pronoun = end === from + 1 ? SUBJECT_PRONOUN_GENDER[r.low(from)] : undefined;
  if (pronoun) return { named: null, refersTo: 'person' as const, gender: pronoun }; // "afirmó ella"
  return { named: r.speaker(from, end - 1), refersTo: null };
}

const NEGATIONS = new Set(['no', 'nunca', 'jamás']);

/** How many words may stand between a verb and its "que": "aseguró ayer a la prensa que". */
const STATEMENT_REACH = 6;

/**
 * Where the statement of the verb ending at verbEnd is introduced: its "que", a colon or an
 * opening quotation within reach, before any other punctuation; -1 when there is none.
 */
function statementAfter(r: SentenceReader, verbEnd: number): number {
  let k = verbEnd + 1;
  while (
    k < r.n &&
    k <= verbEnd + STATEMENT_REACH &&
    !isPunctuation(r.ws[k]) &&
    r.low(k) !== 'que'
  ) {
    k++;
  }
  const w = r.ws[k]?.value ?? '';
  return r.low(k) === 'que' || w === ':' || OPENING_QUOTE.test(w) ? k : -1;
}

/**
 * Whether the words between a verb and its "que" only say when or to whom it was said ("este
 * martes", "a este diario", "a EFE"), so that the verb's subject is before it. A role or a
 * document there, or a name that is not the addressee, is the speaker of an inverted clause
 * and the antecedent of a relative "que": «…», señaló la fiscal que lleva el caso.
 */
function onlyWhenOrWhom(r: SentenceReader, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (ROLE_WORDS.has(r.low(k)) || SOURCE_NOUNS.has(r.low(k))) return false;
    const name = r.nameIn(k, k + 1);
    if (name && !/^(a|al|ante)$/.test(r.low(k - 1))) return false;
    if (name) k = name.last;
  }
  return true;
}

function reportingClauses(r: SentenceReader, found: Candidate[]): void {
  const { ws, n } = r;
  const sentenceEnd = ws[n - 1]!.end;
  for (let v = 0; v < n; v++) {
    const verbEnd = reportingVerbAt(r, v);
    // "no ha confirmado que …", "nunca dijo que …": nothing is reported, and cut after "que"
    // the card would claim what was not said.
    if (verbEnd < 0 || NEGATIONS.has(r.low(v - 1))) continue;
    const prev = ws[v - 1];
    const that = statementAfter(r, verbEnd);
    // "La alcaldesa de Getafe, Lucía Ferrer, declaró a este diario que …": the comma before
    // the verb closes an aside, and the subject is before it.
    const introducesStatement =
      that >= 0 && !OPENING_QUOTE.test(ws[that]!.value) && onlyWhenOrWhom(r, verbEnd + 1, that);
    // "El director de Centros Penales, Osiris Luna Meza, ha negado haber negociado …": the
    // comma closes an aside of the subject, not a statement, whatever follows the verb.
    const closesSubjectAside = () => prev?.value === ',' && subjectBefore(r, v)?.aside === true;
    if (
      prev &&
      v > 1 &&
      (prev.value === ',' || CLOSING.test(prev.value)) &&
      !introducesStatement &&
      !closesSubjectAside()
    ) {
      // Inverted: '"…", dijo X.' / «…», añadió. / —…—dijo el director— …
      let from = verbEnd + 1;
      if (/^(a|al|ante)$/.test(r.low(from)) && r.nameIn(from, r.wordsUntilPunctuation(from))) {
        // "dijo a EFE el ministro X" / "declaró ante periodistas la fiscal Ana Pérez"
        from++;
        if (ARTICLES.has(r.low(from))) from++;
        from++;
      }
      const to = r.wordsUntilPunctuation(from);
      const who = speakerAfterVerb(r, from, to);
      let first = v - 1;
      while (first > 0 && isPunctuation(ws[first - 1])) first--;
      let end = sentenceEnd;
      let start = ws[first]!.start;
      if (DASH.test(prev.value)) {
        // The aside goes with the space before it: "—No hay nada —dijo X—, pero …".
        const close = ws.findIndex((w, k) => k > v && DASH.test(w.value));
        if (close > 0) end = ws[close]!.end;
        start = ws[v - 2]!.end;
      }
      // '"…", dijo Ortega, quien recordó que el 30 por ciento …': a second statement after the
      // speaker, which cutting the clause would take out: the sentence stays whole.
      const more = ws.some(
        (w, k) =>
          k > v &&
          w.value === ',' &&
          /^(quien|y)$/.test(r.low(k + 1)) &&
          reportingVerbAt(r, k + 2) >= 0,
      );
      const clause = more ? null : { start, end, at: 'tail' as const };
      found.push({ ...who, form: 'reported', clause, priority: 1, at: v });
      continue;
    }
    // Subject before the verb, the statement after "que", a colon or a quotation, or, after a
    // verb of announcing, its object: the sentence is the claim, as in English.
    if (that < 0) {
      // Not "se anunció …", which names no one, nor "según informó …", a source of its own.
      if (!STATING_OBJECT.has(r.low(verbEnd)) || /^(se|según)$/.test(r.low(v - 1))) continue;
      const subject = subjectBefore(r, v);
      if (subject) found.push({ ...subject, form: 'subject', clause: null, priority: 2, at: v });
      continue;
    }
    const opensQuote = OPENING_QUOTE.test(ws[that]!.value);
    const subject = subjectBefore(r, v);
    if (subject === undefined) continue;
    // "señaló en un informe que …": what it says, a later "el informe" refers back to.
    const inDocument = r.ws.slice(verbEnd + 1, that).some((w) => SOURCE_NOUNS.has(w.lower));
    const statement = opensQuote ? that : that + 1;
    // "negó que las cárceles estuvieran sobrepobladas": cut to what follows "que", the card
    // would claim what the speaker denied.
    const clause =
      statement < n && !DENIALS.has(r.low(verbEnd))
        ? { start: ws[0]!.start, end: ws[statement]!.start, at: 'head' as const }
        : null;
    found.push({ ...subject, form: 'subject', clause, priority: 2, at: v, inDocument });
  }
}

/**
 * The subject of the verb at v when it opens the sentence or its first clause; null fields
 * for an unexpressed subject ("Agregó que …"), undefined when the words before the verb are
 * not a subject.
 */
function subjectBefore(
  r: SentenceReader,
  v: number,
): (Pick<Candidate, 'named' | 'refersTo' | 'gender'> & { aside?: true }) | undefined {
  let end = v - 1;
  while (end >= 0 && VERB_ADVERBS.has(r.low(end))) end--;
  // A wire dateline is not part of the subject: "MONTERREY (México), 12 jul (EFE).- La …".
  const dateline = r.ws.findIndex((w, k) => k < end && k < 15 && /^(\.-|-|—)$/.test(w.value));
  const start = dateline > 0 && /^[.)]$/.test(r.ws[dateline - 1]!.value) ? dateline + 1 : 0;
  const commas: number[] = [];
  for (let k = start; k <= end; k++) if (r.ws[k]!.value === ',') commas.push(k);
  let from = start;
  let to = end;
  /** Whether the subject has an aside between commas before the verb. */
  let aside = false;
  const firstName = commas.length >= 2 && r.isNameRun(start, commas[0]! - 1);
  const asideOpens = (k: number) =>
    ROLE_WORDS.has(r.low(k)) || (ARTICLES.has(r.low(k)) && ROLE_WORDS.has(r.low(k + 1)));
  if (r.ws[end]?.value === ',' && firstName && asideOpens(commas[0]! + 1)) {
    // "Joaquín Mejía, investigador del Equipo de Reflexión, Investigación y Comunicación, aseguró"
    to = commas[0]! - 1;
    aside = true;
  } else if (r.ws[end]?.value === ',' && commas.length >= 2) {
    // "El ministro de Seguridad, Gustavo Villatoro, dijo" / "Noah Bullock, director de
    // Cristosal, dijo" / "Bukele, quien …, dijo": a subject and its aside.
    const asideFrom = commas.at(-2)! + 1;
    let subjectTo = commas.at(-2)! - 1;
    from = commas.length >= 3 ? commas.at(-3)! + 1 : start;
    // "Pérez, de 54 años, quien dirige …, afirmó": the age goes with the name before it.
    if (commas.length >= 3 && isAge(r, from, subjectTo)) {
      subjectTo = commas.at(-3)! - 1;
      from = commas.length >= 4 ? commas.at(-4)! + 1 : start;
    }
    // "Su director, el doctor Osmín Tovar, dijo": a role before the aside's name is no name.
    const asideName = r.nameIn(asideFrom, end);
    const roleAndName =
      asideName?.last === end - 1 &&
      asideName.first > asideFrom &&
      onlyRole(r.ws.slice(asideFrom, asideName.first).map((w) => w.lower));
    const nameAside =
      (r.isNameRun(asideFrom, end - 1) || roleAndName) && !r.isNameRun(from, subjectTo);
    if (nameAside) [from, to] = [roleAndName ? asideName.first : asideFrom, end - 1];
    else if (r.low(asideFrom) === 'quien' || end - asideFrom <= 6) to = subjectTo;
    else return undefined;
    aside = true;
  } else if (commas.length > 0) {
    from = commas.at(-1)! + 1; // "En un comunicado, la Fiscalía señaló que"
  }
  if (to < from) return { named: null, refersTo: 'person' }; // "Además, agregó que"
  // An acronym in brackets after the name is not part of it: "… del Agua (Conagua)".
  if (r.ws[to]?.value === ')' && r.ws[to - 2]?.value === '(') to -= 3;
  const words = r.ws.slice(from, to + 1);
  if (
    words.length === 0 ||
    words.length > MAX_SUBJECT ||
    CONJUNCTIONS.has(words[0]!.lower) ||
    words.some((w) => w.lower === 'que' || isPunctuation(w))
  ) {
    return undefined;
  }
  if (words.some((w, k) => k > 0 && reportingVerbAt(r, from + k) >= 0)) return undefined;
  const head = ARTICLES.has(words[0]!.lower) && words[1] ? words[1].lower : words[0]!.lower;
  if (NOBODY_IN_PARTICULAR.has(words[0]!.lower) || NOBODY_IN_PARTICULAR.has(head)) {
    return undefined;
  }
  if (words.length === 1 && SUBJECT_PRONOUNS.has(words[0]!.lower)) {
    return { named: null, refersTo: 'person', gender: SUBJECT_PRONOUN_GENDER[words[0]!.lower] };
  }
  if (r.isSourceAnaphor(from, to)) return { named: r.phrase(from, to), refersTo: 'source' };
  if (r.isBareRole(from, to)) return { named: r.phrase(from, to), refersTo: 'person' };
  return { named: r.speaker(from, to), refersTo: null, ...(aside && { aside }) };
}

/** "de 54 años" or "54" between commas: a person's age. */
function isAge(r: SentenceReader, from: number, to: number): boolean {
  const words = r.ws.slice(from, to + 1).map((w) => w.lower);
  const number = words[words[0] === 'de' ? 1 : 0] ?? '';
  const rest = words.slice(words[0] === 'de' ? 2 : 1);
  return (
    /^\d{1,3}$/.test(number) && (rest.length === 0 || (rest.length === 1 && rest[0] === 'años'))
  );
}

function relativesAndSources(r: SentenceReader, found: Candidate[]): void {
  const { ws, n } = r;
  for (let k = 0; k < n; k++) {
    // "… Nayib Bukele, quien ha asegurado que …"
    if (r.low(k) === 'quien' && ws[k - 1]?.value === ',') {
      let v = k + 1;
      while (VERB_ADVERBS.has(r.low(v))) v++;
      // "quien ha atribuido la caída a su plan" reports no statement: it tells what the
      // antecedent did, and the main clause is the article's own.
      const verbEnd = reportingVerbAt(r, v);
      const name = verbEnd >= 0 && statementAfter(r, verbEnd) >= 0 ? nameEndingAt(r, k - 2) : null;
      if (name) {
        found.push({
          named: name,
          refersTo: null,
          form: 'relative',
          clause: null,
          priority: 3,
          at: v,
        });
      }
    }
    // "un informe de Cristosal", "datos de la Policía Nacional Civil"
    if (SOURCE_NOUNS.has(r.low(k)) && OF.has(r.low(k + 1))) {
      const at = ARTICLES.has(r.low(k + 2)) ? k + 3 : k + 2;
      const name = r.nameIn(at, at + 1);
      if (name) {
        found.push({
          named: r.phrase(name.first, name.last),
          refersTo: null,
          form: 'source',
          clause: null,
          priority: 4,
          at: k,
        });
      }
    }
  }
}

function nameEndingAt(r: SentenceReader, last: number) {
  for (let k = last; k >= 0 && k >= last - 6; k--) {
    if (r.isNameRun(k, last)) return r.phrase(k, last);
  }
  return null;
}

// Roles that any official may be called once named: "agregó el funcionario".
const ANY_OFFICIAL = new Set(['funcionario', 'funcionaria', 'titular']);
/**
 * The role a bare role candidate ("el presidente", "la ministra") holds the referent to: none
 * for a role any official may be called once named, "agregó el funcionario".
 */
function roleOf(named: string): string | null {
  return ANY_OFFICIAL.has(named.split(/\s+/).at(-1)!.toLowerCase()) ? null : named;
}

/**
 * A person the article gives by role alone, who spoke as such ("el presidente respondió que
 * …" in an article that never names him): '«…», dijo.' and "El mandatario anunció …" after it
 * are his, not the last person named before him.
 */
function isUnnamedHolder(speaker: string): boolean {
  const [article, role] = speaker.toLowerCase().split(/\s+/);
  return (article === 'el' || article === 'la') && ROLE_WORDS.has(role ?? '');
}

/**
 * The attribution of one Spanish sentence, given the earlier ones (`memory` is updated in
 * place so that later sentences can refer back). `names` are the sentence's name runs.
 */
export function findSpanishAttribution(
  text: string,
  tokens: Token[],
  span: SentenceSpan,
  sentenceIndex: number,
  memory: AttributionMemory,
  names: NameRun[],
): AttributionFound | null {
  const ws = spanishWords(tokens, span.first, span.last);
  if (ws.length === 0) return null;
  const r = new SentenceReader(text, ws, names);
  const found: Candidate[] = [];
  accordingTo(r, found);
  reportingClauses(r, found);
  relativesAndSources(r, found);
  found.sort((a, b) => a.priority - b.priority);
  for (const c of found) {
    let speaker = c.named?.text ?? null;
    let form = c.form;
    if (c.refersTo) {
      // "ella dijo", "agregó la funcionaria", "la portavoz añadió": not a man who spoke last.
      const gender = c.gender ?? (c.named ? memory.genders.of(c.named.text) : undefined);
      // A role refers to a person, and people are named with capitals: "el informe" cannot be
      // what "agregó el funcionario" means; "el ministro" is the one the article called so.
      const role = c.named ? roleOf(c.named.text) : null;
      const isReferent =
        c.refersTo === 'person'
          ? (name: string) =>
              (/^\p{Lu}/u.test(name) || isUnnamedHolder(name)) &&
              (!role || roleFits(text, span.start, name, role))
          : undefined;
      const referent = resolveReferent(
        memory,
        sentenceIndex,
        c.refersTo === 'source',
        c.refersTo === 'person',
        gender,
        isReferent,
      );
      if (referent) {
        speaker = referent;
        if (!c.named) form = 'pronoun';
      }
    }
    if (!speaker) continue;
    // Anchor: where the sentence names the speaker, or the verb when it does not.
    const anchor = c.named ?? { first: c.at, last: c.at };
    const result: AttributionFound = {
      speaker,
      start: ws[anchor.first]!.start,
      end: ws[anchor.last]!.end,
      form,
      clause: c.clause,
    };
    const isSource = c.form === 'source' || c.refersTo === 'source' || !!c.inDocument;
    rememberAttribution(memory, sentenceIndex, result, isSource);
    return result;
  }
  return null;
}
