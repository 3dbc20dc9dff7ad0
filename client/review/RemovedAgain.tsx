/**
 * Edits of an evidence item lost to a colleague's removal (lostWork's RemovedWithEdits)
 * whose item came back on its card (the remover's Undo) and has been removed again since: "Restore
 * mine" has become "Add it again", and the notice under the board's header and the card
 * dialog's copy of it (EvidenceEditor) both say why, in the same words.
 */
import { useRef } from 'react';
import type { BoardView } from '../../shared/board/view';
import type { LostEditNotice } from '../sync/LostEditNotices';

/**
 * The seqs of the notices whose item was seen back on its card and is not there now. Kept by
 * the board page, which sees the board while the card's dialog is closed: the dialog, opened
 * after the item went again, says it too.
 */
export function useRemovedAgain(
  notices: readonly LostEditNotice[],
  board: BoardView,
): ReadonlySet<number> {
  const seenBack = useRef(new Set<number>());
  const again = new Set<number>();
  for (const n of notices) {
    if (!('itemRemoved' in n)) continue;
    if (board.cards[n.cardId]?.evidence.some((e) => e.id === n.evidenceId)) {
      seenBack.current.add(n.seq);
    } else if (seenBack.current.has(n.seq)) again.add(n.seq);
  }
  return again;
}

/**
 * The sentence that says so, in a polite region of its own, there while empty: the notice it
 * ends is said once as it appears, and this is said once more, only when it comes.
 */
export function RemovedAgain({ again }: { again: boolean }) {
  return (
    <span role="status">
      {again &&
        ' It was put back since, and has been removed again: Add it again puts it back with your values.'}
    </span>
  );
}
