import { useDeferredValue, useMemo, useRef } from 'react';
import type { BoardView } from '../../shared/board';
import type { ChangedCards } from './changedCards';
import { type ForMe, type KeptCount, keepCount } from './filterCards';

/**
 * The count on the "For me" button: cards assigned to the local user or with a mention of them
 * to answer. Counted in a render of its own, after the board is on screen: on 10,000 cards the
 * first count takes 10-20 ms, and a move or an edit should not wait for the badge. That render
 * is this component's alone: deferred in the board page, it rendered the whole page a second
 * time at every change of the board (a colleague's burst of changes on a 307-card board).
 * After the first count, a change recounts only the cards it changed (keepCount).
 */
export function ForMeCount({
  board,
  forMe,
  changedCards,
}: {
  board: BoardView;
  forMe: ForMe;
  changedCards: ChangedCards;
}) {
  const counted = useDeferredValue<BoardView | null>(board, null);
  const kept = useRef<KeptCount | null>(null);
  const count = useMemo(() => {
    if (!counted) return 0;
    kept.current = keepCount(kept.current, counted, forMe, changedCards);
    return kept.current.count;
  }, [counted, forMe, changedCards]);
  return (
    <>
      <span className="for-me-count">{count}</span>
      <span className="visually-hidden">
        {' '}
        {count === 1 ? 'card' : 'cards'} assigned to you or with a mention to answer
      </span>
    </>
  );
}
