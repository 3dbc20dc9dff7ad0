import { StorageError } from '../storage/StorageError';

/**
 * Storage's refusal of a write to a board it deleted (Storage.deleteBoard): no retry will store
 * it, and what waited on it fails as an unknown board. Shared by the room's turn, its saves and
 * its server changes, which each meet the refusal.
 */
export const boardGone = (error: unknown): boolean =>
  error instanceof StorageError && error.code === 'board_not_found';
