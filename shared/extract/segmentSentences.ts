// Sentence boundaries from wink-nlp, kept inside blocks and repaired where wink errs on
// news text: a quotation ending in "?" or "!" followed by its attribution ('"Is it true?"
// he asked.') and a few titles missing from its abbreviation list ("Maj. Gen. Ortiz").
import type { Analysis } from './analyzeText';
import type { TextSpan } from './splitBlocks';

export interface SentenceSpan {
  start: number;
  end: number;
  /** Inclusive token range in the analysis. */
  first: number;
  last: number;
  block: number;
}

// Abbreviations that precede a name or a number, so the next word never starts a sentence.
const TITLE_BEFORE_NAME =
  /\b(Adm|Amb|Atty|Brig|Capt|Cmdr|Col|Cpl|Det|Dr|Fr|Gen|Gov|Hon|Insp|Lt|Maj|Messrs|Mr|Mrs|Ms|Mt|Pres|Prof|Pvt|Rep|Rev|Sen|Sgt|Supt|St)\.$/;
const BEFORE_NUMBER = /\b(No|Nos|Vol|Fig|Art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

function continuesPrevious(text: string, prev: SentenceSpan, next: SentenceSpan): boolean {
  if (prev.block !== next.block) return false;
  const head = text.slice(next.start, next.start + 2);
  if (/^[\p{Ll},;:)\]”’]/u.test(head) || /^["'](\s|$)/.test(head)) return true;
  const tail = text.slice(Math.max(prev.start, prev.end - 8), prev.end);
  if (TITLE_BEFORE_NAME.test(tail) && /^\p{Lu}/u.test(head)) return true;
  return BEFORE_NUMBER.test(tail) && /^\d/.test(head);
}

function blockOfTokens(analysis: Analysis, blocks: TextSpan[]): Int32Array {
  const owner = new Int32Array(analysis.tokens.length).fill(-1);
  let b = 0;
  analysis.tokens.forEach((t, i) => {
    if (t.pos === 'SPACE' || t.value.trim() === '') return;
    while (b < blocks.length && blocks[b]!.end <= t.start) b++;
    if (b < blocks.length && t.start >= blocks[b]!.start) owner[i] = b;
  });
  return owner;
}

export function segmentSentences(
  text: string,
  analysis: Analysis,
  blocks: TextSpan[],
): SentenceSpan[] {
  const owner = blockOfTokens(analysis, blocks);
  const pieces: SentenceSpan[] = [];
  for (const { first, last } of analysis.sentences) {
    let piece: SentenceSpan | null = null;
    for (let i = first; i <= last; i++) {
      const block = owner[i]!;
      if (block < 0) continue;
      const token = analysis.tokens[i]!;
      if (piece && piece.block === block) {
        piece.end = token.end;
        piece.last = i;
      } else {
        if (piece) pieces.push(piece);
        piece = { start: token.start, end: token.end, first: i, last: i, block };
      }
    }
    if (piece) pieces.push(piece);
  }
  const sentences: SentenceSpan[] = [];
  for (const piece of pieces) {
    const prev = sentences.at(-1);
    if (prev && continuesPrevious(text, prev, piece)) {
      prev.end = piece.end;
      prev.last = piece.last;
    } else sentences.push(piece);
  }
  return sentences;
}
