/**
 * Where site storage is blocked (a browser setting), reading localStorage throws
 * SecurityError, or the Storage it gives throws at every use. The board's stores and Forget
 * keep nothing then, rather than throw: the board page read window.localStorage before its
 * first render, ownWriteStore.load read the storage's length, and Forget's removal rejected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetBoardData, forgetBoardEntirely } from '../../client/sync/forgetBoardData';
import { storageOwnWriteStore } from '../../client/sync/ownWriteStore';
import { siteStorage, storageBlocked } from '../../client/sync/storageRefused';
import { blockedStorage } from '../helpers/blockedStorage';

describe('a Storage whose every use throws', () => {
  it('holds no own writes, and the watch saves without throwing', () => {
    const store = storageOwnWriteStore(blockedStorage(), 'factboard.own-writes.b1', 'tab1');
    expect(store.load()).toEqual([]);
    expect(() => store.save([])).not.toThrow();
  });
});

describe('localStorage whose getter throws', () => {
  const before = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  // The worker's other files share its globals (isolate: false).
  afterEach(() => {
    if (before) Object.defineProperty(globalThis, 'localStorage', before);
    else delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  it('is no site storage', () => {
    expect(siteStorage()).toBeNull();
    expect(storageBlocked()).toBe(true);
  });

  it('leaves Forget nothing to remove', async () => {
    await expect(forgetBoardData('b1')).resolves.toBeUndefined();
    await expect(forgetBoardEntirely('b1')).resolves.toBeUndefined();
  });
});
