/**
 * How a room runs a write against its doc within a turn: a client's update is checked (decode,
 * missing dependencies, role, client-id binding) before it is applied, and a server change runs
 * under the server's own client id, each filling the turn's batch. Its own class so that Room
 * keeps its queue and its turn, and the rules of what a write may do live in one place.
 */
import * as Y from 'yjs';
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { can } from '../../shared/roles';
import { ServerChange } from '../audit/attribution';
import type { DeletedPlaces } from '../audit/DeletedPlaces';
import { dropPending } from '../storage/applyStoredContent';
import type { StructId } from '../storage/Storage';
import { AccessChangedError } from './AccessChangedError';
import { analyzeUpdate } from './analyzeUpdate';
import type { BoardInvites } from './BoardInvites';
import { boardGone } from './boardGone';
import { ChangeNotSavedError } from './ChangeNotSavedError';
import type { ClientBindings } from './ClientBindings';
import type { Connection } from './Connection';
import { decodeUpdate } from './decodeUpdate';
import type { HistoryDigests } from './HistoryDigests';
import type { RoomDeps } from './Room';
import type { Batch, Job } from './RoomBatch';
import { StorageFullError } from './StorageFullError';
import { SyncError } from './SyncError';
import { UnknownBoardError } from './UnknownBoardError';
import { checkScaleWrite } from './checkScaleWrite';
import { checkWrite } from './writePolicy';
import { timeBounds } from './writeTimes';

/** What a write that needs no read from storage returns (RoomWrites.write). */
const ALL_READ: readonly StructId[] = [];

const randomClientId = () => Math.floor(Math.random() * 0xffffffff);

/** The room's own dependencies it shares, and what it reads of the room. */
export interface RoomWritesDeps extends Pick<RoomDeps, 'boardId' | 'log' | 'now'> {
  readonly doc: Y.Doc;
  readonly invites: BoardInvites;
  readonly historyDigests: HistoryDigests;
  readonly deletedPlaces: DeletedPlaces;
  /** The client-id bindings, replaced by the stored ones as the board loads. */
  readonly bindings: () => ClientBindings;
  /** The earliest time a client's write may carry (writeTimes), set when the board loads. */
  readonly earliestTime: () => number;
}

export class RoomWrites {
  constructor(private readonly deps: RoomWritesDeps) {}

  /**
   * Checks and applies a client's update. Returns the structs it is lost to that a deletion
   * before this room loaded may have taken (none once `placesRead`): then nothing of it ran,
   * so that it can run again after readPlaces, and its write.lost name what it was for.
   */
  write(
    conn: Connection,
    update: Uint8Array,
    batch: Batch,
    placesRead: boolean,
  ): readonly StructId[] {
    const { doc, boardId, deletedPlaces } = this.deps;
    const bindings = this.deps.bindings();
    try {
      const decoded = decodeUpdate(update);
      const analysis = analyzeUpdate(decoded, doc);
      if (analysis.missing) {
        // Never keep an update with a gap as pending data: ask the client for what is missing.
        batch.resync.add(conn);
        return ALL_READ;
      }
      const verdict = checkWrite(
        conn.role,
        conn.actor,
        analysis,
        decoded.ds,
        doc,
        this.deps.invites,
        timeBounds(this.deps.earliestTime(), this.deps.now()),
        this.deps.historyDigests,
      );
      if (!verdict.ok) throw new SyncError(CLOSE.forbidden, verdict.reason);
      // Judged on the scale as the write leaves it (the update's bytes for a crossing write).
      const scale = checkScaleWrite(analysis, doc, update, decoded.ds);
      if (!scale.ok) throw new SyncError(CLOSE.forbidden, scale.reason);
      const binding = bindings.check(doc, conn.inviteId, analysis.newClients);
      if (!binding.ok) throw new SyncError(CLOSE.forbidden, 'client id belongs to someone else');
      // Only a role that may edit cards could write into one (see below).
      const editor = can(conn.role, 'editBoard');
      if (editor && !placesRead) {
        const unread = deletedPlaces.unread(analysis.newItems);
        if (unread.length > 0) return unread;
      }
      for (const claim of binding.claims) {
        bindings.bind(claim);
        batch.bindings.push(claim);
      }
      if (analysis.newStructs.length > 0 || analysis.deletes.length > 0) {
        try {
          Y.applyUpdate(doc, update, conn);
        } catch {
          throw new SyncError(CLOSE.malformed, 'update does not apply');
        }
        if (dropPending(doc)) batch.resync.add(conn);
        // Writes into a card or evidence item deleted meanwhile, which Yjs discarded: only a
        // role that may edit cards could have made them.
        if (editor) {
          for (const d of deletedPlaces.lostWrites(analysis.newItems)) {
            batch.history.push({ boardId, ...d, actor: conn.actor, at: batch.at });
          }
        }
      }
      if (conn.role !== 'viewer') batch.acks.add(conn);
    } catch (error) {
      // Anything else that fails on a client's bytes is treated as a malformed update.
      const refusal =
        error instanceof SyncError
          ? error
          : new SyncError(CLOSE.malformed, 'update not understood');
      if (!(error instanceof SyncError)) {
        this.deps.log('error', 'update check failed', { boardId, error });
      }
      conn.close(refusal.closeCode, refusal.reason);
    }
    return ALL_READ;
  }

  /** Runs a server change (Room.change) in the doc; its caller is answered with the batch. */
  serverChange(job: Extract<Job, { kind: 'change' }>, batch: Batch): void {
    const { doc, boardId, invites } = this.deps;
    const bindings = this.deps.bindings();
    const { requires, intent = {}, key } = job.options;
    if (requires && !invites.may(job.actor.id, requires)) {
      const revoked = invites.revoked(job.actor.id);
      batch.settled.push(() =>
        job.settle.reject(new AccessChangedError(job.actor.id, requires, revoked)),
      );
      return;
    }
    // The server writes with its own client id, which no client may have taken.
    while (bindings.check(doc, SYSTEM_ACTOR.id, [doc.clientID]).ok === false) {
      doc.clientID = randomClientId();
    }
    const claim = bindings.check(doc, SYSTEM_ACTOR.id, [doc.clientID]);
    try {
      const result = doc.transact(() => job.fn(doc), new ServerChange(job.actor, intent));
      if (key) {
        // A result JSON cannot hold (undefined) answers no repeat: only the answer is kept.
        const json = JSON.stringify(result) as string | undefined;
        if (json !== undefined) batch.keys.push({ ...key, result: json });
      }
      batch.settled.push(() => job.settle.resolve(result));
    } catch (error) {
      batch.settled.push(() => job.settle.reject(error));
    }
    if (claim.ok && Y.getState(doc.store, doc.clientID) > 0) {
      for (const c of claim.claims) {
        bindings.bind(c);
        batch.bindings.push(c);
      }
    }
    batch.failed.push((error) =>
      job.settle.reject(
        boardGone(error)
          ? new UnknownBoardError(boardId)
          : error instanceof StorageFullError
            ? error
            : new ChangeNotSavedError(boardId, { cause: error }),
      ),
    );
  }
}
