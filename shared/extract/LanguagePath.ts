// What claim extraction needs from a language: its names, attributions, chips, score and
// short claim for each body sentence. extractClaims runs the same loop for every language
// (attribution on every sentence so that "he added" can refer back, one name per person,
// quotations that name their speaker once, ranking); englishPath and spanishPath fill it in.
import type { AttributionMemory } from './AttributionMemory';
import type { AttributionFound } from './findAttribution';
import type { NameRun } from './findNames';
import type { PersonGenders } from './PersonGenders';
import type { QuotationMarks } from './QuotationTracker';
import type { Score } from './scoreSentence';
import type { SentenceSpan } from './segmentSentences';
import type { EntityChip } from './types';

export interface LanguagePath {
  /** Names in each body sentence, typed over the whole article. */
  names: NameRun[][];
  /** What the article tells of its people's genders, for "she said" and "ella dijo". */
  genders: PersonGenders;
  quotationMarks: QuotationMarks;
  /** `index` is the sentence's index among the body sentences; `memory` is updated in place. */
  attribution(
    span: SentenceSpan,
    index: number,
    memory: AttributionMemory,
  ): AttributionFound | null;
  /** Not a question, a fragment or a sentence in another language. */
  statesSomething(span: SentenceSpan, sentence: string): boolean;
  /** Called for the body sentences in text order. */
  chips(span: SentenceSpan, index: number): EntityChip[];
  score(
    span: SentenceSpan,
    sentence: string,
    chips: EntityChip[],
    found: AttributionFound | null,
    /** The sentence is a quotation whose speaker an earlier sentence named. */
    quoted: boolean,
  ): Score;
  claim(span: SentenceSpan, found: AttributionFound | null): string;
}
