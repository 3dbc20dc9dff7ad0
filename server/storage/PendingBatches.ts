/**
 * A board's batches that wait in the pending log because they cannot move into the tables (a
 * full disk): what the SQLite storage's reads of that board add to what the tables hold, in
 * memory and in the order the flush will store them, so that the board loads whole (its
 * content, client-id bindings, what its history records as removed, the places of what its
 * deletions took) and nothing is stored twice. Found by QA: such a board could not be opened
 * until space was freed (4507), though the server held every byte of it.
 */
import { findDeletedPlace, type HeldStruct } from './findDeletedPlace';
import type { PendingRecord } from './pendingLog';
import { deletedCardSourcesIn, removedArticlesIn, removedEvidenceIn } from './removedInHistory';
import type {
  ClientBinding,
  DeletedCardSource,
  DeletedPlacesRecord,
  HistoryEvent,
  RemovedArticle,
  RemovedEvidence,
  StoredContent,
  StructId,
} from './Storage';

export class PendingBatches {
  private readonly history: readonly HistoryEvent[];

  /** `records`: the board's own, oldest first. */
  constructor(
    private readonly boardId: string,
    private readonly records: readonly PendingRecord[],
  ) {
    this.history = records.flatMap((r) => r.batch.history);
  }

  /** The tables' content followed by the batches' updates (those stored by `at`, if given). */
  content(stored: StoredContent, at = Infinity): StoredContent {
    const updates = [...stored.updates];
    let { lastSeq } = stored;
    for (const { firstSeq, batch } of this.records) {
      if (batch.at > at || batch.updates.length === 0) continue;
      updates.push(...batch.updates);
      lastSeq = firstSeq + batch.updates.length - 1;
    }
    return {
      snapshot: stored.snapshot,
      updates,
      lastSeq,
      updatesSinceSnapshot: stored.updatesSinceSnapshot + updates.length - stored.updates.length,
    };
  }

  /** As the flush binds them: a client id bound already keeps its invite. */
  bindings(stored: readonly ClientBinding[]): ClientBinding[] {
    const bound = new Set(stored.map((b) => b.clientId));
    const added = this.records
      .flatMap((r) => r.batch.bindings)
      .filter((b) => !bound.has(b.clientId) && bound.add(b.clientId));
    return [...stored, ...added];
  }

  removedEvidence(stored: readonly RemovedEvidence[]): RemovedEvidence[] {
    return [...stored, ...removedEvidenceIn(this.history, this.boardId)];
  }

  deletedCardSources(stored: readonly DeletedCardSource[]): DeletedCardSource[] {
    return [...stored, ...deletedCardSourcesIn(this.history, this.boardId)];
  }

  removedArticles(stored: readonly RemovedArticle[]): RemovedArticle[] {
    return [...stored, ...removedArticlesIn(this.history, this.boardId)];
  }

  /**
   * The place of each id the tables found none for, from the batches' deletions: a struct is
   * deleted once, so the two never both hold it.
   */
  places(
    ids: readonly StructId[],
    foundIn: (id: StructId) => DeletedPlacesRecord | null,
  ): DeletedPlacesRecord[] {
    const held: HeldStruct[] = this.records.flatMap((r) =>
      (r.batch.places ?? []).flatMap(({ holder, structs }) =>
        structs.map((struct) => ({ struct, holder })),
      ),
    );
    return ids.flatMap((id) => foundIn(id) ?? findDeletedPlace(held, id) ?? []);
  }
}
