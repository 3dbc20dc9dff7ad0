/**
 * The evidence.removed events of a board, oldest first, with the card and the evidence id each
 * names (listRemovedEvidence in SQLite). Served by the partial index history_evidence_removed
 * alone, which holds those events only (checked in test/server/storage/historyPlan.test.ts).
 *
 * Parameter: @board.
 */
export const REMOVED_EVIDENCE_SQL = `SELECT card_id, json_extract(data, '$.evidenceId') AS evidence_id
   FROM history INDEXED BY history_evidence_removed
   WHERE board_id = @board AND type = 'evidence.removed' ORDER BY seq`;
