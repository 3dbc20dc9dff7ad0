// An interview printed as questions and answers: "Q: Why should families believe …?" / "A:
// Because they are. The average household paid £2,480 …". The answers are the interviewee's
// statements though no sentence names her; the questions are the outlet's.
import type { NameRun } from './findNames';
import type { SentenceSpan } from './segmentSentences';
import type { Block } from './types';

/** An answer's label, English or Spanish ("R:" for respuesta). */
export const ANSWER_LABEL = /^(A|R)\s*:\s/;
const QUESTION_LABEL = /^(Q|P)\s*:\s/;
/** Fewer labels than this make no interview: one "A:" may be a list's letter. */
const MIN_LABELS = 2;

/**
 * The person an interview questions: the first person the article names before its first
 * question ("Energy Minister Claire Dubois has been in the job for 14 months. … Q: …"), when
 * the body has at least two question and two answer labels. Null for any other article, or
 * when no person is named before the questions (the answers then keep no speaker).
 */
export function intervieweeOf(
  text: string,
  blocks: Block[],
  body: SentenceSpan[],
  names: NameRun[][],
): string | null {
  const opens = (b: Block, label: RegExp) => b.kind === 'body' && label.test(text.slice(b.start));
  const questions = blocks.filter((b) => opens(b, QUESTION_LABEL)).length;
  const answers = blocks.filter((b) => opens(b, ANSWER_LABEL)).length;
  if (questions < MIN_LABELS || answers < MIN_LABELS) return null;
  for (const [i, span] of body.entries()) {
    if (QUESTION_LABEL.test(text.slice(blocks[span.block]!.start))) return null;
    const person = names[i]!.find((n) => n.type === 'person');
    if (person) return person.text;
  }
  return null;
}
