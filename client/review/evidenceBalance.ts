/** The balance of a card's evidence: how many items support, refute or give context. */
import type { EvidenceView, Stance } from '../../shared/board/view';

export type EvidenceBalance = Readonly<Record<Stance, number>>;

export function evidenceBalance(
  evidence: readonly Pick<EvidenceView, 'stance'>[],
): EvidenceBalance {
  const balance = { supports: 0, refutes: 0, context: 0 };
  for (const item of evidence) {
    // A hostile peer may write any stance; only the three known ones count.
    if (Object.hasOwn(balance, item.stance)) balance[item.stance] += 1;
  }
  return balance;
}

const WORDS: readonly [Stance, string][] = [
  ['supports', 'supporting'],
  ['refutes', 'refuting'],
  ['context', 'context'],
];

/** "2 supporting, 1 refuting" (stances with no items are left out), or "No evidence". */
export function describeBalance(balance: EvidenceBalance): string {
  const parts = WORDS.filter(([stance]) => balance[stance] > 0).map(
    ([stance, word]) => `${balance[stance]} ${word}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'No evidence';
}
