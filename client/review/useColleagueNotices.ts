/**
 * Tells the local user when a colleague asks something of them (colleagueNotice): a notice
 * with the colleague's name and the card, read out by screen readers, and a way to the card.
 * The board as it first loads brings the mentions made since it was last on screen in this
 * browser (lastSeen): the first load may come from the device's copy or from the server,
 * whichever answers first, and either way the person hears of what came while they were away.
 */
import { useEffect, useRef } from 'react';
import type { BoardView } from '../../shared/board';
import { type ColleagueNotice, colleagueNotice, type NoticeReader } from './colleagueNotice';
import { lastSeen, recordSeen } from './lastSeen';

const NO_CARDS: BoardView['cards'] = Object.freeze({});

export function useColleagueNotices(
  boardId: string,
  board: BoardView,
  loaded: boolean,
  reader: NoticeReader,
  onNotice: (notice: ColleagueNotice) => void,
): void {
  const seen = useRef<BoardView['cards'] | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const before = seen.current;
    seen.current = board.cards;
    if (before === board.cards) return;
    const notice =
      before === null
        ? colleagueNotice(NO_CARDS, board, reader, lastSeen(boardId))
        : colleagueNotice(before, board, reader);
    if (before === null) recordSeen(boardId);
    if (notice) onNotice(notice);
  }, [boardId, board, loaded, reader, onNotice]);
}
