// The one place that talks to wink-nlp. Its English "lite web" model ships inside the
// npm package (nothing is downloaded at run time) and runs in the browser and in Node.
// wink keeps every character of the input in its tokens (value + preceding spaces), so
// summing their lengths yields exact JavaScript string offsets.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { maskFootnoteMarkers } from './footnoteMarkers';

export interface Token {
  value: string;
  start: number;
  end: number;
  /** Universal POS tag; 'SPACE' for runs of line breaks. */
  pos: string;
  lemma: string;
}

/** Inclusive token index range. */
export interface TokenSpan {
  first: number;
  last: number;
}

export interface NlpEntity extends TokenSpan {
  /** wink's type: DATE, TIME, DURATION, CARDINAL, ORDINAL, MONEY, PERCENT, … */
  type: string;
}

export interface Analysis {
  tokens: Token[];
  sentences: TokenSpan[];
  entities: NlpEntity[];
}

let nlp: ReturnType<typeof winkNLP> | null = null;

// Loading the model takes ~70 ms: do it once, on first use.
function getNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model);
  return nlp;
}

/**
 * The longest run of non-space characters wink is given as one word. Its tokenizer tests each
 * token with a regular expression whose time grows with the square of the token's length: one
 * 999,000-character "word" (a pasted blob) held the server's event loop for over 13 minutes,
 * and 20,000 characters took a second. A longer run goes to wink cut into words of this
 * length, a space standing in for the character after each piece, so the text keeps its length
 * and every offset holds. Words and links in an article's prose are shorter.
 */
const MAX_WORD = 100;
const LONG_RUN = new RegExp(`\\S{${MAX_WORD + 1},}`, 'g');

function cutLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => {
    let out = '';
    for (let i = 0; i < run.length; i += MAX_WORD + 1) {
      out += run.slice(i, i + MAX_WORD);
      if (i + MAX_WORD < run.length) out += ' ';
    }
    return out;
  });
}

export function analyzeText(original: string): Analysis {
  const wink = getNlp();
  const its = wink.its;
  const text = cutLongRuns(maskFootnoteMarkers(original));
  const doc = wink.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings declare its.lemma with a different add-on signature; it is a token its.
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    offset += (spaces[i] ?? '').length;
    // Guard: were wink ever to normalise the text, every offset after it would drift.
    if (!text.startsWith(value, offset)) throw new Error('wink-nlp tokens do not match the text');
    const tag = pos[i] ?? 'X';
    tokens.push({
      value,
      start: offset,
      end: offset + value.length,
      pos: tag,
      lemma: lemmas[i] ?? value,
    });
    offset += value.length;
  }
  const spanOf = ([first, last]: [number, number]) => ({ first, last });
  const sentences = (doc.sentences().out(its.span) as unknown as Array<[number, number]>).map(
    spanOf,
  );
  const entitySpans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  const entityTypes = doc.entities().out(its.type) as string[];
  const entities = entitySpans.map((span, i) => ({ ...spanOf(span), type: entityTypes[i] ?? '' }));
  return { tokens, sentences, entities };
}
