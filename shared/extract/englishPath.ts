// The English path: wink-nlp's part-of-speech tags and entities drive names, attribution,
// chips and the verb check.
import type { Analysis, NlpEntity, Token } from './analyzeText';
import { englishGenders } from './englishGenders';
import { entityChips } from './entityChips';
import { REPORTING_LEMMAS } from './english/attributionWords';
import { findAttribution } from './findAttribution';
import { findNames } from './findNames';
import { isEnglish } from './isEnglish';
import { readsForeign } from './readsForeign';
import type { LanguagePath } from './LanguagePath';
import { ENGLISH_QUOTATION_MARKS } from './QuotationTracker';
import { ENGLISH_SCORE_RULES, scoreSentence } from './scoreSentence';
import type { SentenceSpan } from './segmentSentences';
import { shortClaim } from './shortClaim';
import { SOURCE_NOUNS } from './sourceNouns';

const MIN_WORDS = 5;

/**
 * "Official figures show per-pupil spending of $14,000": wink tags that "show" a noun, and the
 * sentence would have no verb. A reporting verb right after a document's noun is one.
 */
function findingVerb(words: readonly Token[], k: number): boolean {
  const w = words[k]!;
  return (
    w.pos === 'NOUN' &&
    REPORTING_LEMMAS.has(w.lemma.toLowerCase()) &&
    SOURCE_NOUNS.has(words[k - 1]?.value.toLowerCase() ?? '')
  );
}

export function englishPath(text: string, analysis: Analysis, body: SentenceSpan[]): LanguagePath {
  const names = findNames(text, analysis, body);
  const genders = englishGenders(analysis, body, names);
  const wordsOf = (span: SentenceSpan) =>
    analysis.tokens.slice(span.first, span.last + 1).filter((t) => t.pos !== 'SPACE');
  const entities = analysis.entities;
  let e = 0; // entities before this sentence; sentences come in text order
  return {
    names,
    genders,
    quotationMarks: ENGLISH_QUOTATION_MARKS,
    attribution: (span, index, memory) =>
      findAttribution(text, analysis.tokens, span, index, memory, names[index]!),
    // Questions, fragments and verbless lines state nothing to check.
    statesSomething(span, sentence) {
      const content = wordsOf(span).filter((w) => w.pos !== 'PUNCT');
      return (
        content.length >= MIN_WORDS &&
        !/\?["”’)\]]*$/.test(sentence) &&
        content.some((w, k) => w.pos === 'VERB' || w.pos === 'AUX' || findingVerb(content, k)) &&
        (isEnglish(sentence, 8, 0.05) || !readsForeign(sentence))
      );
    },
    chips(span, index) {
      while (e < entities.length && entities[e]!.first < span.first) e++;
      const own: NlpEntity[] = [];
      for (let k = e; k < entities.length && entities[k]!.first <= span.last; k++) {
        if (entities[k]!.last <= span.last) own.push(entities[k]!);
      }
      return entityChips(text, analysis, span, own, names[index]!);
    },
    score: (span, sentence, chips, found, quoted) =>
      scoreSentence(sentence, wordsOf(span), chips, found, ENGLISH_SCORE_RULES, quoted),
    claim: (span, found) => shortClaim(text, span.start, span.end, found),
  };
}
