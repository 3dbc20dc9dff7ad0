/**
 * The boards of "Your boards" that a search matches (StartPage): every word typed is somewhere
 * in the board's title or in the badge it shows (its role, or why it no longer opens), case and
 * accents not counting (foldName: "jose" finds "José"). A lead with fifty boards finds
 * "Presupuesto 2027" by "presu", and their boards as a reviewer by "review".
 */
import { foldName } from '../../shared/foldName';

export interface ListedBoard {
  readonly title: string;
  /** What the list shows beside the title: "Lead", "Invite no longer valid". */
  readonly badge: string;
}

export function boardsMatching<B extends ListedBoard>(boards: readonly B[], query: string): B[] {
  const words = foldName(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...boards];
  return boards.filter((b) => {
    const text = foldName(`${b.title || 'Untitled board'}\n${b.badge}`);
    return words.every((w) => text.includes(w));
  });
}
