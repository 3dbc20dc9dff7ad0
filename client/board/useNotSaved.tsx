import { useMemo } from 'react';
import { COLUMNS } from '../../shared/board';
import type { Role } from '../../shared/roles';
import type { BoardConnection, BoardSnapshot } from '../sync/BoardConnection';
import { cardsOf } from '../sync/SetAsideWork';
import type { UnsavedChange } from '../sync/unsavedWork';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import type { Columns } from './filterCards';
import { NotSaved } from './NotSaved';
import type { NotSavedState } from './NotSavedMark';
import { setAsideOffers } from './setAsideOffers';

const NO_NOT_SAVED: ReadonlyMap<string, NotSavedState> = new Map();

interface NotSavedOptions {
  readonly connection: BoardConnection;
  readonly snapshot: BoardSnapshot;
  readonly role: Role;
  /** The page shows this device's copy: the server refused it, or until the board reopens. */
  readonly refused: boolean;
  readonly reopening: boolean;
  /** The columns as shown (useMover), where focus goes on after the list is dismissed. */
  readonly shown: Columns;
  readonly run: (what: string, fn: () => void) => boolean;
  readonly announce: (text: string) => void;
  readonly reveal: (cardId: string, focus: boolean) => void;
}

/**
 * The changes the server refused on this page (BoardPage's "Not saved"): the list with what
 * may be sent again, and the cards it marks. Returns the list, shown under the header (or
 * alone, on a board the server refused before giving it), and each marked card's state.
 */
export function useNotSaved({
  connection,
  snapshot,
  role,
  refused,
  reopening,
  shown,
  run,
  announce,
  reveal,
}: NotSavedOptions) {
  const { board } = snapshot;
  // Read against the board the server has: nothing is offered before it has come.
  const offers = useMemo(
    () =>
      setAsideOffers(snapshot.loaded ? snapshot.setAside : [], board, connection.actor.id, role),
    [snapshot.loaded, snapshot.setAside, board, connection.actor.id, role],
  );
  const postAgain = (change: UnsavedChange) => {
    if (run('post the comment again', () => connection.postSetAsideComment(change.key))) {
      announce('Comment posted again.');
    }
  };
  const editAgain = (change: UnsavedChange) => {
    if (run('edit the comment again', () => connection.editSetAsideComment(change.key))) {
      announce('Comment edited again.');
    }
  };
  // The cards that show changes the server refused on this page, while it shows this device's
  // copy (refused, or until the board reopens): each is marked, and leads to its changes in
  // Not saved while they are listed. One map while nothing changes: the columns are memoised.
  const notSavedCards = useMemo((): ReadonlyMap<string, NotSavedState> => {
    if (!(refused || reopening) || snapshot.refusedCards.size === 0) return NO_NOT_SAVED;
    const listed = new Set(snapshot.setAside.flatMap(cardsOf));
    return new Map(
      [...snapshot.refusedCards].map((id) => [id, listed.has(id) ? 'listed' : 'dismissed']),
    );
  }, [refused, reopening, snapshot.refusedCards, snapshot.setAside]);
  // The list goes with its Dismiss button, which had focus: focus goes on, not to the page
  // (QA16 F1), to the first card on the board still marked "Not saved", else to the board.
  const dismissNotSaved = () => {
    connection.dismissSetAside();
    const marked = COLUMNS.flatMap((c) => shown[c]).find((id) => notSavedCards.has(id));
    if (marked) reveal(marked, true);
    else focusWhenRendered(() => document.getElementById('main'));
  };
  const notSaved = (
    <NotSaved
      changes={snapshot.setAside}
      offers={offers}
      onDismiss={dismissNotSaved}
      onPostAgain={postAgain}
      onEditAgain={editAgain}
      stillShown={refused && !!board.meta.title}
    />
  );
  return { notSaved, notSavedCards };
}
