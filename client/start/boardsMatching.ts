/**
 * The boards of "Your boards" that a search matches (StartPage): every word typed is somewhere
 * in the board's title or in the badge it shows (its role, or why it no longer opens), case and
 * accents not counting (foldName: "jose" finds "José"), nor invisible characters. A lead with
 * fifty boards finds "Presupuesto 2027" by "presu", and their boards as a reviewer by "review".
 */
import { foldName } from '../../shared/foldName';

export interface ListedBoard {
  readonly title: string;
  /** What the list shows beside the title: "Lead", "Invite no longer valid". */
  readonly badge: string;
}

/**
 * Invisible format characters (Unicode's Cf: a soft hyphen, a zero-width space, a direction
 * mark or isolate) count for nothing: a title pasted from a web page may hold one inside a word,
 * which "educacion" then did not find in "Edu\u00adcación".
 */
const INVISIBLE = /\p{Cf}/gu;
const fold = (text: string) => foldName(text).replace(INVISIBLE, '');

export function boardsMatching<B extends ListedBoard>(boards: readonly B[], query: string): B[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...boards];
  return boards.filter((b) => {
    const text = fold(`${b.title || 'Untitled board'}\n${b.badge}`);
    return words.every((w) => text.includes(w));
  });
}
