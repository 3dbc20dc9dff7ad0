/**
 * `POST /api/boards/import` (DESIGN §4), sent by uploadWithProgress so that the start page
 * shows how far the file is, can cancel it, and gives up a stalled one: the server builds a
 * board only from a body it received whole, so nothing of it is kept there. With an
 * Idempotency-Key (retryKeys): one sent whole and not answered may have made the board, and
 * sent again it is answered with that board's link.
 */
import type { CreatedBoard } from '../app/api';
import { retryKey } from '../app/retryKeys';
import { type UploadOptions, uploadWithProgress } from '../app/uploadWithProgress';
import { refusalOf } from './exportApi';

export async function uploadBoardImport(
  json: string,
  leadName: string,
  options: UploadOptions,
): Promise<CreatedBoard> {
  const query = leadName.trim() ? `?${new URLSearchParams({ name: leadName.trim() })}` : '';
  const url = `/api/boards/import${query}`;
  // Sent again after no answer (or a 5xx), the same key: the board the first made, not a second.
  const retry = await retryKey(`POST ${url} ${json}`);
  const answer = await uploadWithProgress(
    {
      url,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': retry.key },
      body: json,
    },
    options,
  );
  if (!answer.ok) {
    const refusal = await refusalOf(answer);
    retry.answered(answer.status, refusal.code);
    throw refusal;
  }
  retry.answered(answer.status);
  return (await answer.json()) as CreatedBoard;
}
