/** Runs the import's parse, validation and doc build in a worker thread. */
import type { BoardExport } from '../../shared/export/exportSchema';
import { startWorker } from '../workers/startWorker';

export type BuiltImport =
  | {
      readonly ok: true;
      /** What the file says besides its content (cards and articles are in `update`). */
      readonly data: Pick<BoardExport, 'board' | 'history' | 'exportedAt' | 'asOf'>;
      /** The whole board as one Yjs update. */
      readonly update: Uint8Array;
    }
  | { readonly ok: false; readonly errors: readonly string[] };

export function buildImportInWorker(text: string, at: number): Promise<BuiltImport> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(new URL('./importWorker.ts', import.meta.url), { text, at });
    worker.once('message', (built: BuiltImport) => {
      resolve(built);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`import worker exited with code ${code}`)));
  });
}
