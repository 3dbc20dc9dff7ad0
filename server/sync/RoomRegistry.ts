/**
 * The loaded rooms: at most one per board, so concurrent first joins (and REST calls) share
 * one load; a room that has been idle (no connections, no work) for the grace period unloads.
 */
import type { HistoryEvent, SyncStorage } from '../storage/Storage';
import { Room } from './Room';
import type { SyncCounters } from './SyncCounters';
import type { SyncLog } from './syncLog';
import type { SyncOptions } from './syncOptions';

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

  /** The board's room, loading it if needed. */
  get(boardId: string): Room {
    const existing = this.rooms.get(boardId);
    if (existing && !existing.failed) {
      this.cancelUnload(existing);
      return existing;
    }
    const room = new Room({ ...this.deps, boardId, onIdle: (r) => this.scheduleUnload(r) });
    this.deps.log('debug', 'board loading', { boardId });
    this.deps.counters.roomsLoaded++;
    this.rooms.set(boardId, room);
    room.ready.catch(() => {
      if (this.rooms.get(boardId) === room) this.rooms.delete(boardId);
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
    if (this.timers.has(room) || this.rooms.get(room.boardId) !== room) return;
    const timer = setTimeout(() => {
      this.timers.delete(room);
      if (!room.idle() || this.rooms.get(room.boardId) !== room) return;
      this.rooms.delete(room.boardId);
      this.deps.log('debug', 'board unloading', {
        boardId: room.boardId,
        idleMs: this.deps.options.roomGraceMs,
      });
      const done = room.close().catch((error: unknown) => {
        this.deps.log('error', 'unloading a room failed', { boardId: room.boardId, error });
      });
      this.unloading.add(done);
      void done.finally(() => this.unloading.delete(done));
    }, this.deps.options.roomGraceMs);
    timer.unref();
    this.timers.set(room, timer);
  }

  private cancelUnload(room: Room): void {
    const timer = this.timers.get(room);
    if (timer) clearTimeout(timer);
    this.timers.delete(room);
  }
}
