/**
 * The display name where site storage is blocked (a browser setting): reading localStorage
 * throws SecurityError there, and the start page, which reads the name at its first render,
 * must still render, with no name known.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDisplayName, getKnownBoard } from '../../../client/app/knownBoards';
import { blockedStorage } from '../../helpers/blockedStorage';
import { memoryStorage } from '../../helpers/memoryStorage';

describe('getDisplayName with site storage blocked', () => {
  beforeEach(() => vi.stubGlobal('localStorage', blockedStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('gives no name instead of throwing', () => {
    expect(getDisplayName()).toBe('');
  });
});

describe('getKnownBoard', () => {
  beforeEach(() => vi.stubGlobal('localStorage', memoryStorage().storage));
  afterEach(() => vi.unstubAllGlobals());

  // The id comes from the address: `/b/constructor` gave Object's constructor as a known board.
  it('knows no board whose id is the name of an Object member', () => {
    for (const id of ['constructor', 'toString', 'hasOwnProperty', '__proto__'])
      expect(getKnownBoard(id)).toBeNull();
  });
});
