/** Search and filters over the board's plain data; the columns stay in display order. */
import { COLUMNS, type BoardView, type CardView, type ColumnId } from '../../shared/board';

/** Marks "no value" in the speaker, verdict and assignee filters. */
export const NONE = '\u0000none';

export interface CardFilter {
  readonly text: string;
  /** A speaker's name, NONE for cards without one, or null for any. */
  readonly speaker: string | null;
  readonly verdict: string | null;
  /** An assignee's actor id, NONE, or null. */
  readonly assignee: string | null;
}

export const EMPTY_FILTER: CardFilter = Object.freeze({
  text: '',
  speaker: null,
  verdict: null,
  assignee: null,
});

export type Columns = Readonly<Record<ColumnId, readonly string[]>>;

export function isFilterActive(f: CardFilter): boolean {
  return f.text.trim() !== '' || f.speaker !== null || f.verdict !== null || f.assignee !== null;
}

const matchesValue = (want: string | null, have: string | null | undefined) =>
  want === null || (want === NONE ? !have : want === have);

export function matchesFilter(card: CardView, f: CardFilter): boolean {
  if (!matchesValue(f.speaker, card.speaker)) return false;
  if (!matchesValue(f.verdict, card.verdict)) return false;
  if (!matchesValue(f.assignee, card.assignee?.id)) return false;
  const words = f.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [card.claim, card.speaker ?? '', card.source?.sentence ?? '', card.verdict ?? '']
    .join('\n')
    .toLocaleLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** The board's columns with only matching cards; the same object when nothing is filtered. */
export function filterColumns(board: BoardView, f: CardFilter): Columns {
  if (!isFilterActive(f)) return board.columns;
  const out = {} as Record<ColumnId, readonly string[]>;
  for (const column of COLUMNS) {
    out[column] = board.columns[column].filter((id) => {
      const card = board.cards[id];
      return card !== undefined && matchesFilter(card, f);
    });
  }
  return out;
}

export interface FilterOptions {
  readonly speakers: readonly string[];
  readonly assignees: readonly { id: string; name: string }[];
}

/** The speakers and assignees present on the board, for the filter menus. */
export function filterOptions(board: BoardView): FilterOptions {
  const speakers = new Set<string>();
  const assignees = new Map<string, string>();
  for (const card of Object.values(board.cards)) {
    if (card.speaker) speakers.add(card.speaker);
    if (card.assignee) assignees.set(card.assignee.id, card.assignee.name);
  }
  return {
    speakers: [...speakers].sort((a, b) => a.localeCompare(b)),
    assignees: [...assignees]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
