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
// previous attribution within a few sentences; unresolved, they give no speaker, except a
// study, survey, poll, report or analysis that finds or says ("…, the study found."), which is
// the source as written, or under the name the article gave it earlier.
// This file holds the entry point, the memory that pronouns resolve against and the reading
// of "the company" or "it"; the grammar that finds the candidates is in english/.
import type { Token } from './analyzeText';
import { BODY_DESCRIPTIONS, PRONOUNS } from './english/attributionWords';
import { ENGLISH_GENDER_WORDS } from './englishGenders';
import { candidatesIn, transcriptLine, type Candidate } from './english/candidatesIn';
import { namedDocument } from './english/namedDocument';
import { isSourcePhrase, openingSubject } from './english/nounPhrases';
import { low, type Span } from './english/Span';
import { namesPerson, publicationOf, speakerText, withoutAffiliation } from './english/speakerText';
import { wordsOf } from './english/wordsOf';
import { isPersonTitle, ORG_HEADS, type NameRun } from './findNames';
import { inBrackets } from './inBrackets';
import type { Gender, PersonGenders } from './PersonGenders';
import { roleFits } from './roleFits';
import { SOURCE_NOUNS } from './sourceNouns';
import type { Attribution } from './types';
import { WIRE_DATELINE } from './wireDateline';

const PRONOUN_GENDER: Record<string, Gender> = { he: 'male', she: 'female' };
// "Others said …", "Some argued …": a subject that names nobody gives no speaker.
const NOBODY_IN_PARTICULAR = new Set(
  'others some many most few both all several everyone everybody someone somebody nobody none'.split(
    ' ',
  ),
);

// Documents that find things of their own, whose findings are theirs as the sentence gives them
// ("…, the study found."): not "the figures" or "the data", which show what someone published.
const FINDING_DOCUMENTS = new Set(
  'report reports study studies survey surveys poll polls analysis'.split(' '),
);

/** How far back "he" or "the report" may look for what it refers to. */
const LOOKBACK_SENTENCES = 4;

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
  previous: { sentence: number; names: NameRun[]; owners?: ReadonlySet<number> };
  /** The organisation named last in a previous body sentence: "the agency" may mean it. */
  organization: { sentence: number; name: string } | null;
  /**
   * The body each description last meant, "company" → Harbour Foods, "bank" → Barclays: once
   * the article has called one body "the company", "the company" is no body it called "the bank".
   */
  described: Map<string, { sentence: number; name: string }>;
  /** What the whole article tells of its people's genders: "she" is not a man it names. */
  genders: PersonGenders;
  /**
   * Speakers known to be people: a name the article types as a person's, or whom "he", "she"
   * or a title referred to. "It" never means one ("It also said …" after the chief executive
   * spoke); a two-word name of no known kind, "Southwest Airlines", may be a body, so it is none.
   */
  people: Set<string>;
  /**
   * A person the previous body sentence opens with by a description alone, "The defendant
   * took the stand.": whom "He told the jury …" in the next one means (describedSubject).
   */
  describedSubject?: DescribedSubject | null;
}

/**
 * The speaker a pronoun or "the report" refers to, or null when nothing near fits. A
 * `personal` pronoun ("he", "she"; "agregó el funcionario") first looks for the person named
 * first in the sentence before; shared with the Spanish path. A pronoun or role with a
 * `gender` ("she", "ella", "la funcionaria") passes over a person the article shows is of the
 * other ("Police Chief John Smith said his department …. She said …" is not Smith), to the
 * nearest one before who is of that gender or of none the article tells. A bare role ("the
 * judge", "el ministro") takes only a person `isReferent` accepts: one the article gave that role.
 */
export function resolveReferent(
  memory: AttributionMemory,
  sentence: number,
  wantSource: boolean,
  personal: boolean,
  gender?: Gender,
  isReferent: (name: string) => boolean = () => true,
): string | null {
  const fits = (name: string) => {
    if (!isReferent(name)) return false;
    if (!gender) return true;
    const known = memory.genders.of(name);
    return !known || known === gender;
  };
  // "She said Monday…" after "President Claudia Sheinbaum, who took office…": the person
  // named first in the sentence before is the usual antecedent of a subject pronoun. Not an
  // owner: in "Mr Pellow's lawyer, David Stone, questioned him. He told the jury …" the
  // subject is the lawyer.
  const { names, owners } = memory.previous;
  const person =
    memory.previous.sentence === sentence - 1
      ? names.find((n) => n.type === 'person' && !owners?.has(n.start) && fits(n.text))?.text
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

// Kinds of institution whose names say what they are ("Ministry of Finance", "Supreme Court"):
// "the ministry" is a ministry the article named, never the central bank that spoke before it.
const NAMED_KINDS = new Set(
  'ministry department office authority court commission council'.split(' '),
);
// Kinds a name often does not say ("the agency" after "the FDA said"): a name that says no
// kind may be one, a name that says another never ("the Environment Agency" is no bank).
const UNNAMED_KINDS = new Set(['agency', 'bank']);

/** Whether a body named `name` can be what "the `noun`" means. */
function isOfKind(name: string, noun: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  if (words.includes(noun)) return true;
  if (NAMED_KINDS.has(noun)) return false;
  // "the bureau" after "The FBI's … report": an acronym hides its kind, "the Federal Reserve"
  // says another.
  if (noun === 'bureau') return /^\p{Lu}{2,6}$/u.test(name);
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

/**
 * The body among the names of the sentence before that "the `noun`" may mean: one whose name
 * holds the noun ("the ministry", "Agriculture Ministry"), else the organisation, else the
 * name of no known kind, which is what the sentence is about ("JPMorgan Chase raised its
 * forecast … . The bank said …", "Wells Fargo", "Acme Foods"); never a person or a place.
 * AMBIGUOUS when two bodies fit as well (oneBody).
 */
function bodyNamedBefore(
  memory: AttributionMemory,
  sentence: number,
  fits: (name: string) => boolean,
  kind: RegExp,
  known: string | undefined,
): { sentence: number; name: string } | typeof AMBIGUOUS | null {
  if (memory.previous.sentence !== sentence - 1) return null;
  const bodies = memory.previous.names.filter(
    (r) => r.type !== 'person' && r.type !== 'place' && fits(r.text),
  );
  const name = oneBody(bodies, kind, known);
  return name === AMBIGUOUS || name === null ? name : { sentence: sentence - 1, name };
}

const AMBIGUOUS = Symbol('ambiguous');

/**
 * The one body among `bodies` that "the `noun`" means: one whose name holds the noun, else an
 * organisation, else a name of no known kind. Two such bodies are AMBIGUOUS ("Harbour Foods
 * agreed to buy Atlas Dairy … . The company said …" may be either), unless the article already
 * called one of them by this noun (`known`).
 */
function oneBody(
  bodies: NameRun[],
  kind: RegExp,
  known: string | undefined,
): string | typeof AMBIGUOUS | null {
  const ofKind = bodies.filter((r) => kind.test(r.text));
  const organisations = bodies.filter((r) => r.type === 'organization');
  const pool = ofKind.length > 0 ? ofKind : organisations.length > 0 ? organisations : bodies;
  const names = [...new Set(pool.map((r) => r.text))];
  if (names.length <= 1) return names[0] ?? null;
  return known && names.includes(known) ? known : AMBIGUOUS;
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
  text: string,
  ws: Token[],
  np: Span,
  names: NameRun[],
  memory: AttributionMemory,
  sentence: number,
  bracketed: (start: number) => boolean,
): string | null {
  const [the, ...rest] = ws.slice(np.first, np.last + 1);
  const noun = rest.pop();
  // "The Seattle-based company", "the London-listed lender", "the British company": where it
  // is or whose it is tells no other body ("the state environmental agency" may be a new one).
  const where = rest.map((w) => w.value).join('');
  if (
    low(the) !== 'the' ||
    !BODY_DESCRIPTIONS.has(low(noun)) ||
    (rest.length > 0 &&
      (!/^\p{Ll}/u.test(noun!.value) ||
        !/^(\p{Lu}\p{Ll}+|[\p{L}-]+-(based|owned|listed|headquartered|run))$/u.test(where)))
  ) {
    return null;
  }
  const description = low(noun);
  // "The bank said …. The company also announced …": the company the article called so before,
  // not the bank that spoke last. A body the article has called by another noun is not what
  // this one means once this noun has been used for a body (a first "the lender" after "the
  // bank" may still be the bank).
  const before = memory.described.get(description);
  const otherwise = new Set([...memory.described.values()].map((d) => d.name));
  const fits = (name: string) =>
    isOfKind(name, description) && (!before || name === before.name || !otherwise.has(name));
  const referred = (name: string | null) => {
    if (name) memory.described.set(description, { sentence, name });
    return name;
  };
  // A name in a wire dateline, "LONDON (Reuters) -", is not one the sentence gives.
  const from = afterDateline(text, ws)[0]?.start ?? ws[0]!.start;
  const inSentence = names.filter(
    (r) =>
      r.start >= from &&
      r.end <= the!.start &&
      r.type !== 'person' &&
      r.type !== 'place' &&
      !bracketed(r.start) &&
      fits(r.text),
  );
  const kind = new RegExp(`\\b${low(noun)}\\b`, 'i');
  // A one-word name that opens the sentence is no second body beside another: in "Profits at
  // Unilever rose 5%, the company said", "Profits" has its capital from its place.
  const opener = (r: NameRun) =>
    r.start === from && r.type === 'name' && !/\s/.test(r.text) && !/.\p{Lu}/u.test(r.text);
  const inSentenceBody = oneBody(
    inSentence.length > 1 ? inSentence.filter((r) => !opener(r)) : inSentence,
    kind,
    before?.name,
  );
  if (inSentenceBody === AMBIGUOUS) return null;
  if (inSentenceBody) return referred(inSentenceBody);
  const organisation = (m: AttributionMemory['recent'][number]) =>
    m.person === false && !m.isSource && fits(m.attribution.speaker);
  const spokeOfKind = recentSpeaker(
    memory,
    sentence,
    (m) => organisation(m) && kind.test(m.attribution.speaker),
  );
  const spoke = recentSpeaker(memory, sentence, organisation);
  const justBefore = bodyNamedBefore(memory, sentence, fits, kind, before?.name);
  // Of two bodies named just before, the one that spoke there: "Harbour Foods said it agreed to
  // buy Atlas Dairy … . The company said …".
  if (justBefore === AMBIGUOUS) {
    const there = recentSpeaker(
      memory,
      sentence,
      (m) =>
        m.sentence === sentence - 1 &&
        !m.isSource &&
        memory.previous.names.some((r) => r.text === m.attribution.speaker && r.type !== 'person'),
    );
    return there ? referred(there.attribution.speaker) : null;
  }
  const named =
    justBefore ??
    (memory.organization && fits(memory.organization.name) ? memory.organization : null);
  if (before) {
    // The body this noun last meant, unless one spoke since, the sentence just before is about
    // one ("Bolt Motors said …. The company said …"), or one named since holds the noun.
    const since = spokeOfKind ?? spoke;
    const newer = named && named.sentence > before.sentence;
    if (newer && (named === justBefore || kind.test(named.name))) return referred(named.name);
    return referred(
      since && since.sentence > before.sentence ? since.attribution.speaker : before.name,
    );
  }
  if (named && sentence - named.sentence <= LOOKBACK_SENTENCES) {
    const namedOfKind = kind.test(named.name);
    if (namedOfKind && (!spokeOfKind || named.sentence > spokeOfKind.sentence)) {
      return referred(named.name);
    }
    if (!spokeOfKind && (!spoke || named.sentence > spoke.sentence)) return referred(named.name);
  }
  return referred((spokeOfKind ?? spoke)?.attribution.speaker ?? null);
}

/**
 * Who "the judge", "the prosecutor" or "the spokesman" is: the person who spoke or was named in
 * the sentences before (resolveReferent) and whom the article gave that title ("Judge Caroline
 * Brandt said …", roleFits), as the Spanish path reads "el ministro". Null when no one near was
 * so called: it stays as written.
 */
function personWithRole(
  text: string,
  ws: Token[],
  np: Span,
  memory: AttributionMemory,
  sentence: number,
): string | null {
  // "the judge", "the foreign minister": "the", then up to two lower-case words and the title.
  const [the, ...words] = ws.slice(np.first, np.last + 1);
  const role = low(words.at(-1));
  if (low(the) !== 'the' || words.length === 0 || words.length > 3) return null;
  if (!words.every((w) => /^\p{Ll}+$/u.test(w.value))) return null;
  if (!isPersonTitle(role) || BODY_DESCRIPTIONS.has(role)) return null;
  const before = ws[0]!.start;
  return resolveReferent(memory, sentence, false, true, undefined, (name) =>
    roleFits(text, before, name, role),
  );
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
 * Whose document "its accounts" or "its latest report" is: a body's, never a person's. The
 * last organisation, or name of no known kind, the sentence names before it ("Vale Buses raised
 * its own fares …, its accounts show" → Vale Buses), else the organisation the sentence before
 * names last. Null for "its" before anything but a document ("its
 * spokesman said" stays as written), or with no body near.
 */
function documentOwner(
  ws: Token[],
  np: Span,
  names: NameRun[],
  memory: AttributionMemory,
  sentence: number,
): string | null {
  if (np.last === np.first || !SOURCE_NOUNS.has(low(ws[np.last]))) return null;
  const before = names.findLast(
    (n) => n.end <= ws[np.first]!.start && (n.type === 'organization' || n.type === 'name'),
  );
  if (before) return before.text;
  // Further back, "its" may mean a body named since in other words ("the company").
  const last = memory.organization;
  return last && sentence - last.sentence <= 1 ? last.name : null;
}

// Nouns for a person that are no title before a name: what a court report, a match report or
// a story about ordinary people calls someone it has not named in the sentence.
const PERSON_NOUNS = new Set(
  (
    'defendant accused witness victim suspect claimant plaintiff complainant applicant ' +
    'patient student pupil teacher nurse doctor surgeon driver pilot passenger lawyer ' +
    'barrister solicitor coroner manager coach player striker goalkeeper defender ' +
    'midfielder captain agent owner resident farmer worker official employee teenager'
  ).split(' '),
);

export interface DescribedSubject {
  sentence: number;
  /** The phrase as the sentence writes it: "The defendant". */
  text: string;
  /** Its head noun: "defendant". */
  role: string;
  gender?: Gender;
}

/**
 * A person the sentence opens with by a description and no name, "The defendant took the
 * stand on Tuesday.", "A young witness broke down": "the", "a" or "an", lower-case words and a
 * noun for a person (a title, a gendered role or PERSON_NOUNS). Null for any other subject.
 */
function describedSubject(ws: Token[], sentence: number): DescribedSubject | null {
  if (!/^(the|a|an)$/i.test(ws[0]!.value)) return null;
  const np = openingSubject(ws);
  if (!np) return null;
  // "The spokeswoman for the union": the head is the word before the preposition.
  const of = ws.findIndex((w, k) => k > 0 && k <= np.last && w.pos === 'ADP');
  const head = of > 0 ? of - 1 : np.last;
  const words = ws.slice(1, head + 1);
  const lower = (w: Token) =>
    /^\p{Ll}[\p{Ll}-]*$/u.test(w.value) && ['NOUN', 'ADJ'].includes(w.pos);
  if (words.length === 0 || words.length > 3 || !words.every(lower)) return null;
  const role = low(ws[head]);
  const gender = ENGLISH_GENDER_WORDS.roles.get(role);
  if (!isPersonTitle(role) && !gender && !PERSON_NOUNS.has(role)) return null;
  const text = ws
    .slice(0, np.last + 1)
    .map((w) => w.value)
    .join(' ');
  return { sentence, text, role, gender };
}

/**
 * Whom "he" or "she" means after a sentence that opens with a person by description alone:
 * "The defendant took the stand. He told the jury …" is the defendant, not the prosecutor who
 * spoke before, and the card says so as the article does, "The defendant". Not a person named
 * earlier whom the role may fit: "The prosecutor, Amanda Reeve, said the defendant, Mark
 * Pellow, …" has "defendant" as near the prosecutor's name as his. Null when the pronoun's
 * gender is not the description's ("The spokeswoman … . He said …").
 */
function personDescribed(subject: DescribedSubject, gender: Gender | undefined): string | null {
  return gender && subject.gender && gender !== subject.gender ? null : subject.text;
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
  const previousSubject = memory.describedSubject;
  memory.describedSubject = describedSubject(ws, sentenceIndex);
  // Read as far as the names asked about, once for all the sentence's candidates.
  const bracketed = inBrackets(text, ws[0]!.start);
  let unnamedDocument: Candidate | undefined;
  const candidates = [...candidatesIn(ws), ...transcriptLine(ws, names)]
    .sort((a, b) => a.priority - b.priority)
    .map((c) => {
      const np = withoutAffiliation(ws, c.np, names);
      return { ...c, np: publicationOf(ws, np, names) ?? np };
    });
  for (const [ci, c] of candidates.entries()) {
    const npTokens = ws.slice(c.np.first, c.np.last + 1);
    if (npTokens.length === 1 && NOBODY_IN_PARTICULAR.has(low(npTokens[0]))) continue;
    if (c.form === 'source' && c.np.first === 0 && c.np.last === 0 && !isPublisher(ws[0]!, names)) {
      continue;
    }
    const pronoun = npTokens.length === 1 && PRONOUNS.has(low(npTokens[0]));
    const anaphor = isSourcePhrase(ws, c.np);
    const word = low(npTokens[0]);
    const personal = pronoun && (word === 'he' || word === 'she');
    const gender = personal ? PRONOUN_GENDER[word] : undefined;
    let result: AttributionFound;
    let held: string | null = null;
    const itsOwn = word === 'it' && pronoun ? bodyOpening(ws, names) : null;
    const owner = word === 'its' ? documentOwner(ws, c.np, names, memory, sentenceIndex) : null;
    if (owner) {
      const np = ws[c.np.first]!;
      result = {
        speaker: owner,
        start: np.start,
        end: ws[c.np.last]!.end,
        form: c.form,
        clause: c.clause,
      };
    } else if (itsOwn) {
      // "The company's revenue grew 12%, it said in a filing.": the company, not whoever spoke
      // in the sentences before.
      const { speaker, start } = speakerText(text, ws, itsOwn);
      result = { speaker, start, end: ws[itsOwn.last]!.end, form: c.form, clause: c.clause };
    } else if (pronoun || anaphor) {
      // "It also said …" after the chief executive spoke is the company, never her: "it" means
      // no one the article gives as a person.
      const described =
        personal && previousSubject?.sentence === sentenceIndex - 1
          ? personDescribed(previousSubject, gender)
          : null;
      const referent =
        (personal ? subjectPerson(ws, names, c.np.first, memory, gender) : null) ??
        described ??
        resolveReferent(
          memory,
          sentenceIndex,
          anaphor,
          personal,
          gender,
          word === 'it' && pronoun ? (name) => !memory.people.has(name) : undefined,
        );
      if (!referent) {
        // "…, the study found.": a document that finds or says is the source the sentence
        // gives, when no publisher was named near (found with none before). Only once every
        // other candidate has failed: "The report, published by Amnesty International, found
        // …" is Amnesty's. "According to the report" alone stays the article's own.
        const finds = FINDING_DOCUMENTS.has(low(npTokens.at(-1)));
        if (finds && !pronoun && c.form !== 'according_to' && c.form !== 'source') {
          unnamedDocument ??= c;
        }
        continue;
      }
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
      held = personWithRole(text, ws, c.np, memory, sentenceIndex);
      const body = held
        ? null
        : organisationReferred(text, ws, c.np, names, memory, sentenceIndex, bracketed);
      result = {
        speaker: held ?? body ?? speaker,
        start,
        end: ws[c.np.last]!.end,
        form: c.form,
        clause: c.clause,
      };
    }
    const person =
      itsOwn || owner
        ? false
        : personal || !!held || (pronoun || anaphor ? undefined : namesPerson(ws, c.np, names));
    if (
      personal ||
      held ||
      (person && names.some((r) => r.type === 'person' && result.speaker.includes(r.text)))
    ) {
      memory.people.add(result.speaker);
    }
    if (c.aside) {
      rememberAttribution(memory, sentenceIndex, result, true, person);
      continue;
    }
    if (!person)
      rememberPersonSpeaking(text, ws, candidates.slice(ci + 1), names, memory, sentenceIndex);
    rememberAttribution(memory, sentenceIndex, result, c.form === 'source' || anaphor, person);
    // "…, according to an analysis by the Campaign for Better Transport. The analysis found
    // …": the publisher is also what "the analysis" means, as a source named alone would be.
    if (c.publishes) rememberAttribution(memory, sentenceIndex, result, true, person);
    return result;
  }
  return unnamedDocument ? documentAsSource(text, ws, unnamedDocument) : null;
}

/**
 * "…, the study found." with no publisher near: the name the article gave the study earlier
 * ("the Whitehall II study"), else the phrase as written, "the study". Not remembered: a later
 * "the survey" is not this study, nor "she" it.
 */
function documentAsSource(text: string, ws: Token[], c: Candidate): AttributionFound {
  const written = speakerText(text, ws, c.np);
  const named = namedDocument(text, ws[0]!.start, low(ws[c.np.last]));
  const result = {
    speaker: named ?? written.speaker,
    start: written.start,
    end: ws[c.np.last]!.end,
    form: c.form,
    clause: c.clause,
  };
  return result;
}

/**
 * "Professor Leon Adebayo of Westbrook University, who led the study, told a briefing … .
 * "The numbers …," he said.", one sentence: its "he" is the person its subject names, before
 * any verb and before the pronoun at `before`, not whoever spoke in the sentences before.
 */
function subjectPerson(
  ws: Token[],
  names: NameRun[],
  before: number,
  memory: AttributionMemory,
  gender: Gender | undefined,
): string | null {
  const verb = ws.findIndex((w) => w.pos === 'VERB' || w.pos === 'AUX');
  const end = ws[verb >= 0 ? Math.min(verb, before) : before]!.start;
  const first = names.find((n) => n.start >= ws[0]!.start);
  if (!first || first.type !== 'person' || first.end > end) return null;
  const known = gender ? memory.genders.of(first.text) : undefined;
  return !known || known === gender ? first.text : null;
}

/**
 * Whether the word that opens the sentence before a document publishes it. That word has its
 * capital from its place ("Exit polls conducted by …", as "Official figures show …"), so it is
 * a publisher only as a kind of body, "Police data show …", or as a name findNames knows (by a
 * capital inside it, an acronym, a possessive or the article's other uses of it).
 */
function isPublisher(word: Token, names: NameRun[]): boolean {
  return ORG_HEADS.has(low(word)) || names.some((r) => r.start <= word.start && r.end >= word.end);
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
