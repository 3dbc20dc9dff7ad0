/**
 * The passage of the article a DOM selection covers, as exact offsets into the stored text.
 * Every piece of article text in the view is an element carrying `data-start` and holding
 * exactly `text.slice(start, end)` (no extra characters), so an offset inside an element is
 * its `data-start` plus the length of the text before the point.
 */
import { LIMITS } from '../../shared/board/inputs';

export interface Passage {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The longest passage a card's source can quote (the board schema's limit). */
export const MAX_PASSAGE = LIMITS.claim * 5;

function pointOffset(container: Element, node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const piece = element?.closest<HTMLElement>('[data-start]');
  if (piece && container.contains(piece)) {
    const before = document.createRange();
    before.setStart(piece, 0);
    before.setEnd(node, offset);
    return Number(piece.dataset.start) + before.toString().length;
  }
  // A point between elements (e.g. at a paragraph's edge): the next piece's start, or the
  // end of the last one when the point is after them all.
  const pieces = container.querySelectorAll<HTMLElement>('[data-start]');
  for (const p of pieces) {
    const range = document.createRange();
    range.selectNodeContents(p);
    if (range.comparePoint(node, offset) <= 0) return Number(p.dataset.start);
  }
  const last = pieces[pieces.length - 1];
  return last ? Number(last.dataset.end) : null;
}

/** The selected passage inside `container`, trimmed; null when nothing there is selected. */
export function selectedPassage(container: Element, text: string): Passage | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer))
    return null;
  const from = pointOffset(container, range.startContainer, range.startOffset);
  const to = pointOffset(container, range.endContainer, range.endOffset);
  if (from === null || to === null || to <= from) return null;
  return trimmedPassage(text, from, to);
}

/** [start, end) without the white space at its edges; null when nothing is left. */
export function trimmedPassage(text: string, start: number, end: number): Passage | null {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  return { start: start + lead, end: start + lead + trimmed.length, text: trimmed };
}
