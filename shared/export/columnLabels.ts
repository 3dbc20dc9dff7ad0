import type { ColumnId } from '../board/schema';

/** Column names as people read them: on the board (client), in reports and spreadsheets. */
export const COLUMN_LABELS: Readonly<Record<ColumnId, string>> = Object.freeze({
  unverified: 'Unverified',
  corroborated: 'Corroborated',
  disputed: 'Disputed',
});
