/**
 * The keyset queries behind listHistory in SQLite: one per filter (board, or board and card)
 * and direction. Each is served by an index with no sort step (EXPLAIN QUERY PLAN: SEARCH …
 * USING INDEX, checked in test/server/storage/historyPlan.test.ts). INDEXED BY pins the index:
 * without statistics the planner took history_board for a card's page too, which walks every
 * event of the board to find that card's.
 *
 * Parameters: @board, @card (card queries), @after and @before (exclusive bounds), @limit.
 */
const page = (index: string, filter: string, order: 'ASC' | 'DESC') =>
  `SELECT * FROM history INDEXED BY ${index} WHERE board_id = @board ${filter}
   AND seq > @after AND seq < @before ORDER BY seq ${order} LIMIT @limit`;

export const HISTORY_PAGE_SQL = {
  boardForward: page('history_board', '', 'ASC'),
  boardBackward: page('history_board', '', 'DESC'),
  cardForward: page('history_card', 'AND card_id = @card', 'ASC'),
  cardBackward: page('history_card', 'AND card_id = @card', 'DESC'),
} as const;

/**
 * How many of a board's (or a card's) events lie before a seq: what a page walking back tells
 * of the history beyond it, so a reader knows the whole list's length without loading it. A
 * count over the same index's range (a covering index: no table row is read).
 */
const before = (index: string, filter: string) =>
  `SELECT COUNT(*) AS n FROM history INDEXED BY ${index} WHERE board_id = @board ${filter}
   AND seq < @before`;

export const HISTORY_COUNT_SQL = {
  boardBefore: before('history_board', ''),
  cardBefore: before('history_card', 'AND card_id = @card'),
} as const;
