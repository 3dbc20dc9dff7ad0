// Check-worthiness: what a fact-checker can verify ranks first. Concrete anchors (figures,
// dates, named people and bodies, an attributed source, reported or alleged events) add
// to the score; opinion and analysis (modal verbs, hedged evaluation, first person outside
// quotations) and sentences that are mostly a quotation subtract from it.
import type { Token } from './analyzeText';
import type { AttributionFound } from './findAttribution';
import type { EntityChip, Priority } from './types';

export interface Score {
  score: number;
  signals: string[];
}

/** A language's words for opinion, hedged reports and the first person, and its quotation marks. */
export interface ScoreRules {
  opinion: RegExp;
  hedgedReport: RegExp;
  firstPerson: RegExp;
  /** A quotation, its words in group 1 (global). */
  quotation: RegExp;
  /** Comparatives and records ("the largest", "más que nunca"); English leaves them out. */
  comparison?: RegExp;
  /** A judgement of taste as the predicate: "looks lovely", "was a wonderful day". */
  evaluative: RegExp;
}

const OPINION_WORDS =
  /\b(should|must|ought|need to|needs to|appears? to|seems? to|likely|unlikely|perhaps|arguably|clearly|obviously|undoubtedly|probably|i think|we think|i believe|we believe|in our view|in my view|it is (time|clear|likely|possible)|may well|might|could be)\b/i;
const HEDGED_REPORT = /\b(reportedly|allegedly|purportedly|accused|alleged|denied|according to)\b/i;
const FIRST_PERSON = /\b(I|we|our|us|my)\b/;
// Adjectives of taste after a linking verb, lower case ("Nice" is a city). Adjectives that
// also measure ("high", "large", "remarkable" growth at 12%) or open set phrases ("a great
// deal of") are left out: what they describe can be checked.
const EVALUATIVE =
  /\b(is|are|was|were|be|been|being|looks?|looked|seems?|seemed|sounds?|sounded|feels?|felt|remains?|remained|becomes?|became|smells?|smelled|tastes?|tasted)\s+((so|very|truly|really|quite|rather|simply|absolutely|just|most|such|a|an|the|at|its|their)\s+)*(lovely|beautiful|gorgeous|stunning|breathtaking|picturesque|charming|delightful|pleasant|nice|wonderful|marvell?ous|magnificent|splendid|glorious|idyllic|enchanting|magical|peaceful|serene|cosy|cozy|fantastic|amazing|awesome|terrific|superb|brilliant|fascinating|exciting|inspiring|delicious|tasty|ugly|hideous|awful|terrible|horrible|dreadful|dreary|bleak|dull|boring|tedious|depressing|gloomy|miserable|unpleasant|disgusting)\b/;

export const ENGLISH_SCORE_RULES: ScoreRules = {
  opinion: OPINION_WORDS,
  hedgedReport: HEDGED_REPORT,
  firstPerson: FIRST_PERSON,
  quotation: /["“]([^"”]*)["”]/g,
  evaluative: EVALUATIVE,
};

/** Share of the sentence's characters inside quotation marks. */
function quotedShare(sentence: string, quotation: RegExp): number {
  let inside = 0;
  for (const m of sentence.matchAll(quotation)) inside += m[1]!.length;
  return sentence.length === 0 ? 0 : inside / sentence.length;
}

/**
 * A view rather than a fact: opinion words, a judgement of taste or the first person anywhere, also as the
 * quotation's first word ("We have no good options left", which the case-sensitive first
 * person, kept so for "US", misses).
 */
function speaksForItself(sentence: string, rules: ScoreRules): boolean {
  const opening = sentence.replace(
    /^(\P{L}*)(\p{Lu})(?=\p{Ll})/u,
    (_, p: string, c: string) => p + c.toLowerCase(),
  );
  return (
    rules.opinion.test(sentence) ||
    rules.evaluative.test(sentence) ||
    rules.firstPerson.test(sentence) ||
    rules.firstPerson.test(opening)
  );
}

const bonus = (count: number, first: number, more: number, cap: number) =>
  count === 0 ? 0 : Math.min(cap, first + (count - 1) * more);

export function scoreSentence(
  sentence: string,
  words: Token[],
  chips: EntityChip[],
  attribution: AttributionFound | null,
  rules: ScoreRules = ENGLISH_SCORE_RULES,
  quoted = false,
): Score {
  const signals: string[] = [];
  let score = 1; // a declarative sentence with a verb states something
  const count = (types: string[]) => chips.filter((c) => types.includes(c.type)).length;
  const numbers = count(['number', 'money', 'percent']);
  const dates = count(['date', 'time', 'duration']);
  const names = count(['person', 'organization', 'place', 'name']);
  const ownWords = sentence.replace(rules.quotation, ' ');
  const evaluative = rules.evaluative.test(ownWords);
  // "The garden looks lovely in spring.": a judgement of taste whose only anchor is a time.
  // The time says when the view holds, and gives nothing to check it against.
  const timeOfAView = evaluative && !numbers && !names && !attribution && !quoted;
  if (numbers) signals.push('number');
  if (dates && !timeOfAView) signals.push('date');
  if (names) signals.push('named_entity');
  score += bonus(numbers, 2, 0.5, 3) + bonus(names, 1, 0.5, 2);
  if (!timeOfAView) score += bonus(dates, 1.5, 0.5, 2);
  if (attribution) {
    const named = /\p{Lu}/u.test(attribution.speaker);
    signals.push(named ? 'named_source' : 'attribution');
    score += named ? 1.5 : 1;
  } else if (quoted && !speaksForItself(sentence, rules)) {
    // '"No adverse events … have been reported to date."' after '…," said Mark Hollis, a
    // spokesperson': a statement of fact by a named source, as checkable as one that names
    // him. A quotation that speaks of "we" or judges ("We have no good options left") is the
    // speaker's view, and gets nothing for it.
    signals.push('named_source');
    score += 1.5;
  }
  if (rules.hedgedReport.test(sentence)) {
    signals.push('reported_claim');
    score += 0.5;
  }
  if (rules.comparison?.test(sentence)) {
    signals.push('comparison');
    score += 1;
  }
  if (rules.opinion.test(ownWords)) {
    signals.push('opinion');
    score -= 1.5;
  }
  if (evaluative) {
    signals.push('evaluative');
    score -= 1.5;
  }
  if (rules.firstPerson.test(ownWords)) {
    signals.push('first_person');
    score -= 1.5;
  }
  if (quotedShare(sentence, rules.quotation) > 0.6) {
    signals.push('quotation');
    score -= 1;
  }
  if (words.filter((w) => w.pos !== 'PUNCT').length < 8) {
    signals.push('short');
    score -= 0.5;
  }
  return { score: Math.round(score * 10) / 10, signals };
}

export function priorityOf(score: number): Priority {
  if (score >= 5) return 'high';
  if (score >= 3) return 'medium';
  return 'low';
}
