// The Spanish path. wink-nlp's model is English, so its tags are not used here: names are
// capitalised runs (findSpanishNames), attribution follows Spanish reporting forms
// (findSpanishAttribution), chips come from the text (spanishChips). Without tags there is no
// verb check; a body sentence of five words or more that is not a question qualifies, and the
// score (figures, dates, names, sources up; opinion down) decides.
import type { Analysis } from '../analyzeText';
import type { LanguagePath } from '../LanguagePath';
import { scoreSentence } from '../scoreSentence';
import type { SentenceSpan } from '../segmentSentences';
import { shortClaim } from '../shortClaim';
import { findSpanishAttribution } from './findSpanishAttribution';
import { findSpanishNames } from './findSpanishNames';
import { isSpanish } from './isSpanish';
import { SPANISH_CLAIM_RULES } from './spanishClaimRules';
import { spanishChips } from './spanishChips';
import { spanishGenders } from './spanishGenders';
import { SPANISH_SCORE_RULES } from './spanishScoreRules';
import { SPANISH_QUOTATION_MARKS } from './spanishSegmentation';
import { MONTHS, WEEKDAYS } from './spanishWords';

const MIN_WORDS = 5;
// A place and a date alone, as a press release opens: "San Salvador, 3 de marzo de 2024." It
// has five words and reads as Spanish, but states nothing.
const PLACE_AND_DATE = new RegExp(
  String.raw`^\p{Lu}[\p{L}\p{M}.' -]{0,40}(?:\([^)]{1,30}\))?,\s*(?:(?:${WEEKDAYS}),?\s+)?` +
    String.raw`\d{1,2}\s+(?:de\s+)?(?:${MONTHS})(?:\s+(?:de|del)\s+\d{4})?\s*\.?$`,
  'iu',
);
const QUESTION_END = /\?["”’»)\]]*$/;

/** A question: it ends with "?", or a "¿…?" makes up most of it («¿Quién paga?», preguntó). */
function isQuestion(sentence: string): boolean {
  if (QUESTION_END.test(sentence)) return true;
  let asked = 0;
  for (const m of sentence.matchAll(/¿[^?]*\?/g)) asked += m[0].length;
  return asked > sentence.length / 2;
}

export function spanishPath(text: string, analysis: Analysis, body: SentenceSpan[]): LanguagePath {
  const { tokens } = analysis;
  const names = findSpanishNames(text, tokens, body);
  const genders = spanishGenders(tokens, body, names);
  const wordsOf = (span: SentenceSpan) =>
    tokens.slice(span.first, span.last + 1).filter((t) => /[\p{L}\p{N}]/u.test(t.value));
  return {
    names,
    genders,
    quotationMarks: SPANISH_QUOTATION_MARKS,
    attribution: (span, index, memory) =>
      findSpanishAttribution(text, tokens, span, index, memory, names[index]!),
    statesSomething: (span, sentence) =>
      wordsOf(span).length >= MIN_WORDS &&
      !isQuestion(sentence) &&
      !PLACE_AND_DATE.test(sentence) &&
      isSpanish(sentence, 8, 0.05),
    chips: (span, index) => spanishChips(text, span.start, span.end, names[index]!),
    score: (span, sentence, chips, found, quoted) =>
      scoreSentence(sentence, wordsOf(span), chips, found, SPANISH_SCORE_RULES, quoted),
    claim: (span, found) => shortClaim(text, span.start, span.end, found, SPANISH_CLAIM_RULES),
  };
}
