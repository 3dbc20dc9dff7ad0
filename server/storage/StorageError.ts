/** Errors a storage backend reports the same way, whatever the backend. */
export type StorageErrorCode =
  | 'board_exists'
  | 'invite_exists'
  | 'board_not_found'
  | 'invite_not_found'
  /** A revoked invite keeps the role it had: its token is refused anyway. */
  | 'invite_revoked'
  /** The invite's role is no longer the one the caller read (another change came first). */
  | 'role_conflict'
  /** The change would leave the board without an active (unrevoked) lead invite. */
  | 'last_lead'
  | 'closed'
  | 'in_use'
  /** The data was written by a newer version, whose layout this one does not know. */
  | 'newer_layout'
  /** The compaction thread failed a job or died: the board's log is intact, retry later. */
  | 'compaction_failed'
  /**
   * The storage's thread failed a redaction or died: its rows were rewritten all or not at
   * all (one transaction), and redacting the comment again finishes it.
   */
  | 'redaction_failed'
  /** A redaction's words are out of every row, but the WAL still held old pages of the file. */
  | 'wal_busy';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
