/**
 * A server change or read (Room.change, Room.read) that the room gave up on because storing
 * the board fails for a full disk (isDiskFull): answered 507 `storage_full` (toHttpError)
 * within a few seconds, where the caller used to wait for as long as the disk stayed full.
 * `held`: the change was already on the board, in the batch the room retries, and is stored
 * with it once space is freed (unless the server stops first); else nothing of it was done.
 * `stored` (held only): resolves once that batch is stored, rejects if it never will be (the
 * board deleted, the server stopped), for what must follow the change's storing all the same
 * (a redaction's scrub of the stored past: server/comments/redactComment).
 */
export class StorageFullError extends Error {
  readonly code = 'storage_full';
  readonly held: boolean;
  readonly stored: Promise<void> | null;
  constructor(
    readonly boardId: string,
    options: { held: true; stored: Promise<void> } | { held: false; cause?: unknown },
  ) {
    super(
      options.held
        ? 'the server’s disk is full: the change waits unsaved'
        : 'the server’s disk is full: nothing was done',
      { cause: options.held ? undefined : options.cause },
    );
    this.name = 'StorageFullError';
    this.held = options.held;
    this.stored = options.held ? options.stored : null;
  }
}
