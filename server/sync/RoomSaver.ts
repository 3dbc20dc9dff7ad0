/**
 * How a room stores a turn's batch: it retries with a growing wait (retryMinMs to retryMaxMs)
 * until storage takes it, since replies wait for it and nothing stored may be lost. A full disk
 * is the long wait among failures, so it is said (message 102) to the board's connections while
 * it lasts, changes and reads asked for meanwhile are refused at once, and the REST requests
 * that wait on the batch are answered after fullDiskWaitMs (507) rather than kept waiting for
 * the operator. Its own class so that Room coordinates its turn without this state.
 */
import { encodeStorageFull } from '../../shared/protocol/messages';
import { isDiskFull } from '../storage/isDiskFull';
import { StorageError } from '../storage/StorageError';
import { boardGone } from './boardGone';
import type { Connection } from './Connection';
import type { RoomDeps } from './Room';
import type { Batch, Settle } from './RoomBatch';
import { StorageFullError } from './StorageFullError';

/** The room's own dependencies it shares, and what it reads of the room. */
export interface RoomSaverDeps extends Pick<
  RoomDeps,
  'boardId' | 'storage' | 'options' | 'log' | 'counters'
> {
  /** The room's connections, told when storing fails for a full disk and when it works again. */
  readonly conns: ReadonlySet<Connection>;
  /** A batch is stored, as this sequence number: before its acknowledgments are sent. */
  readonly stored: (lastSeq: number, batch: Batch) => void;
  /** The room is closing: a batch gives up after a few tries. */
  readonly closing: () => boolean;
  /** The board was deleted (Room.discard): a batch waiting for its next try is not stored. */
  readonly discarded: () => boolean;
  /** Takes the server changes and reads queued behind the batch out of the room's queue. */
  readonly takeWaiting: () => readonly { readonly settle: Settle }[];
}

export class RoomSaver {
  /**
   * Storing the board's last batch failed because the disk is full, and none stored since:
   * its connections have been told so (message 102), and are told when storing works again.
   */
  private storageFull = false;
  /** Ends the wait before a failed batch's next try at once (discard). */
  private wakeRetry: (() => void) | null = null;

  constructor(private readonly deps: RoomSaverDeps) {}

  /** Whether the disk is full (see storageFull): what is queued now would wait for good. */
  get full(): boolean {
    return this.storageFull;
  }

  /** Stores the batch, trying again until it is stored; throws when the room gives up. */
  async commit(batch: Batch): Promise<void> {
    const { storage, boardId, options, log } = this.deps;
    let wait = options.retryMinMs;
    /** When the batch first failed for a full disk. */
    let fullSince: number | null = null;
    for (let attempt = 1; ; attempt++) {
      try {
        const lastSeq = await storage.appendBatch(boardId, {
          updates: batch.updates.map((u) => u.update),
          bindings: batch.bindings,
          history: batch.history,
          places: batch.places,
          keys: batch.keys,
          at: batch.at,
        });
        this.deps.stored(lastSeq, batch);
        // Before publish's acknowledgments, so that a page that was told drops it as they come.
        this.tellStorageFull(false);
        this.deps.counters.batchesStored++;
        this.deps.counters.updatesStored += batch.updates.length;
        return;
      } catch (error) {
        // Deleted meanwhile (discard): no retry will store it.
        if (boardGone(error)) throw error;
        this.deps.counters.saveFailures++;
        log('warn', 'saving failed; retrying', { boardId, attempt, error });
        if (isDiskFull(error)) {
          // Said at the first failure: the editors' pages say why their changes wait.
          this.tellStorageFull(true);
          fullSince ??= performance.now();
          if (performance.now() - fullSince >= options.fullDiskWaitMs) this.giveUpWaiters(batch);
        }
        if (this.deps.closing() && attempt >= 3) throw error;
        await this.pause(wait);
        // Deleted while it waited (a new board whose creation gave up, say): not stored.
        if (this.deps.discarded()) {
          throw new StorageError('board_not_found', 'the board was deleted');
        }
        wait = Math.min(wait * 2, options.retryMaxMs);
      }
    }
  }

  /** Ends the wait before a failed batch's next try at once (the board is deleted). */
  wake(): void {
    this.wakeRetry?.();
  }

  /** Why a change or read is not done while the disk is full: nothing of it was. */
  notDone(): StorageFullError {
    return new StorageFullError(this.deps.boardId, { held: false });
  }

  /** Waits before a failed batch's next try; discard ends the wait at once (wakeRetry). */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeRetry = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wakeRetry = null;
    });
  }

  /**
   * The disk has been full for fullDiskWaitMs: the REST requests waiting are answered (507)
   * rather than kept waiting for the operator. The batch's own server changes are on the board
   * already and stay in it, stored once space is freed (`held`); those queued behind it are
   * dropped, not done. The clients' edits go on waiting: their pages keep them and say why.
   */
  private giveUpWaiters(batch: Batch): void {
    const failed = batch.failed.splice(0);
    if (failed.length > 0) {
      const stored = new Promise<void>((resolve, reject) => {
        batch.stored = { resolve, reject };
      });
      // Only a caller with work to follow the storing waits for it; a rejection nobody waits
      // for is not an unhandled one.
      stored.catch(() => undefined);
      const held = new StorageFullError(this.deps.boardId, { held: true, stored });
      for (const fail of failed) fail(held);
    }
    for (const job of this.deps.takeWaiting()) job.settle.reject(this.notDone());
  }

  /** Tells every connection whether storing fails for a full disk, when that changes (102). */
  private tellStorageFull(full: boolean): void {
    if (this.storageFull === full) return;
    this.storageFull = full;
    const message = encodeStorageFull(full);
    for (const conn of this.deps.conns) conn.send(message);
  }
}
