/**
 * When a room compacts its board's stored log into a snapshot, and how: it counts what was
 * stored since the last snapshot, and runs one compaction at a time in the background (Room
 * asks between turns, and once more as it unloads).
 */
import * as Y from 'yjs';
import type { StoredContent } from '../storage/Storage';
import type { RoomDeps } from './Room';

/**
 * After a failed compaction, the wait before the next try: a failure may be a compaction
 * thread that died (out of memory on a huge board), and starting one costs about 0.24 s of CPU.
 */
const COMPACT_RETRY_MS = 10_000;
/**
 * Up to this size (snapshot plus log: about 4,700 cards), the room encodes the snapshot from its
 * live doc, about 6 ms per MB. Rebuilding a board from its stored log instead, as the storage's
 * compaction thread does, costs about 6× the CPU: under a saturating edit load (a board
 * growing to 2.5–4.5 MB) compactions took 310–380 ms against 53–62 ms, and CPU per update
 * doubled. Two
 * cores cannot spare that, off the event loop or not. A bigger board is rebuilt there all the
 * same: encoding a 10,000-card board (17 MB) holds the event loop 105–370 ms.
 */
const ENCODE_IN_ROOM_BYTES = 8 * 1024 * 1024;

/** The room's own dependencies it shares, and what it reads of the room. */
export interface RoomCompactionDeps extends Pick<
  RoomDeps,
  'boardId' | 'storage' | 'options' | 'log' | 'counters' | 'now'
> {
  /** The room's doc, encoded as the snapshot of a small board. */
  readonly doc: Y.Doc;
  /** The last stored update's sequence number: what the doc holds, between turns. */
  readonly lastSeq: () => number;
  /** Whether the room is between turns and not closing: a compaction may chain another. */
  readonly between: () => boolean;
}

export class RoomCompaction {
  /** Updates and their bytes stored since the last snapshot, and that snapshot's size. */
  private sinceSnapshot = 0;
  private bytesSinceSnapshot = 0;
  private snapshotBytes = 0;
  /** The compaction running in the background, if any. */
  private compacting: Promise<void> | null = null;
  /** performance.now() before which a failed compaction is not tried again. */
  private notBefore = -Infinity;

  constructor(private readonly deps: RoomCompactionDeps) {}

  /** The board as loaded: what its log holds past its snapshot. */
  loaded(content: StoredContent): void {
    this.sinceSnapshot = content.updatesSinceSnapshot;
    this.bytesSinceSnapshot = content.updates.reduce((sum, u) => sum + u.byteLength, 0);
    this.snapshotBytes = content.snapshot?.byteLength ?? 0;
  }

  /** A batch's updates, now stored. */
  stored(updates: readonly { readonly update: Uint8Array }[]): void {
    this.sinceSnapshot += updates.length;
    for (const u of updates) this.bytesSinceSnapshot += u.update.byteLength;
  }

  /** Resolves once the compaction running now, if any, has ended (it never rejects). */
  async running(): Promise<void> {
    await this.compacting;
  }

  /**
   * Compaction rewrites the whole board, so it waits for at least `minUpdates` updates and for a
   * log at least half the size of the last snapshot: its cost per stored byte then stays
   * constant however large the board grows, and a load never reads more than about 1.5× the
   * board's size.
   */
  ifWorthwhile(minUpdates: number): void {
    if (this.compacting || performance.now() < this.notBefore) return;
    if (this.sinceSnapshot < minUpdates || this.bytesSinceSnapshot * 2 < this.snapshotBytes) return;
    this.compacting = this.compact().then((done) => {
      this.compacting = null;
      // What arrived meanwhile may be worth the next one, and a quiet room has no turn to ask.
      // Mid-turn, the doc may hold updates not stored yet: that turn will ask itself.
      if (done && this.deps.between()) this.ifWorthwhile(this.deps.options.compactEvery);
    });
  }

  /**
   * Called between turns, when the doc is exactly what is stored up to lastSeq(). A board up to
   * ENCODE_IN_ROOM_BYTES is encoded here and stored at once; a bigger one is built by the
   * storage from what it stored (off the event loop, for SQLite) while the room goes on. The
   * counters then drop by what the snapshot covered. Resolves with whether it succeeded: a
   * failure is retried at a turn COMPACT_RETRY_MS later.
   */
  private async compact(): Promise<boolean> {
    const { storage, boardId, options, log, now, doc, lastSeq } = this.deps;
    const covered = { updates: this.sinceSnapshot, bytes: this.bytesSinceSnapshot };
    try {
      const at = now();
      const small = this.snapshotBytes + this.bytesSinceSnapshot <= ENCODE_IN_ROOM_BYTES;
      this.snapshotBytes = await storage.compact(boardId, lastSeq(), at, {
        ...(small && { state: Y.encodeStateAsUpdate(doc) }),
        pruneBefore: at - options.logRetentionDays * 86_400_000,
      });
      this.sinceSnapshot -= covered.updates;
      this.bytesSinceSnapshot -= covered.bytes;
      this.deps.counters.compactions++;
      return true;
    } catch (error) {
      this.deps.counters.compactionsFailed++;
      log('warn', 'compaction failed; will retry', { boardId, error });
      this.notBefore = performance.now() + COMPACT_RETRY_MS;
      return false;
    }
  }
}
