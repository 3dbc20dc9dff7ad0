/**
 * The display name where site storage is blocked (a browser setting): reading localStorage
 * throws SecurityError there, and the start page, which reads the name at its first render,
 * must still render, with no name known.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDisplayName } from '../../../client/app/knownBoards';
import { blockedStorage } from '../../helpers/blockedStorage';

describe('getDisplayName with site storage blocked', () => {
  beforeEach(() => vi.stubGlobal('localStorage', blockedStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('gives no name instead of throwing', () => {
    expect(getDisplayName()).toBe('');
  });
});
