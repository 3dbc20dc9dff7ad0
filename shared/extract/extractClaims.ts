// The single entry point of claim extraction: article text in, title, sentences with exact
// offsets and ranked claim candidates out. Pure and synchronous; the same code runs in the
// browser, on the server (POST /api/boards/:id/articles) and in `npm run extract`.
import { analyzeText } from './analyzeText';
import { canonicalSpeaker } from './canonicalSpeaker';
import { cleanArticle } from './cleanArticle';
import { assertArticleText } from './decodeArticleInput';
import { entityChips } from './entityChips';
import { findAttribution, type AttributionMemory } from './findAttribution';
import { findNames } from './findNames';
import { isEnglish } from './isEnglish';
import { QuotationTracker } from './QuotationTracker';
import { scoreSentence, priorityOf } from './scoreSentence';
import { segmentSentences } from './segmentSentences';
import { shortClaim } from './shortClaim';
import type { ClaimCandidate, ExtractResult, Sentence } from './types';

export interface ExtractOptions {
  /** Title given by the user or the HTML page; otherwise the headline found in the text. */
  title?: string;
  /** Input size limit in UTF-8 bytes (default MAX_ARTICLE_BYTES). */
  maxBytes?: number;
}

const MIN_WORDS = 5;

/** Questions, fragments and verbless lines state nothing to check. */
function statesSomething(sentence: string, words: { pos: string }[]): boolean {
  const content = words.filter((w) => w.pos !== 'PUNCT');
  return (
    content.length >= MIN_WORDS &&
    !/\?["”’)\]]*$/.test(sentence) &&
    content.some((w) => w.pos === 'VERB' || w.pos === 'AUX')
  );
}

export function extractClaims(text: string, opts: ExtractOptions = {}): ExtractResult {
  assertArticleText(text, opts.maxBytes);
  const cleaned = cleanArticle(text, { title: opts.title });
  const analysis = analyzeText(text);
  const spans = segmentSentences(text, analysis, cleaned.blocks);
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
  const body = spans.filter((_, i) => sentences[i]!.kind === 'body');
  const language = isEnglish(body.map((s) => text.slice(s.start, s.end)).join(' '))
    ? 'en'
    : 'other';
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

  const names = findNames(text, analysis, body);
  const nameOf = canonicalSpeaker(names);
  const quotes = new QuotationTracker();
  const memory: AttributionMemory = { recent: [], persons: { sentence: -1, names: [] } };
  const entities = analysis.entities;
  let e = 0;
  const candidates: Omit<ClaimCandidate, 'rank'>[] = [];
  body.forEach((span, bi) => {
    const sentence = text.slice(span.start, span.end);
    const words = analysis.tokens.slice(span.first, span.last + 1).filter((t) => t.pos !== 'SPACE');
    while (e < entities.length && entities[e]!.first < span.first) e++;
    const own = [];
    for (let k = e; k < entities.length && entities[k]!.first <= span.last; k++) {
      if (entities[k]!.last <= span.last) own.push(entities[k]!);
    }
    // Attribution runs on every body sentence so that "he added" can refer back to a quote.
    const found = findAttribution(text, analysis.tokens, span, bi, memory);
    const people = names[bi]!.filter((n) => n.type === 'person').map((n) => n.text);
    memory.persons = { sentence: bi, names: people };
    const attribution = found
      ? { speaker: nameOf(found.speaker), start: found.start, end: found.end, form: found.form }
      : null;
    const quote = quotes.next(span.block, sentence, attribution);
    if (!statesSomething(sentence, words) || !isEnglish(sentence, 8, 0.05)) return;
    const chips = entityChips(text, analysis, span, own, names[bi]!);
    const { score, signals } = scoreSentence(sentence, words, chips, found);
    if (score <= 0) return;
    const candidate: Omit<ClaimCandidate, 'rank'> = {
      id: `${span.start}-${span.end}`,
      sentence,
      start: span.start,
      end: span.end,
      claim: shortClaim(text, span.start, span.end, found),
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
  const claims = candidates
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .map((c, i) => ({ ...c, rank: i + 1 }));
  return { ...base, claims };
}
