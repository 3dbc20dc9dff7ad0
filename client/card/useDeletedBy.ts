import { useEffect, useRef, useState } from 'react';
import type { CardView } from '../../shared/board';
import { answerWithin } from '../ui/answerWithin';

export interface DeletedBy {
  /** Whether the answer is in: the dialog says who only once, so it is read out once. */
  readonly settled: boolean;
  /** The deleter's name; null when the history does not say, or the reader deleted it. */
  readonly name: string | null;
}

const PENDING: DeletedBy = { settled: false, name: null };

/**
 * Who deleted the card a dialog shows, once it is gone: only the board's history names a
 * deleter (Yjs does not), so it is read then, as the focus moving on from a deleted card
 * reads it (deleterName). The first answer stays: a name that comes after the wait is not
 * shown, or the alert that says it would be read out twice.
 */
export function useDeletedBy(
  card: CardView | null,
  deleterName: (card: CardView) => Promise<string | null>,
): DeletedBy {
  const last = useRef(card);
  if (card) last.current = card;
  const gone = card === null;
  const [state, setState] = useState<DeletedBy>(PENDING);
  useEffect(() => {
    setState(PENDING);
    const was = last.current;
    if (!gone) return;
    if (!was) {
      setState({ settled: true, name: null });
      return;
    }
    // Within NAME_WAIT_MS, else "A colleague" (offline, say).
    return answerWithin(deleterName(was), (name) => setState({ settled: true, name }));
  }, [gone, deleterName]);
  return gone ? state : PENDING;
}
