import type { Token } from '../analyzeText';
import { ENGLISH_GENDER_WORDS } from '../englishGenders';
import { isPersonTitle } from '../findNames';
import type { Gender } from '../PersonGenders';
import { openingSubject } from './nounPhrases';
import { low } from './Span';

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
export function describedSubject(ws: Token[], sentence: number): DescribedSubject | null {
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
export function personDescribed(
  subject: DescribedSubject,
  gender: Gender | undefined,
): string | null {
  return gender && subject.gender && gender !== subject.gender ? null : subject.text;
}
