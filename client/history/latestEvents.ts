/**
 * The board's latest events (oldest first), for what a change just arrived needs to know of who
 * made it: the board itself keeps nothing of a deleted card, nor who did which of two crossed
 * changes. The server stores a change, with its history, before it sends it on, so the change
 * is among them. None if they cannot be read: a name is then left out, never guessed.
 */
import { fetchHistory } from './fetchHistory';
import type { HistoryEvent } from './historyEvent';

/** Enough for the change just arrived, read after it, to be among them. */
const LATEST_READ = 200;

export async function latestEvents(access: {
  readonly id: string;
  readonly token: string;
}): Promise<readonly HistoryEvent[]> {
  const query = { cardId: null, limit: LATEST_READ };
  return fetchHistory(access.id, access.token, query).then(
    (page) => page.events,
    () => [],
  );
}
