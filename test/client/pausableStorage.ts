/**
 * Sync storage whose writes can be held: while paused, appendBatch waits, so a test can look
 * at what a client shows while its change has reached the server but is not stored yet.
 */
import { createMemoryStorage } from '../../server/storage/createMemoryStorage';
import type { SyncStorage } from '../../server/storage/Storage';

export interface PausableStorage {
  readonly storage: SyncStorage;
  /** appendBatch calls waiting for resume(). */
  readonly waiting: number;
  pause(): void;
  resume(): void;
}

export function pausableStorage(inner: SyncStorage = createMemoryStorage()): PausableStorage {
  let gate: Promise<void> | null = null;
  let open = () => {};
  let waiting = 0;
  const storage: SyncStorage = {
    ...inner,
    async appendBatch(boardId, batch) {
      while (gate) {
        waiting++;
        await gate.finally(() => waiting--);
      }
      return inner.appendBatch(boardId, batch);
    },
  };
  return {
    storage,
    get waiting() {
      return waiting;
    },
    pause() {
      if (!gate) gate = new Promise<void>((resolve) => (open = resolve));
    },
    resume() {
      gate = null;
      open();
    },
  };
}
