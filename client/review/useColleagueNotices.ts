/**
 * Tells the local user when a colleague asks something of them (colleagueNotice): a notice
 * with the colleague's name and the card, read out by screen readers, and a way to the card.
 * The board as the server first gives it (`loaded`) brings what came since it was last on
 * screen in this browser (lastSeen): the mentions made since, and the cards given to them
 * since, which only the board's history dates and names the giver of (read back to when the
 * person was last here, up to 2,000 events; older givings, and on a device that has never
 * shown the board all but the latest 200 events, are left to "For me"). Changes after that
 * are news as they arrive. A card the person was checking that a colleague deleted is told once
 * the board's latest history names who deleted it (deletedBy); that read is the server's, made
 * after the deletion was stored (the server stores a change, with its history, before it
 * sends it on), and if it fails the notice says "was deleted" without a name.
 */
import { useEffect, useRef } from 'react';
import type { BoardView } from '../../shared/board';
import { fetchHistory, fetchHistorySince } from '../history/fetchHistory';
import {
  checkedCardsGone,
  type ColleagueNotice,
  type ColleagueRequest,
  colleagueNotice,
  deletedBy,
  deletionNotice,
  givenWhileAway,
  type NoticeReader,
} from './colleagueNotice';
import { lastSeen, recordSeen } from './lastSeen';

const NO_CARDS: BoardView['cards'] = Object.freeze({});
/** How long the first notice waits for the history before it tells the mentions alone. */
const HISTORY_WAIT_MS = 3_000;
/** The board's latest events read for who deleted a card: the deletion is among the newest. */
const DELETIONS_READ = 200;

export function useColleagueNotices(
  access: { readonly id: string; readonly token: string },
  board: BoardView,
  loaded: boolean,
  reader: NoticeReader,
  onNotice: (notice: ColleagueNotice) => void,
  /** Whether the board's latest change was this page's own (its own deletion tells itself). */
  lastChangeOwn: () => boolean,
): void {
  const seen = useRef<BoardView['cards'] | null>(null);
  /** The board now: a card back (an Undo, a restore) before its deleter is known is no news. */
  const latest = useRef(board.cards);
  latest.current = board.cards;
  const { id: boardId, token } = access;
  useEffect(() => {
    if (!loaded) return;
    const before = seen.current;
    seen.current = board.cards;
    if (before === board.cards) return;
    if (before !== null) {
      const notice = colleagueNotice(before, board, reader);
      if (notice) onNotice(notice);
      const gone = lastChangeOwn() ? [] : checkedCardsGone(before, board, reader);
      if (gone.length === 0) return;
      fetchHistory(boardId, token, { cardId: null, limit: DELETIONS_READ })
        .then(
          (page) => deletedBy(page.events, gone),
          () => deletedBy([], gone),
        )
        .then((named) => {
          const told = deletionNotice(
            named.filter((g) => !latest.current[g.card.id]),
            reader,
          );
          if (told) onNotice(told);
        });
      return;
    }
    const since = lastSeen(boardId);
    recordSeen(boardId);
    let told = false;
    const tell = (given: readonly ColleagueRequest[]) => {
      if (told) return;
      told = true;
      const notice = colleagueNotice(NO_CARDS, board, reader, since, given);
      if (notice) onNotice(notice);
    };
    const timer = setTimeout(() => tell([]), HISTORY_WAIT_MS);
    fetchHistorySince(boardId, token, since, { maxPages: Number.isFinite(since) ? 10 : 1 })
      .then(
        (events) => tell(givenWhileAway(events, board, reader.meId, since)),
        () => tell([]),
      )
      .finally(() => clearTimeout(timer));
  }, [boardId, token, board, loaded, reader, onNotice, lastChangeOwn]);
}
