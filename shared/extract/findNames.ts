// Named entities from wink-nlp's part-of-speech tags. The lite model's entity recogniser
// covers dates, numbers and amounts but not names, so names are runs of proper nouns
// ("US Treasury Department", "La Prensa Gráfica", and a capitalised word wink mistags beside
// them: "Paul Grant", "Will Hurd"), typed by cues gathered over the whole
// article: titles before a name, appositives after it, a surname reused alone, organisation
// head words, and place prepositions.
import type { Analysis, Token } from './analyzeText';
import type { SentenceSpan } from './segmentSentences';
import type { EntityType } from './types';
import { isHonorific, HONORIFICS } from './isHonorific';
import { isPostNominal } from './isPostNominal';
import { NameCues, type Cues } from './NameCues';
import { NAME_PARTICLES } from './nameParticles';
import { isNewsAgency } from './newsAgencies';
import { SOURCE_NOUNS } from './sourceNouns';
import { BODY_DESCRIPTIONS, REPORTING_LEMMAS } from './english/attributionWords';
import { isPossessiveBody, joinsPossessive, POSSESSIVE } from './possessiveName';

export interface NameRun {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

const PERSON_TITLES = new Set([
  ...(
    'president vice-president minister senator judge director pope king queen prince professor ' +
    'princess governor mayor congressman congresswoman general chief ' +
    'commissioner secretary prosecutor attorney ambassador chancellor premier sheikh bishop ' +
    'cardinal father sister ceo chairman chairwoman chair spokesman spokeswoman spokesperson ' +
    'deputy lawmaker legislator leader commander officer inspector detective superintendent ' +
    'councillor councilor councilman councilwoman councilmember alderman alderwoman sheriff ' +
    'executive candidate nominee mp mep msp recorder magistrate sir dame'
  ).split(' '),
  ...HONORIFICS.flatMap((h) => [h.toLowerCase(), `${h.toLowerCase()}.`]),
]);

/**
 * A person's title, also as a former or future one: "Mayor", "chief", "Ex-minister",
 * "President-elect".
 */
export function isPersonTitle(word: string): boolean {
  const lower = word.toLowerCase();
  return PERSON_TITLES.has(lower.replace(/^ex-/, '').replace(/-elect$/, ''));
}

/**
 * Whether `word` is a title before the name that `next` opens: a person's title, or a judge's
 * "Justice" ("Lord Justice Anne Holt", "Mr Justice Lane", "Chief Justice John Roberts"),
 * which is a ministry's word before a body's head word ("Justice Department") and after "of"
 * ("Ministry of Justice", where no name follows it).
 */
export function isTitleBefore(word: string, next: string | undefined): boolean {
  if (isPersonTitle(word)) return true;
  return (
    word === 'Justice' &&
    next !== undefined &&
    /^\p{Lu}/u.test(next) &&
    !ORG_HEADS.has(next.toLowerCase())
  );
}

export const ORG_HEADS = new Set(
  (
    'department ministry agency office court council commission committee party bank group ' +
    'company corporation corp corp. inc inc. ltd ltd. llc university institute association union ' +
    'police army navy force forces congress assembly senate parliament foundation fund ' +
    'organization organisation service bureau authority board network times post press news ' +
    'tribune journal gazette herald cartel church school hospital federation coalition alliance ' +
    'movement secretariat treasury government administration nations ministerio policía'
  ).split(' '),
);

export const PLACE_ACRONYMS: ReadonlySet<string> = new Set([
  'US',
  'U.S.',
  'UK',
  'U.K.',
  'USA',
  'UAE',
  'DRC',
]);
const PLACE_PREPOSITIONS = new Set([
  'in',
  'across',
  'throughout',
  'near',
  'inside',
  'outside',
  'from',
]);
// Month and day names, whole or abbreviated: "Mark", "Maria", "Janet" or "Marsh" are not.
const CALENDAR =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$|^(mon|tues|wednes|thurs|fri|satur|sun)day$/i;
// wink tags a first name or surname that is also a word by that word: "Will/AUX Hurd",
// "Grant/VERB Shapps", "Lena Park/NOUN", "Paul Grant/VERB". Capitalised in mid-sentence and
// next to a proper noun, such a word is part of the name.
const NAME_LIKE_TAGS = new Set(['NOUN', 'VERB', 'AUX', 'ADJ']);
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
// "Including", "Citing", "Asked", "Backed": a participle, not a first name ("Ted", "Fred").
const PARTICIPLE = /^(\p{L}{2,}ing|\p{L}{3,}ed)$/u;
// A word with a capital inside is a name, wherever it stands: "BlackRock", "JPMorgan",
// "McKinsey"; a plural acronym, "NGOs", is none.
const INNER_CAPITAL = /^\p{Lu}(\p{Ll}+\p{Lu}|\p{Lu}+\p{Ll}{2})/u;

type Span = { first: number; last: number };

// Adjectives that stand before a publication's name and are capitalised by their place
// ("Previous El Faro reporting", "Recent Reuters analysis") or tagged a proper noun beside it
// ("a new El Faro investigation"): no part of the name.
const BEFORE_NAME =
  /^(previous|recent|earlier|latest|prior|separate|subsequent|further|additional)$/i;
// The names that "New" opens, whose second word is enough to know them by: "New York Times",
// "New Jersey Transit", "New Zealand First", "New Yorker", "New Statesman".
const NEW_NAMES =
  /^(York|Yorker|Jersey|Mexico|Zealand|Delhi|Orleans|Hampshire|England|Brunswick|Haven|Caledonia|Guinea|South|Hebrides|Republic|Statesman|Scientist|Democratic|Democracy|Labour|Age|World)$/;

/** The index of the first word after `k`, past whitespace tokens. */
function nextWord(tokens: Token[], k: number): number {
  let j = k + 1;
  while (j < tokens.length && tokens[j]!.value.trim() === '') j++;
  return j;
}

/**
 * Whether the word at `k` describes the name after it rather than belonging to it. "New"
 * in lower case always does; with its capital, only where the capital is the sentence's
 * (`opening`) and the name after it is the publisher of a document, "New El Faro reporting
 * shows …", "New Census Bureau data show …": "New Balance said …" and "New York Times
 * reporting" keep it, one for the verb after it and the other for the name it opens.
 */
export function describesName(tokens: Token[], k: number, opening: boolean): boolean {
  const word = tokens[k]!.value;
  if (BEFORE_NAME.test(word) || word === 'new') return true;
  if (word !== 'New' || !opening) return false;
  let j = nextWord(tokens, k);
  if (NEW_NAMES.test(tokens[j]?.value ?? '')) return false;
  while (j < tokens.length && /^\p{Lu}/u.test(tokens[j]!.value)) j = nextWord(tokens, j);
  return j > nextWord(tokens, k) && SOURCE_NOUNS.has(tokens[j]?.value.toLowerCase() ?? '');
}

/**
 * A name run; `titled` when a title stood before it in the same run of capitals, `person` when
 * the article shows otherwise that it names a person (personBeforeOf).
 */
type Run = Span & { titled?: boolean; person?: boolean };

// Tags of the words an acronym can spell that wink's lexicon reads as those words, and the
// "who" it tags a noun: "the WHO" is the World Health Organization, not a relative pronoun.
const FUNCTION_TAGS = new Set(['PRON', 'DET', 'ADP', 'SCONJ', 'CCONJ', 'AUX', 'PART']);
const WH_WORD = /^(who|whom|whose|which|what)$/;
const ALL_CAPITALS = /^\p{Lu}{2,6}$/u;

/**
 * Whether the word at `k` is an acronym that wink read as the English word it spells: "WHO",
 * "IT". Only where the sentence has lower-case words, so a headline in capitals keeps its
 * "WHO" and "IT" as words.
 */
function isAcronymReadAsWord(tokens: Token[], k: number, span: SentenceSpan): boolean {
  const t = tokens[k]!;
  if (!ALL_CAPITALS.test(t.value)) return false;
  if (!FUNCTION_TAGS.has(t.pos) && !WH_WORD.test(t.value.toLowerCase())) return false;
  for (let j = span.first; j <= span.last; j++) if (/\p{Ll}/u.test(tokens[j]!.value)) return true;
  return false;
}

const BODY_PARTICLE = /^(for|on)$/;
const isOrgHead = (t: Token) => ORG_HEADS.has(t.value.toLowerCase());

function runsInSentence(tokens: Token[], span: SentenceSpan, inEntity: Uint8Array): Run[] {
  const runs: Run[] = [];
  let i = span.first;
  const isProper = (k: number) =>
    k >= span.first &&
    k <= span.last &&
    (tokens[k]!.pos === 'PROPN' || isAcronymReadAsWord(tokens, k, span)) &&
    !inEntity[k] &&
    !CALENDAR.test(tokens[k]!.value);
  // "Theresa May" keeps her surname; "May 2024" is a date, "Yellen Tuesday said" a day.
  const inNameAfterProper = (k: number) =>
    tokens[k]!.pos === 'PROPN' &&
    !inEntity[k] &&
    !/day$/i.test(tokens[k]!.value) &&
    isProper(k - 1) &&
    !/^\d/.test(tokens[k + 1]?.value ?? '');
  const wordInName = (k: number) =>
    NAME_LIKE_TAGS.has(tokens[k]!.pos) &&
    CAPITALISED_WORD.test(tokens[k]!.value) &&
    k > span.first &&
    !/^["“'‘([—–:-]$/.test(tokens[k - 1]!.value) &&
    (isProper(k - 1) || isProper(k + 1));
  // "Britain's largest union, Unite, said": a capitalised word wink reads as a verb or a noun,
  // alone between commas after a lower-case description, is the name set beside it.
  const appositiveWord = (k: number) =>
    NAME_LIKE_TAGS.has(tokens[k]!.pos) &&
    CAPITALISED_WORD.test(tokens[k]!.value) &&
    k - 2 >= span.first &&
    tokens[k - 1]!.value === ',' &&
    tokens[k + 1]?.value === ',' &&
    tokens[k - 2]!.pos === 'NOUN' &&
    /^\p{Ll}+$/u.test(tokens[k - 2]!.value);
  // "Guy's Hospital": wink tags the body's head word after the possessive a noun, which alone
  // would leave "Guy" a name of its own (a person's chip); joinPossessives makes them one.
  const possessiveHead = (k: number) =>
    NAME_LIKE_TAGS.has(tokens[k]!.pos) &&
    CAPITALISED_WORD.test(tokens[k]!.value) &&
    k - 2 >= span.first &&
    POSSESSIVE.test(tokens[k - 1]!.value) &&
    isProper(k - 2) &&
    joinsPossessive([tokens[k]!.value]);
  const isName = (k: number) =>
    isProper(k) || inNameAfterProper(k) || wordInName(k) || appositiveWord(k) || possessiveHead(k);
  while (i <= span.last) {
    if (!isName(i)) {
      i++;
      continue;
    }
    let last = i;
    let k = i + 1;
    /** Where the run ended before it last went on across particles. */
    let beforeParticles = -1;
    for (;;) {
      // One or two particles before the next word of the name: "Bank of America", "Nayib
      // Ernesto Ruiz de la Cruz", "María de los Ángeles".
      let j = k;
      while (j <= span.last && j - k < 2 && NAME_PARTICLES.has(tokens[j]!.value.toLowerCase())) j++;
      // "for" and "on" after a body's head word: "Joint Council for Qualifications", "Council
      // on Foreign Relations" (not the council and a name of its own, which "the council" would
      // then mean).
      if (j === k && BODY_PARTICLE.test(tokens[k]?.value ?? '') && isOrgHead(tokens[last]!)) j++;
      if (j > k && j <= span.last && isName(j)) {
        beforeParticles = last;
        k = j;
      }
      if (k <= span.last && isName(k)) {
        last = k;
        k++;
      } else break;
    }
    // "Amanda Reeve KC" is Amanda Reeve, and "KC" no name of its own after her (an acronym
    // would be read as an organisation's, and "Prosecutor Amanda Reeve KC said" as its words).
    const withLetters = last;
    while (last > i && isPostNominal(tokens[last]!.value)) last--;
    const afterLetters = last < withLetters ? { last, next: withLetters + 1 } : null;
    // A title after the particles ends no name ("Professor James Morton of King's College
    // London": "King" owns the next name): the name is the words before them.
    if (beforeParticles >= 0 && isPersonTitle(tokens[last]!.value)) last = beforeParticles;
    // Titles are cues, not part of the name: "President Nayib Bukele" → "Nayib Bukele",
    // "Security Secretary Omar García Harfuch" → "Omar García Harfuch".
    let first = i;
    let titled = false;
    for (let k = last - 1; k >= i; k--) {
      if (isTitleBefore(tokens[k]!.value, tokens[k + 1]?.value)) {
        first = k + 1;
        titled = true;
        break;
      }
    }
    if (titled && titleComplementBefore(tokens, first, last)) first = last - 1;
    while (first < last && describesName(tokens, first, first === span.first)) first++;
    if (!isPersonTitle(tokens[last]!.value)) {
      runs.push(...withoutAffiliation(tokens, first, last).map((r) => ({ ...r, titled })));
    }
    i = afterLetters?.last === last ? afterLetters.next : last + 1;
  }
  return joinPossessives(tokens, span, runs);
}

/**
 * Runs joined across a possessive that belongs to the name (joinsPossessive): "Alzheimer" and
 * "Research UK" are "Alzheimer's Research UK", and "King's College London" gets back the "King"
 * that was read as a title and left out. The owner's words are the proper nouns right before
 * the possessive; "Apple's Tim Cook" stays two names.
 */
function joinPossessives(tokens: Token[], span: SentenceSpan, runs: Run[]): Run[] {
  const joined: Run[] = [];
  for (const r of runs) {
    const possessive = r.first - 1;
    const tail = tokens.slice(r.first, r.last + 1).map((t) => t.value);
    let first = possessive - 1;
    if (
      first < span.first ||
      !POSSESSIVE.test(tokens[possessive]!.value) ||
      tokens[first]!.pos !== 'PROPN' ||
      !joinsPossessive(tail)
    ) {
      joined.push(r);
      continue;
    }
    while (first > span.first && tokens[first - 1]!.pos === 'PROPN') first--;
    while (joined.length > 0 && joined.at(-1)!.last >= first) {
      first = Math.min(first, joined.pop()!.first);
    }
    joined.push({ first, last: r.last });
  }
  return joined;
}

/**
 * Whether the words from `first` are a title's complement and then a person's name: "(Chief)
 * of Staff Jeff Zients", "(Secretary) of State Antony Blinken", "(Minister) of Foreign Affairs
 * Ana Ruiz". Where the complement ends the run does not say; the person is taken to be named
 * by its last two words, as most are, which are neither particles nor an organisation's head.
 */
function titleComplementBefore(tokens: Token[], first: number, last: number): boolean {
  const word = (k: number) => tokens[k]!.value.toLowerCase();
  return (
    NAME_PARTICLES.has(word(first)) &&
    last - 1 >= first + 2 &&
    [last - 1, last].every((k) => !NAME_PARTICLES.has(word(k)) && !ORG_HEADS.has(word(k)))
  );
}

/**
 * "Alan Krueger of Princeton University" is a person and the organisation they speak for, two
 * names: an "of" after two or more words, none an organisation's head, and before a name that
 * ends with one. "Bank of England" and "Museum of Modern Art" stay whole.
 */
function withoutAffiliation(tokens: Token[], first: number, last: number): Span[] {
  if (!ORG_HEADS.has(tokens[last]!.value.toLowerCase())) return [{ first, last }];
  for (let k = first + 2; k < last; k++) {
    if (ORG_HEADS.has(tokens[k - 1]!.value.toLowerCase())) break;
    if (tokens[k]!.value === 'of')
      return [
        { first, last: k - 1 },
        { first: k + 1, last },
      ];
  }
  return [{ first, last }];
}

/**
 * "Maria Gonzalez of Morningstar said": a person and where they work, as "Alan Krueger of
 * Princeton University" is (withoutAffiliation), where the name after "of" says no kind of body.
 * Words before an "of" name no body that way ("Bank of America", "Royal Society of Chemistry",
 * "United States of America" stay whole) unless the article shows they are a person: a title
 * before them, a description or "who" after the run ("…, who tracks the bond market"), their
 * last word, the surname, used alone as a name elsewhere ("Gonzalez added …"), or the same words
 * so shown before another "of" of the article. Split in place.
 */
function splitPersonBeforeOf(
  tokens: Token[],
  perSentence: Run[][],
  sentences: SentenceSpan[],
): void {
  const alone = new Set<string>();
  for (const runs of perSentence) {
    for (const r of runs) if (r.first === r.last) alone.add(tokens[r.first]!.value.toLowerCase());
  }
  const people = new Set<string>();
  const words = (first: number, last: number) =>
    tokens
      .slice(first, last + 1)
      .map((t) => t.value.toLowerCase())
      .join(' ');
  // Twice: the second time a run is split by what the first showed of the same person.
  for (const pass of [1, 2]) {
    for (const [si, runs] of perSentence.entries()) {
      for (let n = runs.length - 1; n >= 0; n--) {
        const r = runs[n]!;
        // "Maria Gonzalez of Morningstar said … . She said …": the sentence's first name is
        // whom the next one's "he" or "she" means, a person ("The Royal Society of Chemistry
        // said … . It said …" is none).
        const pronounAfter = n === 0 && opensWithPersonalPronoun(tokens, sentences[si + 1]);
        const of = personBeforeOf(tokens, r, (of) =>
          pass === 1
            ? pronounAfter || shownPerson(tokens, r, of, alone)
            : people.has(words(r.first, of - 1)),
        );
        if (of < 0) continue;
        people.add(words(r.first, of - 1));
        runs.splice(
          n,
          1,
          { first: r.first, last: of - 1, titled: r.titled, person: true },
          { first: of + 1, last: r.last },
        );
      }
    }
  }
}

/** Whether the sentence opens with "He" or "She", past any quotation mark. */
function opensWithPersonalPronoun(tokens: Token[], sentence: SentenceSpan | undefined): boolean {
  if (!sentence) return false;
  let k = sentence.first;
  while (k < sentence.last && /^["“'‘(]$/.test(tokens[k]!.value)) k++;
  return /^(he|she)$/i.test(tokens[k]!.value);
}

/** Whether the article shows the words of `r` before its "of" are a person's name. */
function shownPerson(tokens: Token[], r: Run, of: number, alone: Set<string>): boolean {
  const after = tokens[r.last + 1]?.value ?? '';
  const after2 = tokens[r.last + 2]?.value.toLowerCase() ?? '';
  const described = after === ',' && ['a', 'an', 'the', 'who', 'whose'].includes(after2);
  return !!r.titled || described || alone.has(tokens[of - 1]!.value.toLowerCase());
}

/**
 * The index of the "of" after two or more words of a name in the run `r` when `isPerson` says
 * they are a person's, or -1 (splitPersonBeforeOf).
 */
function personBeforeOf(tokens: Token[], r: Run, isPerson: (of: number) => boolean): number {
  let of = -1;
  for (let k = r.first + 1; k < r.last; k++) {
    const word = tokens[k]!.value.toLowerCase();
    if (word === 'of') {
      of = k;
      break;
    }
    if (ORG_HEADS.has(word) || NAME_PARTICLES.has(word)) return -1;
  }
  // Two words at least before it, first name and surname; one is a kind or a title, "Bank of".
  if (of < 0 || of - r.first < 2 || ORG_HEADS.has(tokens[of - 1]!.value.toLowerCase())) return -1;
  return isPerson(of) ? of : -1;
}

function typeFromCues(text: string, words: string[], cues: Cues | undefined): EntityType {
  if (PLACE_ACRONYMS.has(text)) return 'place';
  // "Bureau of Labor Statistics", "University of Leeds": a head word before "of" is enough, and
  // so is one before "for" or "on", "Joint Council for Qualifications".
  const head = (w: string | undefined) => ORG_HEADS.has(w?.toLowerCase() ?? '');
  const headBeforeFor = words.some((w, k) => head(w) && BODY_PARTICLE.test(words[k + 1] ?? ''));
  if (
    head(words.at(-1)) ||
    isPossessiveBody(words) ||
    (head(words[0]) && NAME_PARTICLES.has(words[1] ?? '')) ||
    headBeforeFor
  ) {
    return 'organization';
  }
  const c = cues ?? { person: 0, organization: 0, place: 0 };
  // "Reuters reported …": an agency, whatever its name's company, unless a title or a surname
  // reused makes it a person ("Michael Bloomberg" … "Bloomberg said").
  if (isNewsAgency(text) && c.person === 0) return 'organization';
  if (c.person > 0 && c.person >= c.place && c.person >= c.organization) return 'person';
  if (c.place > 0 && c.place >= c.organization) return 'place';
  if (c.organization > 0 || /^\p{Lu}{2,6}$/u.test(text)) return 'organization';
  return 'name';
}

/** Names in each of the given sentences, typed with cues from all of them. */
export function findNames(
  text: string,
  analysis: Analysis,
  sentences: SentenceSpan[],
): NameRun[][] {
  const { tokens } = analysis;
  const inEntity = new Uint8Array(tokens.length);
  for (const e of analysis.entities) inEntity.fill(1, e.first, e.last + 1);

  const keyOf = (r: { first: number; last: number }) =>
    text.slice(tokens[r.first]!.start, tokens[r.last]!.end).replace(/\s+/g, ' ').toLowerCase();
  // A capitalised first word is tagged PROPN as often as not ("Prices rose"), and so is the
  // first word after a colon ("The Lede: Advertisement spending rose"); a possessive
  // ("Brazil’s central bank"), an acronym ("NATO said"), a capital inside the word
  // ("BlackRock cut", "JPMorgan raised") or a news agency's name ("Bloomberg reported") makes
  // it a name anyway.
  const opensSentence = (k: number, si: number) => {
    let j = k - 1;
    while (j >= sentences[si]!.first && /^["“'‘([—–-]$/.test(tokens[j]!.value)) j--;
    return j < sentences[si]!.first || tokens[j]!.value === ':';
  };
  const initialSingle = (r: { first: number; last: number }, si: number) =>
    r.first === r.last &&
    opensSentence(r.first, si) &&
    !/^['’]s$/.test(tokens[r.last + 1]?.value ?? '') &&
    !/^\p{Lu}{2,6}$/u.test(tokens[r.first]!.value) &&
    !INNER_CAPITAL.test(tokens[r.first]!.value) &&
    !isNewsAgency(tokens[r.first]!.value);

  // Other sentence-initial single words count only if they are names elsewhere too.
  const allRuns = sentences.map((s) => runsInSentence(tokens, s, inEntity));
  const inside = new Set<string>();
  allRuns.forEach((runs, si) =>
    runs.forEach((r) => {
      if (!initialSingle(r, si)) {
        for (let k = r.first; k <= r.last; k++) inside.add(tokens[k]!.value.toLowerCase());
      }
    }),
  );
  const perSentence = allRuns.map((runs, si) =>
    runs.filter((r) => !initialSingle(r, si) || inside.has(keyOf(r))),
  );
  // "Grant said …" after "Paul Grant": wink tags the opening "Grant" a verb, but a surname the
  // article has given in full is the name.
  const surnames = new Set<string>();
  for (const runs of perSentence) {
    for (const r of runs) {
      if (r.last > r.first) surnames.add(tokens[r.last]!.value.toLowerCase());
    }
  }
  perSentence.forEach((runs, si) => {
    let k = sentences[si]!.first;
    while (k < sentences[si]!.last && /^["“'‘([—–-]$/.test(tokens[k]!.value)) k++;
    const t = tokens[k]!;
    const opensRun = runs[0]?.first === k;
    // "Rob/VERB Hale said …", "Grant/VERB Shapps said …": a first name that wink reads as a
    // verb, opening the sentence right before a name, is part of it, as in mid-sentence ("said
    // Will/AUX Hurd"); a news sentence does not open on an imperative with a name after it.
    // A participle does open one, "Including Medicaid, …", "Asked about Brexit, …" ("Ted"
    // is a name).
    const first = runs[0];
    if (
      first &&
      !opensRun &&
      (t.pos === 'VERB' || t.pos === 'AUX') &&
      CAPITALISED_WORD.test(t.value) &&
      !CALENDAR.test(t.value) &&
      !PARTICIPLE.test(t.value) &&
      first.first === nextWord(tokens, k)
    ) {
      runs[0] = { ...first, first: k };
      return;
    }
    if (!opensRun && NAME_LIKE_TAGS.has(t.pos) && CAPITALISED_WORD.test(t.value)) {
      const nextCapital = /^\p{Lu}/u.test(tokens[k + 1]?.value ?? '');
      if (surnames.has(t.value.toLowerCase()) && !nextCapital) runs.unshift({ first: k, last: k });
    }
  });

  splitPersonBeforeOf(tokens, perSentence, sentences);

  const cues = new NameCues();
  for (const runs of perSentence) {
    for (const r of runs) {
      const key = keyOf(r);
      const before = tokens[r.first - 1]?.value.toLowerCase() ?? '';
      const before2 = tokens[r.first - 2]?.value.toLowerCase() ?? '';
      const after = tokens[r.last + 1]?.value ?? '';
      const after2 = tokens[r.last + 2]?.value.toLowerCase() ?? '';
      // wink splits some titles from their full stop: "Rev", ".", "Helen Cartwright".
      const splitTitle = before === '.' && isHonorific(tokens[r.first - 2]?.value ?? '');
      const titledBefore = isTitleBefore(tokens[r.first - 1]?.value ?? '', tokens[r.first]?.value);
      if (titledBefore || splitTitle || r.titled || r.person) cues.add(key, 'person');
      // "…, who are third": a team or a body in British English's plural is no person.
      const plural = after2 === 'who' && /^(are|were|have)$/i.test(tokens[r.last + 3]?.value ?? '');
      if (after === ',' && ['a', 'an', 'the', 'who', 'whose'].includes(after2) && !plural) {
        // "Ofqual, the exams regulator": a description whose head is a body's is no person's.
        cues.add(key, describesBody(tokens, r.last + 2) ? 'organization' : 'person');
      }
      // An age between commas: "Amira Khalid, 18, from Bradford, missed her offer".
      if (after === ',' && /^\d{1,3}$/.test(after2) && tokens[r.last + 3]?.value === ',') {
        cues.add(key, 'person');
      }
      // A full name between commas after a lower-case description of no body is a person's:
      // "Mr Pellow's lawyer, David Stone, questioned him"; after a body's, "its parent company,
      // Alphabet Inc., …", a body's.
      const description = tokens[r.first - 2];
      if (
        before === ',' &&
        after === ',' &&
        r.last > r.first &&
        description?.pos === 'NOUN' &&
        /^\p{Ll}+$/u.test(description.value)
      ) {
        // "The operator, Vale Buses, said …": a body's description makes it a body's name.
        const body = ORG_HEADS.has(description.value) || BODY_DESCRIPTIONS.has(description.value);
        cues.add(key, body ? 'organization' : 'person');
      }
      // "the polling firm Northgate Research", "the bank Barclays": a body's description right
      // before the name, after an article or a word of its own.
      if (
        BODY_DESCRIPTIONS.has(before) &&
        /^\p{Ll}+$/u.test(tokens[r.first - 1]?.value ?? '') &&
        ['DET', 'NOUN', 'ADJ', 'VERB'].includes(tokens[r.first - 2]?.pos ?? '')
      ) {
        cues.add(key, 'organization');
      }
      if (PLACE_PREPOSITIONS.has(before) || (before === 'the' && PLACE_PREPOSITIONS.has(before2))) {
        cues.add(key, 'place');
      }
    }
  }
  // The article's words in lower case: "water" in "save water" is a common word, and
  // "Severn Vale Water" no first name and surname for it.
  const lowerWords = new Set(tokens.filter((t) => /^\p{Ll}+$/u.test(t.value)).map((t) => t.value));
  // …unless the word alone speaks, "Price added that …", "said Price": a common word does not,
  // so "Sarah Price" … "the price of chemicals" … "Price added" is one person, not two speakers.
  const reports = (k: number | undefined) =>
    k !== undefined &&
    tokens[k]?.pos === 'VERB' &&
    REPORTING_LEMMAS.has(tokens[k]!.lemma.toLowerCase());
  const speaking = new Set(
    perSentence
      .flat()
      .filter((r) => r.first === r.last && (reports(r.last + 1) || reports(r.first - 1)))
      .map((r) => tokens[r.first]!.value.toLowerCase()),
  );
  cues.markReusedSurnames(
    perSentence.flat().map((r) => {
      const words = tokens.slice(r.first, r.last + 1).map((t) => t.value);
      const surname = words.at(-1)!.toLowerCase();
      const acronym = /^\p{Lu}{2,}$/u.test(words[0]!); // "NHS England"
      // "University of Leeds", "Leeds City Council": a body's name, whose last word is none.
      const body =
        words.some((w) => ORG_HEADS.has(w.toLowerCase()) || w === 'of') || isPossessiveBody(words);
      return {
        key: keyOf(r),
        surname,
        size: words.length,
        // "Thomson Reuters" … "Reuters said": an agency's name ends in no surname.
        excluded: body || acronym || isNewsAgency(words.join(' ')),
        common: lowerWords.has(surname) && !speaking.has(surname),
      };
    }),
  );

  return perSentence.map((runs, si) =>
    runs.flatMap((r) => {
      const start = tokens[r.first]!.start;
      const end = tokens[r.last]!.end;
      const name = text.slice(start, end);
      const words = tokens.slice(r.first, r.last + 1).map((t) => t.value);
      const type = typeFromCues(name, words, cues.get(keyOf(r)));
      const label =
        type !== 'person' && type !== 'organization' && isLabel(tokens, r, sentences[si]!);
      return label ? [] : [{ first: r.first, last: r.last, start, end, text: name, type }];
    }),
  );
}

// Where a description after a name ends: "a spokeswoman | for the agency", "the bank's
// governor | ,", "the exams regulator | ." (its last word before these is its head).
const AFTER_DESCRIPTION = new Set(['ADP', 'PUNCT', 'VERB', 'AUX', 'PRON', 'SCONJ', 'CCONJ']);

/**
 * Whether the description that opens at `k` (its article) names a body by its head word:
 * "the exams regulator", "a Leeds-based firm", not "the bank's governor".
 */
function describesBody(tokens: Token[], k: number): boolean {
  let head = k;
  for (let j = k + 1; j < tokens.length && !AFTER_DESCRIPTION.has(tokens[j]!.pos); j++) head = j;
  const word = tokens[head]!.value.toLowerCase();
  return head > k && (BODY_DESCRIPTIONS.has(word) || ORG_HEADS.has(word));
}

const MAX_LABEL_WORDS = 4;

/**
 * A heading's label before a colon that opens the sentence, "The Lede: …", "Key Findings: …",
 * "Update: …": no name of anyone who could speak. A person or an organisation the article
 * gives as such stays, as an interview's transcript names them ("Ruiz: “We will …”").
 */
function isLabel(tokens: Token[], r: Span, sentence: SentenceSpan): boolean {
  if (tokens[r.last + 1]?.value !== ':' || r.last - r.first + 1 > MAX_LABEL_WORDS) return false;
  let k = sentence.first;
  while (k < r.first && /^["“'‘(]$/.test(tokens[k]!.value)) k++;
  if (k < r.first && tokens[k]!.pos === 'DET') k++;
  return k === r.first;
}
