// What the sentences before a sentence tell of who "he", "she", "the report" or "the company"
// is: the attributions and names of the body so far, the article's people and its descriptions.
// Filled by the English path (findAttribution) and the Spanish one (findSpanishAttribution),
// which share the resolution of a pronoun or a bare role (resolveReferent).
import type { DescribedSubject } from './english/describedSubject';
import type { NameRun } from './findNames';
import type { Gender, PersonGenders } from './PersonGenders';
import type { Attribution } from './types';

/** How far back "he" or "the report" may look for what it refers to. */
export const LOOKBACK_SENTENCES = 4;

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
export function recentSpeaker(
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
