/**
 * A room whose load failed (a full disk, say) is dropped a second later (RoomRegistry's
 * LOAD_RETRY_MS) so that the next join loads again. Dropped only from the map, it was never
 * closed: its presence's awareness kept a 3 s interval running for good, and with it the room,
 * its doc and its connections' set, one more for every failed load (up to one a second, a
 * board's, for as long as the disk stayed full). Real memory storage, its load made to fail.
 */
import { describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../../../server/storage/createMemoryStorage';
import { RoomRegistry } from '../../../server/sync/RoomRegistry';
import { SyncCounters } from '../../../server/sync/SyncCounters';
import { DEFAULT_SYNC_OPTIONS } from '../../../server/sync/syncOptions';
import { sqliteFullError } from '../../helpers/diskFullErrors';

describe('a room whose load failed', () => {
  it('is closed when the registry lets it go, its doc freed', async () => {
    const storage = createMemoryStorage();
    await storage.createBoard({ id: 'full', title: 'Full', createdAt: 1 });
    vi.spyOn(storage, 'loadContent').mockRejectedValue(sqliteFullError());
    const registry = new RoomRegistry({
      storage,
      options: DEFAULT_SYNC_OPTIONS,
      log: () => undefined,
      counters: new SyncCounters(),
      now: Date.now,
      onHistory: () => undefined,
    });
    const room = registry.get('full');
    await expect(room.ready).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await vi.waitFor(() => expect(registry.loaded('full')).toBeUndefined(), { timeout: 5_000 });
    await vi.waitFor(() => expect(room.doc.isDestroyed).toBe(true), { timeout: 5_000 });
    await registry.closeAll();
  });
});
