// Sentence boundaries from wink-nlp, kept inside blocks and repaired where wink errs on
// news text: a quotation ending in "?" or "!" followed by its attribution ('"Is it true?"
// he asked.'), a quotation of two or three sentences closed by its reporting clause, and a
// few titles missing from its abbreviation list ("Maj. Gen. Ortiz"). The
// abbreviations are a language's (English by default; Spanish in spanish/spanishSegmentation).
import type { Analysis } from './analyzeText';
import { HONORIFICS } from './isHonorific';
import { ENGLISH_QUOTATION_MARKS, type QuotationMarks } from './QuotationTracker';
import type { TextSpan } from './splitBlocks';
import type { BlockForm } from './types';

export interface SentenceSpan {
  start: number;
  end: number;
  /** Inclusive token range in the analysis. */
  first: number;
  last: number;
  block: number;
}

/** A language's repairs of wink's sentence boundaries. */
export interface SegmentationRules {
  /** Abbreviations that precede a name, so a capitalised word after them goes on the sentence. */
  titleBeforeName: RegExp;
  /** Abbreviations that precede a number: "No. 5", "Dec. 7". */
  beforeNumber: RegExp;
  /** How a piece that cannot open a sentence starts: lower case, a comma, a closing quote. */
  continuation: RegExp;
  /** Other joins: the end of the previous piece and the start of the next. */
  joins?: Array<[tail: RegExp, head: RegExp]>;
  /** A token that opens a sentence wink ran on into ("…al día. —No hay…"), after [.!?]. */
  opensSentence?: RegExp;
  /** The language's quotation marks, for a quotation closed by its reporting clause. */
  quotationMarks: QuotationMarks;
}

const ENGLISH_SEGMENTATION: SegmentationRules = {
  // People's titles, and the places named like them: "Mt. Everest", "St. Louis".
  titleBeforeName: new RegExp(`\\b(${[...HONORIFICS, 'Mt', 'St'].join('|')})\\.$`),
  beforeNumber: /\b(No|Nos|Vol|Fig|Art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/,
  continuation: /^[\p{Ll},;:)\]”’]|^["'](\s|$)/u,
  quotationMarks: ENGLISH_QUOTATION_MARKS,
};

function continuesPrevious(
  text: string,
  prev: SentenceSpan,
  next: SentenceSpan,
  rules: SegmentationRules,
  blocks: SegmentedBlock[],
): boolean {
  if (prev.block !== next.block) return false;
  // A list item or table row stating a figure is one card: "Median wait: 4h 12m (up from 3h 30m)".
  if (blocks[prev.block]!.form) return true;
  // Sentences are separated by a space; wink's cut between two touching characters falls
  // inside a run of initials: "(D-N.Y.)" was cut after "N.", leaving the card "Y.) said: …".
  if (next.start === prev.end) return true;
  const head = text.slice(next.start, next.start + 4);
  if (rules.continuation.test(head)) return true;
  const tail = text.slice(Math.max(prev.start, prev.end - 8), prev.end);
  if (rules.titleBeforeName.test(tail) && /^\p{Lu}/u.test(head)) return true;
  if (rules.joins?.some(([t, h]) => t.test(tail) && h.test(head))) return true;
  return rules.beforeNumber.test(tail) && /^\d/.test(head);
}

// A quotation of a few sentences closed by its reporting clause is one sentence, the
// clause's object: '"Taxpayers were promised a $34 million project. Now they are being asked
// for $48 million," Hale said.' wink cuts it at the inner full stop, which left a card whose
// claim has lost what "Now" is set against. Kept together when the quotation opens its
// sentence and closes, within the next two, on a comma or "?"/"!" with the clause after it
// ('…," Hale said.', '«…», dijo Hale.'). A longer quotation is a passage of several claims,
// and one closed without such a clause ('told the Ledger: "… But …"', a quoted paragraph)
// says each sentence on its own: those stay cut, each quoted sentence getting its speaker
// from QuotationTracker.
const MAX_QUOTED_SENTENCES = 3;
const ATTRIBUTED_CLOSE = /^\s*,?\s*\p{L}/u;

/**
 * The index of the sentence after `i` that closes the quotation `sentences[i]` opens with, by a
 * mark that a reporting clause follows; -1 when there is none within MAX_QUOTED_SENTENCES.
 */
function quotationEnd(
  text: string,
  sentences: SentenceSpan[],
  i: number,
  { open, close, toggle }: QuotationMarks,
): number {
  const first = sentences[i]!;
  const opening = text.slice(first.start, first.end).trimStart()[0] ?? '';
  if (!open.includes(opening) && !toggle.includes(opening)) return -1;
  let depth = 0;
  for (let j = i; j < Math.min(sentences.length, i + MAX_QUOTED_SENTENCES); j++) {
    const s = sentences[j]!;
    if (s.block !== first.block) return -1;
    for (let k = s.start; k < s.end; k++) {
      const ch = text[k]!;
      const closes = close.includes(ch) || (toggle.includes(ch) && depth === 1);
      if (!closes && (open.includes(ch) || toggle.includes(ch))) depth++;
      else if (closes && --depth === 0) {
        if (j === i) return -1;
        const attributed = /[,?!]/.test(text[k - 1]!) || text[k + 1] === ',';
        return attributed && ATTRIBUTED_CLOSE.test(text.slice(k + 1, s.end)) ? j : -1;
      }
    }
  }
  return -1;
}

/** Each quotation that quotationEnd closes made one sentence with its reporting clause. */
function joinQuotations(text: string, sentences: SentenceSpan[], marks: QuotationMarks) {
  const out: SentenceSpan[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const end = quotationEnd(text, sentences, i, marks);
    out.push(
      end < 0
        ? sentences[i]!
        : { ...sentences[i]!, end: sentences[end]!.end, last: sentences[end]!.last },
    );
    if (end >= 0) i = end;
  }
  return out;
}

const STOP = /^[.!?]$/;
const CLOSING = /^["”’»)]$/;

/** Cuts a piece before each token that opens a sentence after a full stop wink did not see. */
function splitPiece(analysis: Analysis, piece: SentenceSpan, opener: RegExp): SentenceSpan[] {
  const { tokens } = analysis;
  const out: SentenceSpan[] = [];
  let current = { ...piece };
  for (let i = piece.first + 1; i <= piece.last; i++) {
    const t = tokens[i]!;
    if (!opener.test(t.value) || t.start === tokens[i - 1]!.end) continue;
    let k = i - 1;
    while (k > current.first && CLOSING.test(tokens[k]!.value)) k--;
    if (!STOP.test(tokens[k]!.value) || k === current.first) continue;
    out.push({ ...current, end: tokens[i - 1]!.end, last: i - 1 });
    current = { ...current, start: t.start, first: i };
  }
  out.push(current);
  return out;
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

/** A block, with its form when it is a list item or table row (see markFigureLines). */
export type SegmentedBlock = TextSpan & { form?: BlockForm };

export function segmentSentences(
  text: string,
  analysis: Analysis,
  blocks: SegmentedBlock[],
  rules: SegmentationRules = ENGLISH_SEGMENTATION,
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
  const opener = rules.opensSentence;
  const cut = opener ? pieces.flatMap((p) => splitPiece(analysis, p, opener)) : pieces;
  const sentences: SentenceSpan[] = [];
  for (const piece of cut) {
    const prev = sentences.at(-1);
    if (prev && continuesPrevious(text, prev, piece, rules, blocks)) {
      prev.end = piece.end;
      prev.last = piece.last;
    } else sentences.push(piece);
  }
  return joinQuotations(text, sentences, rules.quotationMarks);
}
