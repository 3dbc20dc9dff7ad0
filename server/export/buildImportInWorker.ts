/** Runs the import's parse, validation and doc build on a board thread (buildImport). */
import type { BoardExport } from '../../shared/export/exportSchema';
import type { BoardWorkers } from '../workers/createBoardWorkers';
import { UnexpectedReplyError } from '../workers/UnexpectedReplyError';

export type BuiltImport =
  | {
      readonly ok: true;
      /** What the file says besides its content (cards and articles are in `update`). */
      readonly data: Pick<BoardExport, 'board' | 'history' | 'exportedAt' | 'asOf'>;
      /** The whole board as one Yjs update. */
      readonly update: Uint8Array;
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Waits for a free board thread first. Rejects with a JobError ('import') when the queue is full,
 * the build runs past the time limit or its thread fails, and with the signal's reason when
 * `signal` aborts first (its thread is then stopped: see createWorkerPool).
 */
export function buildImportInWorker(
  workers: BoardWorkers,
  text: string,
  at: number,
  signal?: AbortSignal,
): Promise<BuiltImport> {
  return workers.run(
    'import',
    async (thread) => {
      thread.post({ type: 'import', text, at });
      const reply = await thread.next();
      if (reply.type !== 'imported') {
        throw new UnexpectedReplyError('an import', reply.type);
      }
      return reply.built;
    },
    signal,
  );
}
