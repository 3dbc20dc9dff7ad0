/**
 * How a room loads its board from storage: the content into the doc (quietly: loading is no
 * one's change), and what the room's checks read beside it (invites, client-id bindings, the
 * history's digests), then the history observer that records each turn's changes into its
 * batch. Its own file so that Room's ready gate (Room.ready, drain) reads as one await.
 */
import type * as Y from 'yjs';
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import { migrateBoard, schemaVersionOf } from '../../shared/board/migrate';
import { ROOT_NAMES, SCHEMA_VERSION } from '../../shared/board/schema';
import { actorOf, eventsFor } from '../audit/attribution';
import type { DeletedPlaces } from '../audit/DeletedPlaces';
import { observeHistory } from '../audit/observeHistory';
import { applyStoredContent, dropPending } from '../storage/applyStoredContent';
import { withoutUpdateEvents } from '../../shared/yjs/withoutUpdateEvents';
import type { BoardInvites } from './BoardInvites';
import { ClientBindings } from './ClientBindings';
import type { HistoryDigests } from './HistoryDigests';
import type { RoomDeps } from './Room';
import type { Batch, Job } from './RoomBatch';
import type { RoomCompaction } from './RoomCompaction';
import { earliestTime } from './writeTimes';

const LOAD = Symbol('load');

/** The room's own dependencies it shares, and what of the room the load fills. */
export interface LoadInto extends Pick<RoomDeps, 'boardId' | 'storage' | 'log'> {
  readonly doc: Y.Doc;
  readonly invites: BoardInvites;
  readonly historyDigests: HistoryDigests;
  readonly deletedPlaces: DeletedPlaces;
  readonly compaction: RoomCompaction;
  /** The turn's batch while a turn runs, which the history observer fills. */
  readonly batch: () => Batch | null;
}

/** What the room keeps of the load. */
export interface LoadedRoom {
  readonly bindings: ClientBindings;
  readonly lastSeq: number;
  /** The earliest time a client's write may carry (writeTimes); -Infinity without a board. */
  readonly earliestTime: number;
  /** Stops the history observer. */
  readonly stopHistory: () => void;
  /** The board's migration to this layout, to run before anything else (migrationOf). */
  readonly migration: Job | null;
}

export async function loadRoom(into: LoadInto): Promise<LoadedRoom> {
  const { storage, boardId, log, doc, invites, deletedPlaces } = into;
  const [content, stored, invitesList, removedEvidence, removedArticles, deletedSources, board] =
    await Promise.all([
      storage.loadContent(boardId),
      storage.listClientBindings(boardId),
      storage.listInvites(boardId),
      storage.listRemovedEvidence(boardId),
      storage.listRemovedArticles(boardId),
      storage.listDeletedCardSources(boardId),
      storage.getBoard(boardId),
    ]);
  invites.load(invitesList);
  into.historyDigests.load(removedArticles, deletedSources);
  // Loading what is stored emits nothing to store or broadcast, and is no one's history: with
  // the 'update' listener and the history observer attached, a 10,000-card board (17 MB)
  // took 1,050-2,200 ms to load instead of 790-810 ms, all of it on the event loop.
  const skipped = withoutUpdateEvents(doc, () => applyStoredContent(doc, content, LOAD));
  if (skipped > 0) log('warn', 'skipped stored updates that do not apply', { boardId, skipped });
  dropPending(doc);
  const bindings = new ClientBindings(stored);
  const stopHistory = observeHistory(
    doc,
    (drafts, origin) => {
      const actor = actorOf(origin);
      const batch = into.batch();
      const places = deletedPlaces.take();
      if (!actor || !batch) return;
      for (const d of drafts.flatMap((draft) => eventsFor(draft, origin))) {
        // A value a crossing write replaced is recorded in its own writer's name.
        const { actor: writer, ...event } = d;
        batch.history.push({ boardId, ...event, actor: writer ?? actor, at: batch.at });
      }
      batch.places.push(...places);
    },
    removedEvidence,
    (clientId) => {
      const inviteId = bindings.ownerOf(clientId);
      return inviteId === undefined ? null : invites.actor(inviteId);
    },
    deletedPlaces,
  );
  into.compaction.loaded(content);
  return {
    bindings,
    lastSeq: content.lastSeq,
    earliestTime: board ? earliestTime(doc, board.createdAt) : -Infinity,
    stopHistory,
    migration: migrationOf(doc, into),
  };
}

/**
 * A board stored in an older layout (B10) is migrated before anything else runs, as a change
 * of the system's, stored and broadcast like any other. An empty doc is left alone: a new
 * board gets its layout from initBoard.
 */
function migrationOf(doc: Y.Doc, { log, boardId }: Pick<RoomDeps, 'log' | 'boardId'>): Job | null {
  if (schemaVersionOf(doc) >= SCHEMA_VERSION) return null;
  if (ROOT_NAMES.every((name) => doc.getMap(name).size === 0)) return null;
  return {
    kind: 'change',
    actor: SYSTEM_ACTOR,
    options: {},
    fn: (d) => migrateBoard(d, { actor: SYSTEM_ACTOR }),
    settle: {
      resolve: () => log('info', 'migrated the board layout', { boardId, to: SCHEMA_VERSION }),
      reject: (error) => log('error', 'migrating the board failed', { boardId, error }),
    },
  };
}
