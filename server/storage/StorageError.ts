/** Errors a storage backend reports the same way, whatever the backend. */
export type StorageErrorCode =
  | 'board_exists'
  | 'invite_exists'
  | 'board_not_found'
  | 'closed'
  | 'in_use'
  /** The compaction thread failed a job or died: the board's log is intact, retry later. */
  | 'compaction_failed';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
