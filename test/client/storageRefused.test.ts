/**
 * What storage refused is kept per board: moving from board A to board B inside the app (no
 * reload), A's refused keys kept B's "kept only until this page is closed" line up, and Forget
 * (forgetBoardData) removed A's keys while they stayed refused. The set is the page's (this
 * worker's modules are shared between files), so these boards' ids are this file's own.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ackStoreKey,
  forgetBoardData,
  lostEditsKey,
  ownWritesKey,
} from '../../client/sync/forgetBoardData';
import {
  storageRefused,
  storeItem,
  subscribeStorageRefused,
} from '../../client/sync/storageRefused';
import { memoryStorage } from '../helpers/memoryStorage';

/** A localStorage whose quota is full: every write throws, removals work. */
function fullStorage() {
  const memory = memoryStorage();
  memory.storage.setItem = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return memory;
}

describe('storageRefused, per board', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says only the board whose keys were refused, and tells listeners of each board’s change', () => {
    const { storage } = fullStorage();
    let told = 0;
    const off = subscribeStorageRefused(() => (told += 1));
    storeItem(storage, ackStoreKey('refusedA'), '{}');
    storeItem(storage, lostEditsKey('refusedA', 'inv1'), '[]');
    expect(storageRefused('refusedA', 'records')).toBe(true);
    expect(storageRefused('refusedB', 'records')).toBe(false);
    // B's own refusal is news to B's page though the page already had A's.
    storeItem(storage, `${ownWritesKey('refusedB')}.tab1`, '[]');
    expect(storageRefused('refusedB', 'records')).toBe(true);
    expect(told).toBe(3);
    // Stored again (space freed): B's line goes, A's stays.
    storeItem(memoryStorage().storage, `${ownWritesKey('refusedB')}.tab1`, '[]');
    expect([storageRefused('refusedA', 'records'), storageRefused('refusedB', 'records')]).toEqual([
      true,
      false,
    ]);
    off();
    storeItem(memoryStorage().storage, ackStoreKey('refusedA'), null);
    storeItem(memoryStorage().storage, lostEditsKey('refusedA', 'inv1'), null);
  });

  it('forgetBoardData’s removal of a refused key marks it kept again', async () => {
    const { items, storage } = fullStorage();
    items.set(`${ownWritesKey('forgotC')}.tab1`, '[]');
    storeItem(storage, ackStoreKey('forgotC'), '{}');
    storeItem(storage, `${ownWritesKey('forgotC')}.tab1`, '[{}]');
    expect(storageRefused('forgotC', 'records')).toBe(true);

    vi.stubGlobal('localStorage', storage);
    // Node has no IndexedDB: its deletion of the board's copy answers at once.
    vi.stubGlobal('indexedDB', {
      deleteDatabase: () => {
        const request: { result?: undefined; onsuccess?: (event: unknown) => void } = {};
        setTimeout(() => request.onsuccess?.({ target: request }), 0);
        return request;
      },
    });
    await forgetBoardData('forgotC');
    expect(items.size).toBe(0);
    expect(storageRefused('forgotC', 'records')).toBe(false);
  });
});
