/**
 * A feed's events with the words of every comment the board marks redacted emptied, from the
 * moment the board syncs the redaction rather than when the feed next reads the history (400 ms
 * to 2.5 s later: refresher). The board's redactions are gathered once a board snapshot (only
 * the card's for a card's history), and the events mapped again only when there are any and
 * they changed; while no event changes, the events held come back as they are, so the lists
 * built from them are not built again.
 */
import { useMemo, useRef } from 'react';
import type { BoardView } from '../../shared/board/view';
import type { RedactedMark } from '../../shared/history/redactHistoryData';
import { applyBoardRedactions } from './applyRedactions';
import type { HistoryEvent } from './historyEvent';
import { redactedComments, sameRedactions } from './redactedComments';

export function useBoardRedactions(
  events: readonly HistoryEvent[] | null,
  board: BoardView,
  /** The card whose history it is; null for the board's. */
  cardId: string | null,
): readonly HistoryEvent[] | null {
  const last = useRef<ReadonlyMap<string, RedactedMark>>(new Map());
  const redacted = useMemo(() => {
    const now = redactedComments(board, cardId);
    if (!sameRedactions(now, last.current)) last.current = now;
    return last.current;
  }, [board, cardId]);
  return useMemo(() => events && applyBoardRedactions(events, redacted), [events, redacted]);
}
