/**
 * listHistory on SQLite: a page of a board's (or a card's) events by keyset (historyPageSql),
 * oldest first, with whether there is more and, for a page walking back, how many events lie
 * before it.
 */
import type Database from 'better-sqlite3';
import {
  historyLimit,
  type HistoryPage,
  type HistoryQuery,
  type StoredHistoryEvent,
} from './Storage';
import { HISTORY_COUNT_SQL, HISTORY_PAGE_SQL } from './historyPageSql';

interface HistoryRow {
  seq: number;
  board_id: string;
  card_id: string | null;
  type: string;
  actor_id: string;
  actor_name: string;
  at: number;
  data: string;
}

const toHistory = (r: HistoryRow): StoredHistoryEvent => ({
  seq: r.seq,
  boardId: r.board_id,
  cardId: r.card_id,
  type: r.type,
  actor: { id: r.actor_id, name: r.actor_name },
  at: r.at,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

/** Reads on `db` as it is: the caller first moves pending batches into the tables. */
export function sqliteHistoryPages(
  db: Database.Database,
): (boardId: string, query: HistoryQuery) => HistoryPage {
  const q = {
    historyBoardForward: db.prepare(HISTORY_PAGE_SQL.boardForward),
    historyBoardBackward: db.prepare(HISTORY_PAGE_SQL.boardBackward),
    historyCardForward: db.prepare(HISTORY_PAGE_SQL.cardForward),
    historyCardBackward: db.prepare(HISTORY_PAGE_SQL.cardBackward),
    historyBoardBefore: db.prepare(HISTORY_COUNT_SQL.boardBefore),
    historyCardBefore: db.prepare(HISTORY_COUNT_SQL.cardBefore),
  };
  return (boardId, query) => {
    const limit = historyLimit(query);
    const forward = query.after !== undefined;
    const statement =
      query.cardId === undefined
        ? forward
          ? q.historyBoardForward
          : q.historyBoardBackward
        : forward
          ? q.historyCardForward
          : q.historyCardBackward;
    // One row past the limit tells whether there is more, without a count.
    const rows = statement.all({
      board: boardId,
      card: query.cardId,
      after: query.after ?? 0,
      before: query.before ?? Number.MAX_SAFE_INTEGER,
      limit: limit + 1,
    }) as HistoryRow[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    if (forward) return { events: page.map(toHistory), more };
    page.reverse();
    const first = page[0];
    const count = query.cardId === undefined ? q.historyBoardBefore : q.historyCardBefore;
    const older =
      more && first
        ? (count.get({ board: boardId, card: query.cardId, before: first.seq }) as { n: number }).n
        : 0;
    return { events: page.map(toHistory), more, older };
  };
}
