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
// This file holds the entry point and the reading of "it", "its" and "the judge"; the memory
// that pronouns resolve against is AttributionMemory, the reading of "the company"
// english/organisationReferred, and the grammar that finds the candidates is in english/.
import type { Token } from './analyzeText';
import { rememberAttribution, resolveReferent, type AttributionMemory } from './AttributionMemory';
import { afterDateline } from './english/afterDateline';
import { describedSubject, personDescribed } from './english/describedSubject';
import { organisationReferred } from './english/organisationReferred';
import { BODY_DESCRIPTIONS, PRONOUNS } from './english/attributionWords';
import { candidatesIn, transcriptLine, type Candidate } from './english/candidatesIn';
import { namedDocument } from './english/namedDocument';
import { isSourcePhrase, openingSubject } from './english/nounPhrases';
import { low, type Span } from './english/Span';
import { namesPerson, publicationOf, speakerText, withoutAffiliation } from './english/speakerText';
import { wordsOf } from './english/wordsOf';
import { isPersonTitle, ORG_HEADS, type NameRun } from './findNames';
import { inBrackets } from './inBrackets';
import type { Gender } from './PersonGenders';
import { roleFits } from './roleFits';
import { SOURCE_NOUNS } from './sourceNouns';
import type { Attribution } from './types';

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

export interface AttributionFound extends Attribution {
  /** The reporting clause to drop for the short claim, at the head or the tail. */
  clause: { start: number; end: number; at: 'head' | 'tail' } | null;
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
