/** One card of a board's stored content, read in a worker thread (see cardAtWorker). */
import type { CardView } from '../../shared/board/view';
import { workerSlots } from '../workers/workerSlots';
import type { StoredContent } from '../storage/Storage';
import { startWorker } from '../workers/startWorker';

export interface CardAtJob {
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
  readonly cardId: string;
}

/** The card as the content holds it, or null; waits for a free worker slot first. */
export function readCardInWorker(content: StoredContent, cardId: string): Promise<CardView | null> {
  const job: CardAtJob = { snapshot: content.snapshot, updates: content.updates, cardId };
  return workerSlots.run(
    () =>
      new Promise<CardView | null>((resolve, reject) => {
        const worker = startWorker(new URL('./cardAtWorker.ts', import.meta.url), { ...job });
        worker.once('message', (card: CardView | null) => {
          resolve(card);
          void worker.terminate();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the card reader stopped (${code})`)));
      }),
  );
}
