/** Errors a storage backend reports the same way, whatever the backend. */
export type StorageErrorCode =
  'board_exists' | 'invite_exists' | 'board_not_found' | 'closed' | 'in_use';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
