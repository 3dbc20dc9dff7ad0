/**
 * The display name where site storage is blocked (a browser setting): reading localStorage
 * throws SecurityError there, and the start page, which reads the name at its first render,
 * must still render, with no name known.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDisplayName } from '../../../client/app/knownBoards';

/** A localStorage as a browser that blocks site storage gives it: every use throws. */
const blocked = (): Storage => {
  const refuse = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return {
    get length(): number {
      return refuse();
    },
    key: refuse,
    getItem: refuse,
    setItem: refuse,
    removeItem: refuse,
    clear: refuse,
  };
};

describe('getDisplayName with site storage blocked', () => {
  beforeEach(() => vi.stubGlobal('localStorage', blocked()));
  afterEach(() => vi.unstubAllGlobals());

  it('gives no name instead of throwing', () => {
    expect(getDisplayName()).toBe('');
  });
});
