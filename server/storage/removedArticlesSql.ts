/**
 * The article.removed events of a board, oldest first, with the article id and the digests of
 * its text and of the whole article each names (listRemovedArticles in SQLite). Served by the
 * partial index
 * history_article_removed alone (checked in test/server/storage/historyPlan.test.ts).
 *
 * Parameter: @board.
 */
export const REMOVED_ARTICLES_SQL = `SELECT json_extract(data, '$.articleId') AS article_id,
     json_extract(data, '$.textDigest') AS text_digest,
     json_extract(data, '$.articleDigest') AS article_digest
   FROM history INDEXED BY history_article_removed
   WHERE board_id = @board AND type = 'article.removed' ORDER BY seq`;
