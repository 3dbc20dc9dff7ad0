// Splits text into blocks: the paragraphs and lines that no sentence may cross. Scraped
// pages put headings, teasers and buttons on lines of their own without final punctuation,
// and wink-nlp happily joins them to the next paragraph; splitting first keeps furniture
// and body apart. Hard-wrapped text (e-mail, Markdown at 72 columns) is re-joined so its
// sentences are not cut at every line end.

import { isAdLine } from './adLines';

export interface TextSpan {
  start: number;
  end: number;
}

export interface TextBlock extends TextSpan {
  /**
   * Ad lines inside the block, which a hard-wrapped sentence runs across: "… the",
   * "ADVERTISEMENT", "group said." is one block and one sentence, the ad line furniture.
   */
  ads?: TextSpan[];
}

const TERMINAL = /[.!?:;…"”’)\]]$/;
/** A bullet or a number opening a list item; a dash of dialogue ("—No hay…") is none. */
export const LIST_MARKER = /^([-*•+▪◦‣]|\d{1,3}[.)])\s+/;
/** A line of a pipe table ("| Police | $1.04bn |"). */
export const TABLE_ROW = /^\|.*\|$/;
const LOWER_START = /^[\p{Ll}(,;]/u;

function isTitleCase(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}

/** Lines of one paragraph wrapped at a fixed column have nearly equal lengths. */
function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1).map((l) => l.length);
  const max = Math.max(...body);
  return max <= 120 && body.every((len) => len >= 40 && len >= max - 30);
}

function isSoftBreak(prev: string, next: string, wrapped: boolean): boolean {
  if (LIST_MARKER.test(next) || TABLE_ROW.test(next) || TABLE_ROW.test(prev)) return false;
  // An ad's line is never part of the text around it (splitBlocks joins across it).
  if (isAdLine(prev) || isAdLine(next)) return false;
  if (LOWER_START.test(next)) return true;
  return wrapped && !TERMINAL.test(prev) && !isTitleCase(prev);
}

export function splitBlocks(text: string): TextBlock[] {
  const paragraphs: TextSpan[][] = [];
  let current: TextSpan[] = [];
  const linePattern = /[^\n]*/g;
  for (let m = linePattern.exec(text); m; m = linePattern.exec(text)) {
    const line = m[0];
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      const start = m.index + lead;
      current.push({ start, end: start + trimmed.length });
    }
    if (m.index + line.length >= text.length) break;
    linePattern.lastIndex = m.index + line.length + 1;
  }
  if (current.length > 0) paragraphs.push(current);

  const blocks: TextBlock[] = [];
  for (const lines of paragraphs) {
    const strings = lines.map((l) => text.slice(l.start, l.end));
    const wrapped = looksHardWrapped(strings.filter((l) => !isAdLine(l)));
    let block: TextBlock = { ...lines[0]! };
    for (let i = 1; i < lines.length; i++) {
      // Ad lines between two lines of one sentence, as a page copied as text keeps its ad
      // slots: the lines around them join as if they were not there.
      let after = i;
      while (after < lines.length && isAdLine(strings[after]!)) after++;
      const inside =
        after > i && after < lines.length && isSoftBreak(strings[i - 1]!, strings[after]!, wrapped);
      if (inside) {
        block = {
          ...block,
          end: lines[after]!.end,
          ads: [...(block.ads ?? []), ...lines.slice(i, after)],
        };
        i = after;
      } else if (isSoftBreak(strings[i - 1]!, strings[i]!, wrapped)) block.end = lines[i]!.end;
      else {
        blocks.push(block);
        block = { ...lines[i]! };
      }
    }
    blocks.push(block);
  }
  return blocks;
}
