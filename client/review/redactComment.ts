/**
 * POST /api/boards/:id/comments/:commentId/redact with a lead's token: the server takes the
 * comment's text out of the board, its history and everything it stored, for good; the deletion
 * then arrives through sync like any other change.
 */
import { call } from '../app/api';

export async function redactComment(
  boardId: string,
  token: string,
  commentId: string,
): Promise<void> {
  const path = `/api/boards/${encodeURIComponent(boardId)}/comments/${encodeURIComponent(commentId)}/redact`;
  await call(path, { method: 'POST', token, retrySafe: true });
}
