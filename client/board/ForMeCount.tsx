import { useDeferredValue, useMemo } from 'react';
import type { BoardView } from '../../shared/board';
import { countCards, type ForMe } from './filterCards';

/**
 * The count on the "For me" button: cards assigned to the local user or with a mention of them
 * to answer. Counted in a render of its own, after the board is on screen: on 10,000 cards the
 * first count takes 10-20 ms, and a move or an edit should not wait for the badge. That render
 * is this component's alone: deferred in the board page, it rendered the whole page a second
 * time at every change of the board (a colleague's burst of changes on a 307-card board).
 */
export function ForMeCount({ board, forMe }: { board: BoardView; forMe: ForMe }) {
  const counted = useDeferredValue<BoardView | null>(board, null);
  const count = useMemo(() => (counted ? countCards(counted, forMe) : 0), [counted, forMe]);
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
