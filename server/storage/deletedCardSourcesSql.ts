/**
 * The card.deleted events of a board that name the digest of the deleted card's source, oldest
 * first (listDeletedCardSources in SQLite). Served by the partial index history_card_deleted
 * alone (checked in test/server/storage/historyPlan.test.ts).
 *
 * Parameter: @board.
 */
export const DELETED_CARD_SOURCES_SQL = `SELECT card_id,
     json_extract(data, '$.sourceDigest') AS source_digest
   FROM history INDEXED BY history_card_deleted
   WHERE board_id = @board AND type = 'card.deleted' ORDER BY seq`;
