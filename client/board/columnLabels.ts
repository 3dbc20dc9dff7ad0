import type { ColumnId } from '../../shared/board';

export const COLUMN_LABELS: Record<ColumnId, string> = {
  unverified: 'Unverified',
  corroborated: 'Corroborated',
  disputed: 'Disputed',
};
