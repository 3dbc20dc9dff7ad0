import { closeBidi } from '../../shared/export/closeBidi';

/**
 * The browser tab's title on a board: the board's, then ours. The board's title is a person's
 * text, with what it leaves open of right-to-left overrides closed (closeBidi): an unclosed
 * U+202E in it would reverse " · Factboard" after it (found by QA: "Prisons \u202Eevil").
 */
export function pageTitle(boardTitle: string): string {
  return `${closeBidi(boardTitle || 'Board')} · Factboard`;
}
