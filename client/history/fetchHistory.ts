/**
 * GET /api/boards/:id/history with the member's token: one page of audit events, oldest first
 * within the page, and `next`, the cursor of the page beyond it (null when there is none).
 * Without `after` the page ends at the newest event (or before `before`), and `older` says how
 * many events lie before it; with `after` it starts right after that seq.
 */
import { call } from '../app/api';
import type { HistoryEvent } from './historyEvent';

export interface HistoryQuery {
  readonly cardId: string | null;
  readonly after?: number;
  readonly before?: number;
  readonly limit?: number;
}

export type HistoryCursor = { readonly before: number } | { readonly after: number };

export interface HistoryPage {
  readonly events: readonly HistoryEvent[];
  readonly next: HistoryCursor | null;
  /** On a page walking back: how many events lie before it; null when the server does not say. */
  readonly older: number | null;
}

export async function fetchHistory(
  boardId: string,
  token: string,
  query: HistoryQuery,
  signal?: AbortSignal,
): Promise<HistoryPage> {
  const params = new URLSearchParams();
  if (query.cardId) params.set('card', query.cardId);
  if (query.after !== undefined) params.set('after', String(query.after));
  if (query.before !== undefined) params.set('before', String(query.before));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.toString() ? `?${params}` : '';
  const body = await call<{ events?: unknown; next?: unknown; older?: unknown }>(
    `/api/boards/${encodeURIComponent(boardId)}/history${search}`,
    { token, signal },
  );
  return {
    events: Array.isArray(body.events) ? body.events.filter(isHistoryEvent) : [],
    next: isCursor(body.next) ? body.next : null,
    older: Number.isSafeInteger(body.older) ? (body.older as number) : null,
  };
}

function isCursor(value: unknown): value is HistoryCursor {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return Number.isSafeInteger(c.before) || Number.isSafeInteger(c.after);
}

function isHistoryEvent(value: unknown): value is HistoryEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  const actor = e.actor as Record<string, unknown> | null;
  return (
    typeof e.seq === 'number' &&
    typeof e.type === 'string' &&
    typeof e.at === 'number' &&
    (e.cardId === null || typeof e.cardId === 'string') &&
    typeof actor === 'object' &&
    actor !== null &&
    typeof actor.id === 'string' &&
    typeof actor.name === 'string' &&
    typeof e.data === 'object' &&
    e.data !== null
  );
}

/**
 * The board's events after `since` (ms), newest pages first, read page by page back to that
 * moment but no further than `maxPages` pages of `limit`: what happened while someone was away.
 */
export async function fetchHistorySince(
  boardId: string,
  token: string,
  since: number,
  { limit = 200, maxPages = 10 } = {},
): Promise<HistoryEvent[]> {
  const pages: (readonly HistoryEvent[])[] = [];
  let before: number | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchHistory(boardId, token, { cardId: null, before, limit });
    pages.unshift(page.events);
    const oldest = page.events[0];
    if (!oldest || oldest.at <= since || !page.next || !('before' in page.next)) break;
    before = page.next.before;
  }
  return pages.flat().filter((e) => e.at > since);
}
