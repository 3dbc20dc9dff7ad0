/**
 * Tells the local user when a colleague asks something of them (colleagueNotice): a notice
 * with the colleague's name and the card, read out by screen readers, and a way to the card.
 * The board as the server first gives it (`loaded`) brings what came since it was last on
 * screen in this browser (lastSeen): the mentions made since, and the cards given to them
 * since, which only the board's history dates and names the giver of (read back to when the
 * person was last here, up to 2,000 events; older givings, and on a device that has never
 * shown the board all but the latest 200 events, are left to "For me"). Changes after that
 * are news as they arrive. Cards the person was checking that colleagues deleted meanwhile are
 * told by the same read (deletedWhileAway): whose a card was then comes from the history, or
 * from this device's copy of the board as it loaded before the server's sync (`board` while
 * not yet `loaded`), for cards given before the person left, which that read does not reach.
 * The copy loads first as a rule (IndexedDB needs no round trip to the server); should the
 * server's sync come first, only the history's givings are known. A card the person was checking that a colleague deleted is told once
 * the board's latest history names who deleted it (deletedBy); that read is the server's, made
 * after the deletion was stored (the server stores a change, with its history, before it
 * sends it on), and if it fails the notice says "was deleted" without a name. Such a card
 * coming back (a restore, an Undo) is told as back, not as a card given to them. A card whose
 * verdict stops fitting its column as a colleague's change arrives is told, by the same read of
 * the history, to the person whose own move or verdict it crossed (crossedVerdictNotice), read
 * once this page's own changes are stored (useWhenSaved): their half, made offline, reaches the
 * server as the connection returns, when the colleague's half may already have arrived here.
 */
import { useEffect, useRef } from 'react';
import type { BoardView, CardView } from '../../shared/board';
import { type ChangedCards, changedFrom } from '../board/changedCards';
import { fetchHistorySince } from '../history/fetchHistory';
import { latestEvents } from '../history/latestEvents';
import {
  checkedCardsGone,
  type ColleagueNotice,
  type ColleagueRequest,
  colleagueNotice,
  deletedBy,
  deletedWhileAway,
  deletionNotice,
  givenWhileAway,
  type NoticeReader,
  noticesTogether,
  returnNotice,
} from './colleagueNotice';
import { crossedVerdictNotice, newlyMisfit } from './crossedVerdictNotice';
import { lastSeen, recordSeen } from './lastSeen';
import { useWhenSaved } from './useWhenSaved';

const NO_CARDS: BoardView['cards'] = Object.freeze({});
/** How long the first notice waits for the history before it tells the mentions alone. */
const HISTORY_WAIT_MS = 3_000;

/** `cards`' current objects for those of `some`. */
const pick = (cards: BoardView['cards'], some: readonly CardView[]): BoardView['cards'] =>
  Object.fromEntries(some.map((card) => [card.id, cards[card.id]!]));

/**
 * The notice for cards the person was checking that were deleted, once the board's latest
 * history has named who deleted them (nobody if it cannot be read), leaving out those that
 * came back meanwhile (`stillGone`).
 */
async function tellDeletions(
  access: { readonly id: string; readonly token: string },
  cards: readonly CardView[],
  reader: NoticeReader,
  stillGone: (cardId: string) => boolean,
): Promise<ColleagueNotice | null> {
  const events = await latestEvents(access);
  const named = deletedBy(events, cards).filter((gone) => stillGone(gone.card.id));
  return deletionNotice(named, reader);
}

export function useColleagueNotices(
  access: { readonly id: string; readonly token: string },
  board: BoardView,
  loaded: boolean,
  reader: NoticeReader,
  onNotice: (notice: ColleagueNotice) => void,
  /** Whether a card's latest change was this page's own (its own deletion tells itself). */
  lastChangeOwn: (cardId: string) => boolean,
  /** Whether the server has stored every change made on this page (BoardSnapshot.unsaved). */
  allSaved: boolean,
  /** Which cards changed between two boards (BoardConnection.changedCards). */
  changedCards: ChangedCards,
): void {
  const whenSaved = useWhenSaved(allSaved);
  const seen = useRef<BoardView | null>(null);
  /** The board from this device's copy (IndexedDB) before the server's sync; empty without. */
  const onDevice = useRef<BoardView['cards']>(NO_CARDS);
  /**
   * The board now: a card back (an Undo, a restore) before its deleter is known is no news, nor
   * a card whose verdict was put right before who crossed it is known.
   */
  const latest = useRef(board);
  latest.current = board;
  /** The cards the person was checking when they were deleted, until they come back. */
  const deleted = useRef(new Map<string, CardView>());
  /**
   * Every card that left the board, until it comes back (an Undo, a restore): its comments
   * then are the ones it had, and a mention or a reply among them is no news again.
   */
  const left = useRef(new Set<string>());
  const { id: boardId, token } = access;
  useEffect(() => {
    if (!loaded) {
      onDevice.current = board.cards;
      return;
    }
    const previous = seen.current;
    seen.current = board;
    if (previous?.cards === board.cards) return;
    if (previous !== null) {
      const before = previous.cards;
      // Gone, left and misfit cards are among those the change touched: only they are looked at.
      const changed = changedFrom(previous, board, changedCards);
      const theirs = (card: CardView) => !lastChangeOwn(card.id);
      const gone = checkedCardsGone(changed, board, reader.meId);
      for (const card of gone) deleted.current.set(card.id, card);
      // A card back after its deletion is told as such (returnNotice), not read as a new card
      // someone gave them (its earlier object is gone from `before`).
      const back = [...deleted.current.values()].filter((card) => board.cards[card.id]);
      for (const card of back) deleted.current.delete(card.id);
      const returned = returnNotice(back.filter(theirs), board, reader);
      for (const id in changed) if (!board.cards[id]) left.current.add(id);
      const again = [...left.current].flatMap((id) => board.cards[id] ?? []);
      for (const card of again) left.current.delete(card.id);
      const known = again.length === 0 ? before : { ...before, ...pick(board.cards, again) };
      const notice = noticesTogether(colleagueNotice(known, board, reader), returned);
      if (notice) onNotice(notice);
      // Own changes (an Undo that takes a card back past a colleague's verdict) say so themselves.
      const misfit = newlyMisfit(changed, board, reader).filter(theirs);
      if (misfit.length > 0) {
        void whenSaved()
          .then(() => latestEvents({ id: boardId, token }))
          .then((events) => {
            const crossed = crossedVerdictNotice(misfit, events, latest.current, reader);
            if (crossed) onNotice(crossed);
          });
      }
      // A card whose dialog is open, or that has focus, is said deleted there.
      const told = gone.filter((card) => theirs(card) && !reader.following?.(card.id, 'deleted'));
      if (told.length === 0) return;
      void tellDeletions(
        { id: boardId, token },
        told,
        reader,
        (id) => !latest.current.cards[id],
      ).then((deletion) => deletion && onNotice(deletion));
      return;
    }
    const since = lastSeen(boardId);
    recordSeen(boardId);
    let told = false;
    /** The mentions' notice (once), with the deletions' when the history brings both. */
    const tell = (given: readonly ColleagueRequest[], deletion: ColleagueNotice | null = null) => {
      const mentions = told ? null : colleagueNotice(NO_CARDS, board, reader, since, given);
      told = true;
      const notice = noticesTogether(mentions, deletion);
      if (notice) onNotice(notice);
    };
    const timer = setTimeout(() => tell([]), HISTORY_WAIT_MS);
    const device = onDevice.current;
    fetchHistorySince(boardId, token, since, { maxPages: Number.isFinite(since) ? 10 : 1 })
      .then(
        (events) => {
          const gone = deletedWhileAway(events, latest.current, device, reader.meId, since);
          const deletion = deletionNotice(gone, reader, true);
          tell(givenWhileAway(events, board, reader.meId, since), deletion);
        },
        // Without the history, no deletion is told: one is never guessed.
        () => tell([]),
      )
      .finally(() => clearTimeout(timer));
  }, [boardId, token, board, loaded, reader, onNotice, lastChangeOwn, whenSaved, changedCards]);
}
