/** change() or read() on a board that storage does not know. */
export class UnknownBoardError extends Error {
  readonly code = 'board_not_found';
  constructor(readonly boardId: string) {
    super(`no board ${boardId}`);
    this.name = 'UnknownBoardError';
  }
}
