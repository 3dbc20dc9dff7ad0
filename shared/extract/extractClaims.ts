// The single entry point of claim extraction: article text in, title, sentences with exact
// offsets and ranked claim candidates out. Pure and synchronous; the same code runs in the
// browser, on the server (POST /api/boards/:id/articles) and in `npm run extract`. Claims are
// proposed in English and Spanish; each language fills in a LanguagePath, and the loop below
// is the same for both.
import { analyzeText, type Analysis } from './analyzeText';
import { canonicalSpeaker } from './canonicalSpeaker';
import { namedNearby, type SentenceSpeaker } from './namedNearby';
import { namedLater, type FoundSpeaker } from './namedLater';
import { claimKey } from './claimKey';
import { cleanArticle } from './cleanArticle';
import { assertArticleText } from './decodeArticleInput';
import { detectLanguage, type Language } from './detectLanguage';
import { englishPath } from './englishPath';
import type { AttributionMemory } from './AttributionMemory';
import type { AttributionFound } from './findAttribution';
import { inBrackets } from './inBrackets';
import { ANSWER_LABEL, intervieweeOf } from './intervieweeOf';
import { isCorrectionNote, isPublisherNote } from './isPublisherNote';
import { QuotationTracker } from './QuotationTracker';
import { priorityOf } from './scoreSentence';
import { segmentSentences, type SentenceSpan } from './segmentSentences';
import { SPANISH_SEGMENTATION } from './spanish/spanishSegmentation';
import { spanishPath } from './spanish/spanishPath';
import { LIST_MARKER } from './splitBlocks';
import { tableRowClaim } from './tableRowClaim';
import { WIRE_DATELINE } from './wireDateline';
import type {
  Block,
  ClaimCandidate,
  EntityType,
  ExtractResult,
  FurnitureRange,
  Sentence,
} from './types';

// A sentence that sends the reader elsewhere states nothing: "See https://www.congress.gov/…
// for the full text.", "Consulte www.inegi.org.mx".
const POINTER =
  /^\P{L}*(see|visit|read|watch|go to|click|follow|vea|visite|consulte|lea)\b.*(https?:\/\/|www\.)/iu;
const QUESTION = /[?¿][^\p{L}\p{N}]*$/u;
// What a fact-checker can check a sentence against: a figure, a date, a name, a source or a
// reported event.
const ANCHORS = new Set([
  'number',
  'date',
  'named_entity',
  'named_source',
  'attribution',
  'reported_claim',
  'comparison',
]);

/**
 * A sentence with nothing to check it against that is short or in the writer's first person:
 * "The garden was quiet.", "We walked to the park and fed the ducks.". A longer
 * one ("But mounting evidence of an informal pact … has undermined those claims.") is analysis
 * an editor may still want, ranked last.
 */
function isNarrative(sentence: string, signals: string[], quoted: boolean): boolean {
  if (quoted || signals.some((s) => ANCHORS.has(s))) return false;
  return signals.includes('short') || signals.includes('first_person') || WRITER.test(sentence);
}
// A list item or table row is a candidate, verb or not, when it states one of these.
const FIGURES = new Set<EntityType>(['number', 'money', 'percent', 'date', 'time', 'duration']);
const FORM_SIGNAL = { item: 'list_item', row: 'table_row' } as const;

// The writer's own first person opening the sentence, outside any quotation (which the
// case-sensitive first-person signal misses at a capital).
const WRITER = /^(I|We|My|Our|Nosotros|Yo|Mi|Nuestro|Nuestra)\b/;

export interface ExtractOptions {
  /** Title given by the user or the HTML page; otherwise the headline found in the text. */
  title?: string;
  /** Input size limit in UTF-8 bytes (default MAX_ARTICLE_BYTES). */
  maxBytes?: number;
  /**
   * The language to read the text in, when the caller knows it better than the text can
   * show: a passage of an article whose language is known is too short to tell.
   */
  language?: Language;
  /** Furniture the source's markup shows and its text does not (HTML footnote lists). */
  furniture?: FurnitureRange[];
}

/**
 * The candidates with one name per speaker (`nameOf`) and one candidate per claim: a claim the
 * article states again, under another attribution ("…, the ministry said." and "…, according
 * to Cristosal.") or as the same quotation given to someone else, is the card of its first
 * statement, with that statement's speaker; the card has room for one. When the first names
 * nobody and a repeat does, the card takes that speaker, whom the article gives the claim to.
 * `candidates` are in text order.
 */
function oncePerClaim(
  candidates: Omit<ClaimCandidate, 'rank'>[],
  nameOf: (speaker: string) => string,
): Omit<ClaimCandidate, 'rank'>[] {
  const first = new Map<string, Omit<ClaimCandidate, 'rank'>>();
  const once: Omit<ClaimCandidate, 'rank'>[] = [];
  for (const c of candidates) {
    const attribution = c.attribution && {
      ...c.attribution,
      speaker: nameOf(c.attribution.speaker),
    };
    const named = { ...c, speaker: attribution?.speaker ?? null, attribution };
    const key = claimKey(named.claim);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, named);
      once.push(named);
    } else if (!earlier.attribution && attribution) {
      earlier.speaker = attribution.speaker;
      earlier.attribution = attribution;
    }
  }
  return once;
}

/**
 * The text as the language model and the rules read it: an ad line inside a paragraph ("… the
 * size of the\nADVERTISEMENT\ncity’s school program …") blanked out with the line break before
 * it, so that the sentence runs across it as across a line end. Offsets are unchanged: sentences
 * still index the stored text, where the ad line stays.
 */
function readingText(text: string, blocks: Block[], removed: FurnitureRange[]): string {
  // Furniture is whole blocks, but for such a line, which a body block holds.
  const blockStarts = new Set(blocks.map((b) => b.start));
  const inside = removed.filter((r) => !blockStarts.has(r.start));
  let out = '';
  let from = 0;
  for (const r of inside) {
    let start = r.start;
    while (start > from && /\s/.test(text[start - 1]!)) start--;
    out += text.slice(from, start) + ' '.repeat(r.end - start);
    from = r.end;
  }
  return out + text.slice(from);
}

/**
 * A list item without its marker, as attribution reads it: "- NHS England said 3,000 beds were
 * closed" has its subject after the dash, which is no part of it ("- 12 hospitals").
 */
function withoutMarker(read: string, analysis: Analysis, span: SentenceSpan): SentenceSpan {
  const marker = LIST_MARKER.exec(read.slice(span.start, span.end));
  if (!marker) return span;
  const start = span.start + marker[0].length;
  let first = span.first;
  while (first < span.last && analysis.tokens[first]!.start < start) first++;
  return { ...span, start, first };
}

export function extractClaims(text: string, opts: ExtractOptions = {}): ExtractResult {
  assertArticleText(text, opts.maxBytes);
  const cleaned = cleanArticle(text, { title: opts.title, furniture: opts.furniture });
  const read = readingText(text, cleaned.blocks, cleaned.removed);
  const analysis = analyzeText(read);
  // The language is read from the body blocks, before segmentation, whose abbreviations
  // depend on it: the same words as the body sentences, so the same verdict. A text with no
  // body is read whole: a Chinese article, whose paragraphs end in "。", is all headings here.
  const bodyText = cleaned.blocks
    .filter((b) => b.kind === 'body')
    .map((b) => read.slice(b.start, b.end))
    .join(' ');
  const language = opts.language ?? detectLanguage(/\p{L}/u.test(bodyText) ? bodyText : read);
  const spans = segmentSentences(
    read,
    analysis,
    cleaned.blocks,
    language === 'es' ? SPANISH_SEGMENTATION : undefined,
  );
  const sentences: Sentence[] = spans.map((s, index) => {
    const block = cleaned.blocks[s.block]!;
    const sentence: Sentence = {
      index,
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      kind: block.kind,
    };
    if (block.reason) sentence.reason = block.reason;
    return sentence;
  });
  const base = {
    title: cleaned.title,
    text,
    language,
    blocks: cleaned.blocks,
    removed: cleaned.removed,
    cleanText: cleaned.cleanText,
    sentences,
  } as const;
  if (language === 'other') return { ...base, claims: [] };

  // A line ending in a colon right above a list, "According to NHS England figures:", is read
  // for the source it names, and an item that names none of its own takes it, as the item
  // would written after a comma ("According to NHS England figures, 7.4% of patients …").
  // Such a line is a heading when it has no full stop: read for its source, never a candidate.
  const isItem = (i: number) =>
    sentences[i]?.kind === 'body' && cleaned.blocks[spans[i]!.block]!.form === 'item';
  const introducesList = (i: number) =>
    !isItem(i) && isItem(i + 1) && sentences[i]!.text.trimEnd().endsWith(':');
  // So is a sentence before it in its line, where the source may be named: "NHS England
  // published its monthly figures on Thursday. The figures show:" (the figures are NHS England's).
  const opensList = (i: number): boolean =>
    introducesList(i) || (spans[i + 1]?.block === spans[i]!.block && opensList(i + 1));
  const readIndex = spans.flatMap((_, i) =>
    sentences[i]!.kind === 'body' || (sentences[i]!.kind === 'heading' && opensList(i)) ? [i] : [],
  );
  const body = readIndex.map((i) => spans[i]!);
  const path = (language === 'es' ? spanishPath : englishPath)(read, analysis, body);
  const quotes = new QuotationTracker(path.quotationMarks);
  const memory: AttributionMemory = {
    recent: [],
    previous: { sentence: -1, names: [] },
    organization: null,
    described: new Map(),
    genders: path.genders,
    people: new Set(),
  };
  const interviewee = intervieweeOf(read, cleaned.blocks, body, path.names);
  const candidates: Omit<ClaimCandidate, 'rank'>[] = [];
  /** Every speaker as found, for the fuller names canonicalSpeaker looks for. */
  const spoken: string[] = [];
  /** With their sentences, for the descriptions the article names later (namedLater). */
  const foundSpeakers: FoundSpeaker[] = [];
  /** Every body sentence with its speaker or none, for the lead's person named next. */
  const sentenceSpeakers: SentenceSpeaker[] = [];
  /** The source the line introducing the current list names. */
  let listSource: ClaimCandidate['attribution'] = null;
  /** The block in which a correction note opened: the rest of it is the note's. */
  let noteBlock = -1;
  body.forEach((span, bi) => {
    const sentence = read.slice(span.start, span.end);
    // Attribution runs on every body sentence so that "he added" can refer back to a quote.
    const blockStart = cleaned.blocks[span.block]!.start;
    // An interview's answer that names no speaker of its own is the interviewee's, anchored at
    // its label ("A: Because they are. The average household paid £2,480 …").
    const answer: AttributionFound | null =
      interviewee && ANSWER_LABEL.test(read.slice(blockStart))
        ? {
            speaker: interviewee,
            start: blockStart,
            end: blockStart + 1,
            form: 'pronoun',
            clause: null,
          }
        : null;
    const own = path.attribution(withoutMarker(read, analysis, span), bi, memory);
    const found = own ?? answer;
    if (found) spoken.push(found.speaker);
    // A wire dateline's names, "LONDON, Oct 24 (Reuters) -", and a ticker in brackets,
    // "Harbour Foods (HBF.L)", are no body the next sentence's "the company" may mean.
    const from = span.start + (WIRE_DATELINE.exec(sentence)?.[0].length ?? 0);
    if (found) foundSpeakers.push({ speaker: found.speaker, sentence: read.slice(from, span.end) });
    sentenceSpeakers.push({
      speaker: found?.speaker ?? null,
      sentence: read.slice(from, span.end),
    });
    const bracketed = inBrackets(read, from);
    const names = path.names[bi]!.filter((n) => n.start >= from && !bracketed(n.start));
    // "Mr Pellow's lawyer": an owner is no subject a pronoun in the next sentence stands for.
    const owners = new Set(
      // Three characters, not the rest of the text: one copy per name would be quadratic.
      names.filter((n) => /^['’]s\b/.test(read.slice(n.end, n.end + 3))).map((n) => n.start),
    );
    memory.previous = { sentence: bi, names, owners };
    const body = names.findLast((n) => n.type === 'organization');
    if (body) memory.organization = { sentence: bi, name: body.text };
    const { form, cells, header, title } = cleaned.blocks[span.block]!;
    const attribution = found
      ? { speaker: found.speaker, start: found.start, end: found.end, form: found.form }
      : form === 'item'
        ? listSource
        : null;
    if (form !== 'item') listSource = introducesList(readIndex[bi]!) ? attribution : null;
    if (sentences[readIndex[bi]!]!.kind !== 'body') return;
    const quote = quotes.next(span.block, sentence, attribution);
    // A list item or table row ("• Police: $1.1 billion, up 6%") has often no verb; its figure
    // is what there is to check.
    const states = path.statesSomething(span, sentence);
    // A question states nothing, in a list item's form too: "Q: Will you meet the target by
    // 2028?" reads as a "Label: value" line with a figure.
    const question = form === 'item' && QUESTION.test(sentence);
    const afterDateline = sentence.slice(from - span.start);
    if (isCorrectionNote(afterDateline)) noteBlock = span.block;
    if (
      (!states && !form) ||
      question ||
      POINTER.test(sentence) ||
      isPublisherNote(afterDateline) ||
      span.block === noteBlock
    )
      return;
    // A dateline's figures and places, "14:32 — ", "LONDON, Oct 24 (Reuters) -", say when and
    // where the story was filed, nothing the sentence claims.
    const chips = path.chips(span, bi).filter((c) => c.start >= from);
    if (!states && !chips.some((c) => FIGURES.has(c.type))) return;
    // The answer's speaker is no signal of the sentence's own: "I expect us to." still states
    // nothing to check.
    const { score, signals } = path.score(span, sentence, chips, own, quote.quoted);
    if (form) signals.push(FORM_SIGNAL[form]);
    if (score <= 0 || isNarrative(sentence, signals, quote.quoted)) return;
    const candidate: Omit<ClaimCandidate, 'rank'> = {
      id: `${span.start}-${span.end}`,
      sentence: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      claim:
        form === 'row' && cells
          ? tableRowClaim(text, cells, header, title)
          : path.claim(span, found),
      speaker: attribution?.speaker ?? null,
      attribution,
      entities: chips,
      score,
      priority: priorityOf(score),
      signals,
    };
    quote.wait(candidate);
    candidates.push(candidate);
  });
  const nameOf = canonicalSpeaker(path.names, spoken);
  const joins = new Map([...namedNearby(sentenceSpeakers), ...namedLater(foundSpeakers)]);
  const claims = oncePerClaim(candidates, (speaker) => nameOf(joins.get(speaker) ?? speaker))
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .map((c, i) => ({ ...c, rank: i + 1 }));
  return { ...base, claims };
}
