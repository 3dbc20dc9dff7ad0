import type { Stance } from '../../shared/board/view';

/** How each stance reads in the review UI, in the order the form offers them. */
export const STANCE_LABELS: Readonly<Record<Stance, string>> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
};
