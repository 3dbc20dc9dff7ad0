/**
 * What SQLite holds of what was removed from a board, as the Storage methods give it: evidence
 * removed, deleted cards' sources and removed articles (from its history, by their partial
 * indexes), and the place a deleted struct held (deleted_structs). Rows only: createSqliteStorage
 * adds what still waits in the pending log (PendingBatches).
 */
import type Database from 'better-sqlite3';
import { DELETED_CARD_SOURCES_SQL } from './deletedCardSourcesSql';
import { REMOVED_ARTICLES_SQL } from './removedArticlesSql';
import { REMOVED_EVIDENCE_SQL } from './removedEvidenceSql';
import type {
  DeletedCardSource,
  DeletedHolder,
  DeletedPlacesRecord,
  RemovedArticle,
  RemovedEvidence,
  StructId,
} from './Storage';

export function sqliteRemovals(db: Database.Database) {
  const q = {
    // The struct starting at or before the clock: the id is in it if it is long enough.
    findStruct: db.prepare(
      `SELECT s.clock, s.length, s.key, h.data FROM deleted_structs s
       JOIN deleted_holders h ON h.id = s.holder
       WHERE s.board_id = ? AND s.client_id = ? AND s.clock <= ?
       ORDER BY s.clock DESC LIMIT 1`,
    ),
    removedEvidence: db.prepare(REMOVED_EVIDENCE_SQL),
    removedArticles: db.prepare(REMOVED_ARTICLES_SQL),
    deletedCardSources: db.prepare(DELETED_CARD_SOURCES_SQL),
  };
  return {
    removedEvidence(boardId: string): RemovedEvidence[] {
      const rows = q.removedEvidence.all({ board: boardId }) as {
        card_id: string | null;
        evidence_id: unknown;
      }[];
      return rows.flatMap((r) =>
        r.card_id !== null && typeof r.evidence_id === 'string'
          ? [{ cardId: r.card_id, evidenceId: r.evidence_id }]
          : [],
      );
    },
    deletedCardSources(boardId: string): DeletedCardSource[] {
      const rows = q.deletedCardSources.all({ board: boardId }) as {
        card_id: string | null;
        source_digest: unknown;
      }[];
      return rows.flatMap((r) =>
        r.card_id !== null && typeof r.source_digest === 'string'
          ? [{ cardId: r.card_id, sourceDigest: r.source_digest }]
          : [],
      );
    },
    /** The deleted struct that holds `id`, with what held it; null for none. */
    deletedPlace(boardId: string, { client, clock }: StructId): DeletedPlacesRecord | null {
      const row = q.findStruct.get(boardId, client, clock) as
        { clock: number; length: number; key: string | null; data: string } | undefined;
      if (!row || row.clock + row.length <= clock) return null;
      const holder = JSON.parse(row.data) as DeletedHolder;
      return {
        holder,
        structs: [{ client, clock: row.clock, length: row.length, key: row.key }],
      };
    },
    removedArticles(boardId: string): RemovedArticle[] {
      const rows = q.removedArticles.all({ board: boardId }) as {
        article_id: unknown;
        text_digest: unknown;
        article_digest: unknown;
      }[];
      return rows.flatMap((r) =>
        typeof r.article_id === 'string'
          ? [
              {
                articleId: r.article_id,
                textDigest: typeof r.text_digest === 'string' ? r.text_digest : null,
                articleDigest: typeof r.article_digest === 'string' ? r.article_digest : null,
              },
            ]
          : [],
      );
    },
  };
}
