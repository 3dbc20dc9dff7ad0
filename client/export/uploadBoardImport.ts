/**
 * `POST /api/boards/import` (DESIGN §4), sent by uploadWithProgress so that the start page
 * shows how far the file is, can cancel it, and gives up a stalled one: the server builds a
 * board only from a body it received whole, so nothing of it is kept there.
 */
import type { CreatedBoard } from '../app/api';
import { type UploadOptions, uploadWithProgress } from '../app/uploadWithProgress';
import { refusalOf } from './exportApi';

export async function uploadBoardImport(
  json: string,
  leadName: string,
  options: UploadOptions,
): Promise<CreatedBoard> {
  const query = leadName.trim() ? `?${new URLSearchParams({ name: leadName.trim() })}` : '';
  const answer = await uploadWithProgress(
    {
      url: `/api/boards/import${query}`,
      headers: { 'Content-Type': 'application/json' },
      body: json,
    },
    options,
  );
  if (!answer.ok) throw await refusalOf(answer);
  return (await answer.json()) as CreatedBoard;
}
