/**
 * Every event of a board (or of one of its cards), oldest first, for the few callers that need
 * all of it (the export, tests). It reads page by page and yields to the event loop between
 * pages, since a SQLite read is synchronous: a board with tens of thousands of events never
 * holds the loop for more than one page. Request handlers page with listHistory instead.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { MAX_HISTORY_PAGE, type Storage, type StoredHistoryEvent } from './Storage';

export async function readAllHistory(
  storage: Pick<Storage, 'listHistory'>,
  boardId: string,
  cardId?: string,
): Promise<StoredHistoryEvent[]> {
  const events: StoredHistoryEvent[] = [];
  for (let after = 0; ;) {
    const page = await storage.listHistory(boardId, { cardId, after, limit: MAX_HISTORY_PAGE });
    events.push(...page.events);
    const last = page.events.at(-1);
    if (!page.more || !last) return events;
    after = last.seq;
    await yieldToLoop();
  }
}
