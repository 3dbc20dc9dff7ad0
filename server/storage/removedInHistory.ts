/**
 * What a board's history events record as removed, read in memory: the in-memory storage reads
 * all of its history so, and the SQLite storage the events still waiting in its pending log
 * (PendingBatches), where the tables answer with REMOVED_EVIDENCE_SQL and its siblings.
 */
import type { DeletedCardSource, HistoryEvent, RemovedArticle, RemovedEvidence } from './Storage';

type Events = readonly Pick<HistoryEvent, 'boardId' | 'type' | 'cardId' | 'data'>[];

/** The evidence.removed events of the board, in order. */
export function removedEvidenceIn(events: Events, boardId: string): RemovedEvidence[] {
  return events.flatMap(({ boardId: board, type, cardId, data }) =>
    board === boardId &&
    type === 'evidence.removed' &&
    cardId !== null &&
    typeof data.evidenceId === 'string'
      ? [{ cardId, evidenceId: data.evidenceId }]
      : [],
  );
}

/** The card.deleted events of the board that name their source's digest, in order. */
export function deletedCardSourcesIn(events: Events, boardId: string): DeletedCardSource[] {
  return events.flatMap(({ boardId: board, type, cardId, data }) =>
    board === boardId &&
    type === 'card.deleted' &&
    cardId !== null &&
    typeof data.sourceDigest === 'string'
      ? [{ cardId, sourceDigest: data.sourceDigest }]
      : [],
  );
}

/** The article.removed events of the board, in order. */
export function removedArticlesIn(events: Events, boardId: string): RemovedArticle[] {
  return events.flatMap(({ boardId: board, type, data }) =>
    board === boardId && type === 'article.removed' && typeof data.articleId === 'string'
      ? [
          {
            articleId: data.articleId,
            textDigest: typeof data.textDigest === 'string' ? data.textDigest : null,
            articleDigest: typeof data.articleDigest === 'string' ? data.articleDigest : null,
          },
        ]
      : [],
  );
}
