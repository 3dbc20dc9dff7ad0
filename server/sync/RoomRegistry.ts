/**
 * The loaded rooms: at most one per board, so concurrent first joins (and REST calls) share
 * one load; a room that has been idle (no connections, no work) for the grace period unloads.
 */
import type { HistoryEvent, SyncStorage } from '../storage/Storage';
import { Room } from './Room';
import type { SyncCounters } from './SyncCounters';
import type { SyncLog } from './syncLog';
import type { SyncOptions } from './syncOptions';

/**
 * How long a room whose load failed answers for its board (its joins closed at once, its
 * changes refused) before the next join loads again. Clients retry a failed load within
 * 0.1–2.5 s each (y-websocket's backoff): loading again for each, a board that cannot load
 * while the disk is full was tried, and logged at error, up to 10 times a second (found by
 * QA); now once a second at most.
 */
const LOAD_RETRY_MS = 1_000;

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly timers = new Map<Room, NodeJS.Timeout>();
  private readonly unloading = new Set<Promise<void>>();

  constructor(
    private readonly deps: {
      readonly storage: SyncStorage;
      readonly options: SyncOptions;
      readonly log: SyncLog;
      readonly counters: SyncCounters;
      readonly now: () => number;
      readonly onHistory: (boardId: string, events: readonly HistoryEvent[]) => void;
    },
  ) {}

  get size(): number {
    return this.rooms.size;
  }

  /** Client ids the loaded rooms' presence keeps a clock for, in all. */
  presenceRemembered(): number {
    let sum = 0;
    for (const room of this.rooms.values()) sum += room.presenceRemembered();
    return sum;
  }

  /** The board's room, loading it if needed (see LOAD_RETRY_MS for one that failed). */
  get(boardId: string): Room {
    const existing = this.rooms.get(boardId);
    if (existing) {
      this.cancelUnload(existing);
      return existing;
    }
    const room = new Room({ ...this.deps, boardId, onIdle: (r) => this.scheduleUnload(r) });
    this.deps.log('debug', 'board loading', { boardId });
    this.deps.counters.roomsLoaded++;
    this.rooms.set(boardId, room);
    room.ready.catch(() => {
      setTimeout(() => {
        // Taken out here, or by discard or closeAll, which close it themselves.
        if (this.rooms.get(boardId) !== room) return;
        this.rooms.delete(boardId);
        // Closed, not just forgotten: its presence's interval would keep it, its doc and its
        // connections' set for good, one more for every failed load.
        this.closeUnloaded(room);
      }, LOAD_RETRY_MS).unref();
    });
    return room;
  }

  /** The board's room if it is loaded (or loading), without loading it. */
  loaded(boardId: string): Room | undefined {
    return this.rooms.get(boardId);
  }

  /** Takes the board's room out, if loaded, and discards it: the board was deleted. */
  async discard(boardId: string): Promise<void> {
    const room = this.rooms.get(boardId);
    if (!room) return;
    this.rooms.delete(boardId);
    this.cancelUnload(room);
    await room.discard();
  }

  /** Unloads every room (after finishing its queued work). */
  async closeAll(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all([...rooms.map((r) => r.close()), ...this.unloading]);
  }

  private scheduleUnload(room: Room): void {
    // One whose load failed holds nothing to close, and goes after LOAD_RETRY_MS (see get).
    if (room.failed) return;
    if (this.timers.has(room) || this.rooms.get(room.boardId) !== room) return;
    const timer = setTimeout(() => {
      this.timers.delete(room);
      if (!room.idle() || this.rooms.get(room.boardId) !== room) return;
      this.rooms.delete(room.boardId);
      this.deps.log('debug', 'board unloading', {
        boardId: room.boardId,
        idleMs: this.deps.options.roomGraceMs,
      });
      this.closeUnloaded(room);
    }, this.deps.options.roomGraceMs);
    timer.unref();
    this.timers.set(room, timer);
  }

  /** Closes a room taken out of the map; closeAll waits for it. */
  private closeUnloaded(room: Room): void {
    const done = room.close().catch((error: unknown) => {
      this.deps.log('error', 'unloading a room failed', { boardId: room.boardId, error });
    });
    this.unloading.add(done);
    void done.finally(() => this.unloading.delete(done));
  }

  private cancelUnload(room: Room): void {
    const timer = this.timers.get(room);
    if (timer) clearTimeout(timer);
    this.timers.delete(room);
  }
}
