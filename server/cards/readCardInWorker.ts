/** One card of a board's stored content, read on a board thread (readCardAt). */
import type { CardView } from '../../shared/board/view';
import type { StoredContent } from '../storage/Storage';
import { boardWorkers } from '../workers/boardWorkers';

export interface CardAtJob {
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
  readonly cardId: string;
}

/** The card as the content holds it, or null; waits for a free board thread first. */
export function readCardInWorker(content: StoredContent, cardId: string): Promise<CardView | null> {
  const job: CardAtJob = { snapshot: content.snapshot, updates: content.updates, cardId };
  return boardWorkers.run(async (thread) => {
    thread.post({ type: 'card', job });
    const reply = await thread.next();
    if (reply.type !== 'card') throw new Error(`a card read got '${reply.type}' from its thread`);
    return reply.card;
  });
}
