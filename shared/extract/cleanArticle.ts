// Finds the page furniture in a scraped article and its headline.
//
// Storage decision: the article text is stored exactly as received (after HTML reduction,
// for HTML input), and furniture is returned as ranges to leave out of claim extraction,
// not cut out of the text. Why:
// - offsets stay exact with no mapping step to get wrong: a sentence's start/end index the
//   stored text, which is also the pasted or uploaded text;
// - the furniture rules are heuristics: when one misfires on a body paragraph, nothing is
//   lost, because an editor can still select that passage and make a card of it;
// - the article view can hide or dim the ranges, and `cleanText` gives a reader view.
import { hasVisibleText } from '../visibleText';
import { clipText } from '../wellFormed';
import {
  blockFurnitureReason,
  bylineAuthor,
  ENDS_LIKE_SENTENCE,
  isBreadcrumbLine,
  isBylineLike,
  isAuthorNote,
  isHeadingLike,
  isProse,
  isTagList,
  stripBreadcrumb,
  trailingZoneReason,
  wordCount,
} from './furnitureRules';
import { markFigureLines } from './markFigureLines';
import { LIST_MARKER, splitBlocks, type TextBlock, type TextSpan } from './splitBlocks';
import type { Block, FurnitureRange } from './types';

export interface CleanedArticle {
  title: string;
  /** The text to store: the input, unchanged. All offsets index it. */
  text: string;
  blocks: Block[];
  /** Furniture ranges (in text order), left out of claim extraction. */
  removed: FurnitureRange[];
  /** Reader view: the body and headings without furniture. Display only: offsets do not index it. */
  cleanText: string;
}

export interface CleanOptions {
  /** A title supplied by the user or the HTML <title>; otherwise the headline is used. */
  title?: string;
  /** Furniture known from the source's markup (HTML footnote lists): its blocks are marked so. */
  furniture?: FurnitureRange[];
}

const MAX_TITLE = 200;

function stripMarkdownHeading(line: string): string {
  return line.replace(/^#{1,6}\s+/, '').trim();
}

/** The headline among the lines above the body: a repeated line, else the longest. */
function pickTitle(lines: string[]): string {
  const all = lines.map((l) => stripMarkdownHeading(stripBreadcrumb(l))).filter(hasVisibleText);
  // A list item is a summary's point ("• At least 4,000 homes flooded …", under "Key points"),
  // never the headline, which the lines hold elsewhere.
  const unlisted = all.filter((l) => !LIST_MARKER.test(l));
  const cleaned = unlisted.length > 0 ? unlisted : all;
  const seen = new Set<string>();
  for (const line of cleaned) {
    if (seen.has(line) && wordCount(line) >= 3) return line;
    seen.add(line);
  }
  return cleaned.reduce((best, l) => (wordCount(l) > wordCount(best) ? l : best), '');
}

function fallbackTitle(body: string): string {
  const firstLine = body.split('\n')[0] ?? '';
  if (firstLine.length <= 80) return firstLine;
  return `${clipText(firstLine, 80).replace(/\s+\S*$/, '')}…`;
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/** The block's text without the ad lines inside it (each with its line break). */
function withoutAds(raw: string, block: TextBlock): string {
  let out = '';
  let from = block.start;
  for (const ad of block.ads ?? []) {
    out += raw.slice(from, ad.start);
    from = raw[ad.end] === '\n' ? ad.end + 1 : ad.end;
  }
  return out + raw.slice(from, block.end);
}

export function cleanArticle(raw: string, opts: CleanOptions = {}): CleanedArticle {
  const split = splitBlocks(raw);
  const spans: TextSpan[] = split.map(({ start, end }) => ({ start, end }));
  const strings = spans.map((s) => raw.slice(s.start, s.end));
  const blocks: Block[] = spans.map((s) => ({ ...s, kind: 'body' }));
  const mark = (i: number, reason: Block['reason']) => {
    blocks[i] = { ...spans[i]!, kind: 'furniture', reason };
  };

  const proseIndexes = strings.flatMap((s, i) => (isProse(s) ? [i] : []));
  const firstBody =
    proseIndexes[0] ?? strings.findIndex((s) => ENDS_LIKE_SENTENCE.test(s) && wordCount(s) >= 3);

  // The byline's authors, above the body or below a standfirst, for their note at the end.
  const authors = strings.flatMap((s) => (wordCount(s) <= 10 ? (bylineAuthor(s) ?? []) : []));

  // Above the body: headline, its duplicates, breadcrumbs, bylines, notices. None is a claim.
  const headlines: string[] = [];
  for (let i = 0; i < Math.max(firstBody, 0); i++) {
    const line = strings[i]!;
    const reason = blockFurnitureReason(line);
    if (reason) mark(i, reason);
    else if (isBreadcrumbLine(line) && wordCount(line) <= 8) mark(i, 'breadcrumb');
    else if (stripBreadcrumb(line) !== line) {
      mark(i, 'breadcrumb'); // a trail glued to the headline: the headline part still counts
      headlines.push(line);
    } else if (isBylineLike(line)) mark(i, 'byline');
    else {
      mark(i, 'headline');
      headlines.push(line);
    }
  }

  const figures = markFigureLines(strings, spans);
  const knownFurniture = (block: TextSpan) =>
    opts.furniture?.find((r) => r.start <= block.start && block.end <= r.end)?.reason ?? null;
  // A trailing-zone heading ("Related content", "About us") ends the article, provided
  // most of the running text comes before it: a body section titled "About the program"
  // in the first half must not swallow the rest.
  let zone: Block['reason'] | null = null;
  const seen = new Set<string>();
  for (let i = Math.max(firstBody, 0); i < blocks.length; i++) {
    const line = strings[i]!;
    const key = normalise(line);
    const repeated = seen.has(key);
    seen.add(key);
    const zoneReason = trailingZoneReason(line);
    if (zoneReason && zone)
      zone = zoneReason; // "About us" after "Related content"
    else if (zoneReason) {
      const proseBefore = proseIndexes.filter((p) => p < i).length;
      if (proseBefore >= (proseIndexes.length * 2) / 3) zone = zoneReason;
    }
    if (zone) {
      mark(i, zone);
      continue;
    }
    const reason = blockFurnitureReason(line) ?? knownFurniture(spans[i]!);
    const proseBefore = proseIndexes.filter((p) => p < i).length;
    if (reason) mark(i, reason);
    else if (proseBefore >= (proseIndexes.length * 2) / 3 && isAuthorNote(line, authors)) {
      mark(i, 'byline');
    } else if (repeated) mark(i, 'repeated');
    else if (figures.has(i)) {
      const { titleBlock, ...figure } = figures.get(i)!;
      // A table's title is its caption or heading, not page furniture above it.
      const titled = titleBlock !== undefined && blocks[titleBlock]!.kind !== 'furniture';
      blocks[i] = {
        ...spans[i]!,
        kind: 'body',
        ...figure,
        ...(titled ? { title: spans[titleBlock]! } : {}),
      };
    } else if (isHeadingLike(line)) blocks[i] = { ...spans[i]!, kind: 'heading' };
  }
  // Tag lists ("Mining, Chile, Copper") only count below the last body paragraph.
  for (let i = blocks.length - 1; i >= 0 && blocks[i]!.kind !== 'body'; i--) {
    if (isTagList(strings[i]!)) mark(i, 'tags');
  }

  // An ad line inside a body block (a hard-wrapped sentence runs across it) is furniture too.
  const removed: FurnitureRange[] = blocks.flatMap((b, i) =>
    b.kind === 'furniture'
      ? [{ start: b.start, end: b.end, reason: b.reason! }]
      : (split[i]!.ads ?? []).map((ad) => ({ ...ad, reason: 'advertisement' as const })),
  );
  const cleanText = blocks
    .flatMap((b, i) => (b.kind === 'furniture' ? [] : [withoutAds(raw, split[i]!)]))
    .join('\n\n');
  // A given title that shows nothing (" \u200b ") is no title: the headline is used instead.
  const given = opts.title?.trim() ?? '';
  const title = clipText(
    (hasVisibleText(given) ? given : '') || pickTitle(headlines) || fallbackTitle(cleanText),
    MAX_TITLE,
  );
  return { title, text: raw, blocks, removed, cleanText };
}
