/** One card of a board's stored content, read on a board thread (readCardAt). */
import type { CardView } from '../../shared/board/view';
import type { StoredContent } from '../storage/Storage';
import type { BoardWorkers } from '../workers/createBoardWorkers';
import { UnexpectedReplyError } from '../workers/UnexpectedReplyError';

export interface CardAtJob {
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
  readonly cardId: string;
}

/**
 * The card as the content holds it, or null. The content is loaded once a board thread is
 * free (`load`), so a restore waiting for one holds no board in memory. Rejects with a JobError
 * ('restore') when the queue is full, the read runs past the time limit or its thread fails,
 * and with the signal's reason when `signal` aborts first.
 */
export function readCardInWorker(
  workers: BoardWorkers,
  load: () => Promise<StoredContent>,
  cardId: string,
  signal?: AbortSignal,
): Promise<CardView | null> {
  return workers.run(
    'restore',
    async (thread) => {
      const { snapshot, updates } = await load();
      thread.post({ type: 'card', job: { snapshot, updates, cardId } });
      const reply = await thread.next();
      if (reply.type !== 'card') throw new UnexpectedReplyError('a card read', reply.type);
      return reply.card;
    },
    signal,
  );
}
