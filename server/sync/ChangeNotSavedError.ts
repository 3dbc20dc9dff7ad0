/**
 * A server change (Room.change) that storage did not take: the room gave up retrying because
 * the server is shutting down. Nothing of it was broadcast or acknowledged, and the HTTP layer
 * answers it as it answers any request the shutdown cuts short (503 'shutting_down',
 * toHttpError); `cause` is storage's last error.
 */
export class ChangeNotSavedError extends Error {
  readonly code = 'change_not_saved';
  constructor(
    readonly boardId: string,
    options: { cause: unknown },
  ) {
    super('the change could not be saved', options);
    this.name = 'ChangeNotSavedError';
  }
}
