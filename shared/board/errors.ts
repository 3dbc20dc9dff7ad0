export type BoardErrorCode =
  | 'card_not_found'
  | 'card_exists'
  | 'comment_not_found'
  | 'evidence_not_found'
  | 'article_not_found'
  | 'invalid_input'
  | 'too_large'
  | 'not_allowed';

/** A command refused: thrown before the transaction changes anything. */
export class BoardError extends Error {
  constructor(
    readonly code: BoardErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BoardError';
  }
}
