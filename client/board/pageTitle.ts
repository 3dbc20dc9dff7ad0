import { inertBidi } from '../../shared/export/inertBidi';

/**
 * The browser tab's title on a board: the board's, then ours. The board's title is a person's
 * text, with each direction control in it closed where it stands (inertBidi), as every text of
 * the app and its exports: an unclosed U+202E in it would reverse " · Factboard" after it (found
 * by QA: "Prisons \u202Eevil"), and one closed at the title's end the rest of the title.
 */
export function pageTitle(boardTitle: string): string {
  return `${inertBidi(boardTitle || 'Board')} · Factboard`;
}
