/**
 * The board page's selection kept in this tab (keptSelection): put back once the board has
 * loaded, the cards no longer on it left out, and kept at each change while the person may act
 * on cards (a selection is theirs only then: BoardPage clears it otherwise, and what was kept
 * goes, so that a role that may act on cards again does not bring it back).
 */
import { useEffect, useRef } from 'react';
import type { BoardView } from '../../shared/board';
import { selectionKey } from '../sync/forgetBoardData';
import { boardForgotten } from '../sync/storageRefused';
import type { CardSelection } from './cardSelection';
import { storageKeptSelection } from './keptSelection';

export function useKeptSelection(
  selection: CardSelection,
  boardId: string,
  board: BoardView,
  loaded: boolean,
  canEdit: boolean,
): void {
  // Read when it loads: the board changes at every edit, which puts nothing back.
  const boardNow = useRef(board);
  boardNow.current = board;
  useEffect(() => {
    const kept = storageKeptSelection(
      // Nothing of a board another tab forgot is kept.
      () => (boardForgotten(boardId) ? null : window.sessionStorage),
      selectionKey(boardId),
    );
    // The selection BoardPage clears when the role may no longer act on cards goes from here
    // too: kept, it came back with the editor's role (found in review: a reviewer made an
    // editor again had the cards selected before, to act on, though they had not selected them).
    if (!canEdit) return kept.save([]);
    if (!loaded) return;
    return selection.keepIn(kept, (id) => boardNow.current.cards[id] !== undefined);
  }, [selection, boardId, loaded, canEdit]);
}
