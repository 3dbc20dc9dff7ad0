/** A board's export over REST (its body once the server answered 200), and a board import. */
import { expect } from 'vitest';
import { request } from './request';

export type ExportFormat = 'json' | 'csv' | 'md' | 'claimreview';

/** The export's body: parsed for JSON and ClaimReview, text for CSV and Markdown. */
export async function exportOverRest(
  baseUrl: string,
  boardId: string,
  token: string,
  format: ExportFormat,
  at?: string,
): Promise<unknown> {
  const query = `format=${format}${at ? `&at=${encodeURIComponent(at)}` : ''}`;
  const res = await request(baseUrl, 'GET', `/api/boards/${boardId}/export?${query}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

/** `POST /api/boards/import` with `file` as its JSON body. */
export const importOverRest = (baseUrl: string, file: unknown) =>
  request(baseUrl, 'POST', '/api/boards/import', { json: file });
