import type { Stance } from '../../shared/board/view';

/** How each stance reads in the review UI, in the order the form offers them. */
export const STANCE_LABELS: Readonly<Record<Stance, string>> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
};

/** A stance as the words for evidence with it ("added supporting evidence"). */
export const STANCE_WORDS: Readonly<Record<Stance, string>> = {
  supports: 'supporting evidence',
  refutes: 'refuting evidence',
  context: 'context',
};
