/**
 * A card's address (`/b/<boardId>?card=<cardId>`, router.cardAddress) opens its dialog on the
 * board page: the page opened at one (a link a colleague sent, a reload with the card open)
 * once the board has loaded, and Forward onto the entry of a card closed since. A card the
 * board does not have is told where the board tells things, and the address shows the board
 * alone, which stays open.
 */
import { useEffect, useState } from 'react';
import type { BoardView } from '../../shared/board';
import { cardInAddress, leaveCardAddress, onCardEntry } from '../app/router';

interface Wanted {
  readonly cardId: string;
  /** 'link': the page opened at the address; 'history': Back or Forward landed on it. */
  readonly by: 'link' | 'history';
}

const GONE = {
  link: 'The card this link names is not on the board: it was deleted, or the link is wrong.',
  history: 'That card is no longer on the board: it was deleted.',
} as const;

export function useCardAddress({
  boardId,
  board,
  loaded,
  serverSynced,
  openId,
  openCard,
  tell,
}: {
  boardId: string;
  board: BoardView;
  /** The board's content has arrived, from this device's copy or the server. */
  loaded: boolean;
  /** The server has given this page the board. */
  serverSynced: boolean;
  /** The card whose dialog is open. */
  openId: string | null;
  openCard: (cardId: string) => void;
  tell: (text: string) => void;
}): void {
  const [wanted, setWanted] = useState<Wanted | null>(() => {
    const cardId = cardInAddress();
    return cardId ? { cardId, by: 'link' } : null;
  });
  useEffect(
    () => onCardEntry(boardId, (cardId) => setWanted({ cardId, by: 'history' })),
    [boardId],
  );
  useEffect(() => {
    if (!wanted || !loaded) return;
    // Another card opened meanwhile (the link's was not on this device yet): the person has
    // gone on without it, and its entry is behind the open card's.
    if (openId !== null && openId !== wanted.cardId) return setWanted(null);
    if (board.cards[wanted.cardId]) {
      setWanted(null);
      if (openId === null) openCard(wanted.cardId);
      return;
    }
    // A card made since this device's copy of the board was saved is in the server's: a link
    // waits for it. A card that was open here was in this copy.
    if (wanted.by === 'link' && !serverSynced) return;
    setWanted(null);
    leaveCardAddress();
    tell(GONE[wanted.by]);
  }, [wanted, loaded, board, serverSynced, openId, openCard, tell]);
}
