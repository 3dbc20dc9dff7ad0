/**
 * Check-worthiness signals (score and chips: numbers, dates, names) of one passage, the way an
 * import computes them for each sentence of an article: the passage goes through the same
 * extraction as a text of its own, read in its article's language (a passage is too short to
 * tell). Null when extraction finds nothing to check in it (a question, a fragment, opinion,
 * another language).
 */
import type { Language } from '../../shared/extract/detectLanguage';
import { extractClaims } from '../../shared/extract/extractClaims';
import type { EntityChip } from '../../shared/extract/types';

export interface PassageSignals {
  readonly score: number;
  readonly chips: readonly Pick<EntityChip, 'text' | 'type'>[];
}

/** Ends like a sentence, so that a passage quoted mid-sentence is not read as a headline. */
const SENTENCE_END = /[.!?…]["”’)\]]*$/;

export function passageSignals(passage: string, language?: Language): PassageSignals | null {
  const text = passage.trim();
  let best: { score: number; entities: EntityChip[] } | undefined;
  try {
    best = extractClaims(SENTENCE_END.test(text) ? text : `${text}.`, { language }).claims[0];
  } catch {
    return null; // empty or too long for an article: nothing to say about it
  }
  if (!best) return null;
  return {
    score: best.score,
    chips: best.entities.slice(0, 100).map((e) => ({ text: e.text.slice(0, 300), type: e.type })),
  };
}
