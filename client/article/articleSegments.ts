/**
 * The article view's layout: the stored article text cut into blocks (paragraphs, headings,
 * page furniture) and each block into segments: passages that became cards, other sentences
 * an editor may turn into cards, and the plain text between them. Every segment is an exact
 * [start, end) range of the stored text, so a card made from one has valid offsets.
 *
 * Why not run the server's extractor here: with wink-nlp and its model it is 4.2 MB
 * (1.1 MB gzipped), six times the whole app. What the view needs costs almost nothing:
 * - furniture comes from `cleanArticle`, the same wink-free code the server ran, so the
 *   ranges are the ones the import skipped (3.6 kB gzipped);
 * - the sentences that became cards carry their own offsets (the extractor's sentences);
 * - the other sentences come from the browser's own `Intl.Segmenter`, repaired by the
 *   extractor's rules (`segmentSentences`: "Gen. Ortiz", '"Is it true?" he asked').
 */
import type { CardView } from '../../shared/board/view';
import type { Analysis, Token } from '../../shared/extract/analyzeText';
import { cleanArticle } from '../../shared/extract/cleanArticle';
import { detectLanguage } from '../../shared/extract/detectLanguage';
import { segmentSentences } from '../../shared/extract/segmentSentences';
import { SPANISH_SEGMENTATION } from '../../shared/extract/spanish/spanishSegmentation';
import type { BlockKind, FurnitureReason } from '../../shared/extract/types';

export type Segment =
  /** A passage that is the source of one or more cards (most check-worthy first). */
  | {
      readonly kind: 'card';
      readonly start: number;
      readonly end: number;
      readonly cardIds: readonly string[];
    }
  /** A sentence no card comes from. */
  | { readonly kind: 'sentence'; readonly start: number; readonly end: number }
  /** Space and punctuation between sentences, and furniture text. */
  | { readonly kind: 'plain'; readonly start: number; readonly end: number };

export interface ArticleBlock {
  readonly start: number;
  readonly end: number;
  readonly kind: BlockKind;
  readonly reason?: FurnitureReason;
  readonly segments: readonly Segment[];
}

interface Span {
  start: number;
  end: number;
}

/**
 * Sentence spans of the body and heading blocks: Intl.Segmenter, then the extractor's repairs
 * for the article's language ("Sra. Pérez" in Spanish, as the import read it).
 */
function sentenceSpans(text: string, blocks: (Span & { kind: BlockKind })[]): Span[] {
  const language = detectLanguage(
    blocks
      .filter((b) => b.kind === 'body')
      .map((b) => text.slice(b.start, b.end))
      .join(' '),
  );
  const segmenter = new Intl.Segmenter(language === 'es' ? 'es' : 'en', {
    granularity: 'sentence',
  });
  const tokens: Token[] = [];
  for (const block of blocks) {
    if (block.kind === 'furniture') continue;
    for (const piece of segmenter.segment(text.slice(block.start, block.end))) {
      const value = piece.segment.trimEnd();
      const lead = value.length - value.trimStart().length;
      if (value.trim() === '') continue;
      const start = block.start + piece.index + lead;
      tokens.push({
        value: value.trim(),
        start,
        end: start + value.length - lead,
        pos: 'X',
        lemma: '',
      });
    }
  }
  // One "token" per sentence piece: segmentSentences only merges pieces, it never cuts them.
  const analysis: Analysis = {
    tokens,
    sentences: tokens.map((_, i) => ({ first: i, last: i })),
    entities: [],
  };
  const rules = language === 'es' ? SPANISH_SEGMENTATION : undefined;
  return segmentSentences(text, analysis, blocks, rules).map(({ start, end }) => ({
    start,
    end,
  }));
}

/**
 * Where a card's sentence is in the article: its offsets when they hold its sentence, else
 * the sentence's first place in the text, else nowhere. Cards made here always match; a
 * board imported from a hand-edited export, or written by another client, may not, and a
 * card should never light up text that is not its sentence.
 */
function anchorOf(text: string, source: NonNullable<CardView['source']>) {
  const { start, end, sentence } = source;
  if (sentence === '' || text.slice(start, end) === sentence) return { start, end };
  const found = text.indexOf(sentence);
  return found < 0 ? null : { start: found, end: found + sentence.length };
}

/** The cards anchored in this article, as valid ranges of its text. */
function cardSpans(text: string, articleId: string, cards: readonly CardView[]) {
  return cards
    .flatMap((c) => {
      const anchor = c.source?.articleId === articleId ? anchorOf(text, c.source) : null;
      if (!anchor || anchor.end <= anchor.start) return [];
      return [{ id: c.id, rank: c.extraction?.rank ?? Number.MAX_SAFE_INTEGER, ...anchor }];
    })
    .sort((a, b) => a.rank - b.rank || a.start - b.start);
}

/**
 * Cuts [from, to) at every card boundary: covered pieces become card segments; the rest is
 * handed to `rest` to be cut further (into sentences or plain text).
 */
function cutByCards(
  from: number,
  to: number,
  cards: readonly { id: string; start: number; end: number }[],
  rest: (start: number, end: number) => Segment[],
): Segment[] {
  const inside = cards.filter((c) => c.start < to && c.end > from);
  const cuts = new Set([from, to]);
  for (const c of inside) {
    if (c.start > from) cuts.add(c.start);
    if (c.end < to) cuts.add(c.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const cardIds = inside.filter((c) => c.start <= start && c.end >= end).map((c) => c.id);
    const prev = out.at(-1);
    if (cardIds.length === 0) out.push(...rest(start, end));
    else if (prev?.kind === 'card' && prev.end === start && prev.cardIds.join() === cardIds.join())
      out[out.length - 1] = { ...prev, end };
    else out.push({ kind: 'card', start, end, cardIds });
  }
  return out;
}

/** Sentences (and the text between them) inside [from, to), which no card covers. */
function sentencesIn(
  text: string,
  sentences: readonly Span[],
  from: number,
  to: number,
): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const s of sentences) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (end <= start) continue;
    // A sentence cut short by a card keeps only its words, not the space left at its edge.
    const words = text.slice(start, end);
    const lead = words.length - words.trimStart().length;
    const trail = words.length - words.trimEnd().length;
    if (!/[\p{L}\p{N}]/u.test(words)) continue;
    if (start + lead > at) out.push({ kind: 'plain', start: at, end: start + lead });
    out.push({ kind: 'sentence', start: start + lead, end: end - trail });
    at = end - trail;
  }
  if (at < to) out.push({ kind: 'plain', start: at, end: to });
  return out;
}

export function articleSegments(
  text: string,
  articleId: string,
  cards: readonly CardView[],
): ArticleBlock[] {
  const { blocks } = cleanArticle(text);
  const sentences = sentenceSpans(text, blocks);
  const anchored = cardSpans(text, articleId, cards);
  let next = 0;
  return blocks.map((block) => {
    // Sentences never cross blocks, so each block takes the next ones in order.
    const mine: Span[] = [];
    while (next < sentences.length && sentences[next]!.end <= block.end)
      mine.push(sentences[next++]!);
    const segments = cutByCards(block.start, block.end, anchored, (start, end) =>
      block.kind === 'furniture'
        ? [{ kind: 'plain', start, end }]
        : sentencesIn(text, mine, start, end),
    );
    return { start: block.start, end: block.end, kind: block.kind, reason: block.reason, segments };
  });
}
