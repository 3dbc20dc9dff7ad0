/** GET /api/boards/:id/history[?card=…] with the member's token: audit events, oldest first. */
import { call } from '../app/api';
import type { HistoryEvent } from './historyEvent';

export async function fetchHistory(
  boardId: string,
  token: string,
  cardId: string | null,
  signal?: AbortSignal,
): Promise<readonly HistoryEvent[]> {
  const query = cardId ? `?card=${encodeURIComponent(cardId)}` : '';
  const body = await call<{ events?: unknown }>(
    `/api/boards/${encodeURIComponent(boardId)}/history${query}`,
    { token, signal },
  );
  return Array.isArray(body.events) ? body.events.filter(isHistoryEvent) : [];
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
