// The English cues to a person's gender (`PersonGenders`): titles and gendered roles beside a
// name, and the pronoun the article uses right after naming the person, in two forms where the
// pronoun can only be theirs: the subject's own reporting verb ("Smith said his department
// …", "Lopez told reporters she …") and a relative clause on the name ("Lopez, who took
// office in May, said her budget …", "Lopez, who said she …"). An object pronoun ("Smith
// praised her") is someone else, and another name between ("Smith told Lopez she …") ends
// the search.
import type { Analysis, Token } from './analyzeText';
import { bisect } from './bisect';
import { REPORTING_LEMMAS } from './english/attributionWords';
import { low } from './english/Span';
import type { NameRun } from './findNames';
import { isHonorific } from './isHonorific';
import { PersonGenders, type Gender, type GenderWords } from './PersonGenders';
import type { SentenceSpan } from './segmentSentences';
import { genderedWords as gendered, wordList as words } from './genderedWords';

export const ENGLISH_GENDER_WORDS: GenderWords = {
  roles: gendered(
    `mrs mrs. ms ms. miss madam lady dame spokeswoman chairwoman congresswoman councilwoman
     alderwoman assemblywoman businesswoman stateswoman anchorwoman policewoman sportswoman
     saleswoman forewoman frontwoman servicewoman actress waitress hostess heiress duchess
     countess empress princess queen baroness headmistress nun abbess mother grandmother
     stepmother mom mum wife widow daughter granddaughter stepdaughter sister aunt niece
     girlfriend fiancée bride woman girl`,
    `mr mr. messrs messrs. sir lord spokesman chairman congressman councilman alderman
     assemblyman businessman statesman anchorman policeman sportsman salesman foreman frontman
     serviceman duke emperor prince king baron headmaster monk father grandfather stepfather
     dad husband widower son grandson stepson brother uncle nephew boyfriend fiancé groom man
     boy`,
  ),
  neutralRoles: new Set(),
  articles: new Map(),
  determiners: new Set(words('the a an his her its their our this that')),
  modifiers: new Set(),
  prepositions: new Set(words('of for to at with from by in on about')),
  clauses: new Set(words('who whose whom which that')),
  exPrefix: false,
};

const PRONOUNS = gendered('she herself hers', 'he his himself');
// Words that may stand between the reporting verb and the pronoun: "said that his", "told
// reporters on Monday she". A singular noun may be the pronoun's antecedent, a plural one not.
const BETWEEN = new Set(words('that on monday tuesday wednesday thursday friday saturday sunday'));
/** How many words the pronoun may be from the reporting verb. */
const VERB_REACH = 4;
/** How long a relative clause or an aside between commas may be. */
const ASIDE_REACH = 15;

/** "his", "she", "herself", and "her" before the noun it qualifies ("her office"). */
function pronounGender(ws: Token[], k: number): Gender | undefined {
  const word = low(ws[k]);
  if (word === 'her') {
    return ['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(ws[k + 1]?.pos ?? '') ? 'female' : undefined;
  }
  return PRONOUNS.get(word);
}

const isPlural = (t: Token) => t.pos === 'NOUN' && t.lemma.toLowerCase() !== low(t);

/** The sentence's words without whitespace, a title glued to its full stop ("Mrs", "."). */
function cueWords(tokens: Token[], span: SentenceSpan): Token[] {
  const ws: Token[] = [];
  for (let k = span.first; k <= span.last; k++) {
    const t = tokens[k]!;
    if (t.pos === 'SPACE' || t.value.trim() === '') continue;
    const dot = tokens[k + 1];
    if (isHonorific(t.value) && dot?.value === '.' && dot.start === t.end && k < span.last) {
      ws.push({ ...t, value: `${t.value}.`, end: dot.end });
      k++;
    } else ws.push(t);
  }
  return ws;
}

/**
 * The pronoun after the name whose last word is `last`, where it can only be the person's;
 * `named` marks the words of the sentence's people.
 */
function pronounAfter(ws: Token[], last: number, named: boolean[]): Gender | undefined {
  let k = last + 1;
  if (ws[k]?.value === ',') {
    let close = k + 1;
    while (close < ws.length && ws[close]!.value !== ',') close++;
    if (close === ws.length) close = -1;
    const end = close < 0 || close - k > ASIDE_REACH ? -1 : close;
    if (low(ws[k + 1]) === 'who') {
      for (let j = k + 2; j < (close < 0 ? ws.length : close); j++) {
        if (named[j] || /^["“”]$/.test(ws[j]!.value) || low(ws[j]) === 'him') return undefined;
        const gender = pronounGender(ws, j);
        if (gender) return gender;
        if (low(ws[j]) === 'her') return undefined; // an object: someone else
      }
    } else if (end < 0 || ws.slice(k, end).some((w) => w.pos === 'VERB')) return undefined;
    if (end < 0) return undefined;
    k = end + 1;
  }
  if (ws[k]?.pos === 'ADV') k++; // "Smith also said"
  const verb = ws[k];
  if (!verb || verb.pos !== 'VERB' || !REPORTING_LEMMAS.has(verb.lemma.toLowerCase()))
    return undefined;
  for (let j = k + 1; j <= k + VERB_REACH && j < ws.length; j++) {
    const gender = pronounGender(ws, j);
    if (gender) return gender;
    if (named[j] || !(BETWEEN.has(low(ws[j])) || isPlural(ws[j]!))) return undefined;
  }
  return undefined;
}

/** The genders the article's cues give its people. */
export function englishGenders(
  analysis: Analysis,
  body: SentenceSpan[],
  names: NameRun[][],
): PersonGenders {
  const genders = new PersonGenders(ENGLISH_GENDER_WORDS);
  body.forEach((span, si) => {
    const ws = cueWords(analysis.tokens, span);
    const people = names[si]!.filter((r) => r.type === 'person' || r.type === 'name');
    genders.readSentence(ws, people);
    if (!ws.some((w) => PRONOUNS.has(low(w)) || low(w) === 'her')) return;
    // A run's words are those from the first that starts in it to the last that ends in it:
    // found by bisection, as a sentence may hold thousands of names.
    const lasts = people.map((run) => bisect(ws.length, (k) => ws[k]!.end > run.end) - 1);
    const named = ws.map(() => false);
    people.forEach((run, i) => {
      for (let k = bisect(ws.length, (k) => ws[k]!.start >= run.start); k <= lasts[i]!; k++)
        named[k] = true;
    });
    people.forEach((run, i) => {
      const gender = lasts[i]! >= 0 ? pronounAfter(ws, lasts[i]!, named) : undefined;
      if (gender) genders.note(run.text, gender);
    });
  });
  return genders;
}
