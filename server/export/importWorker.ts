/**
 * The import worker: parses, validates and builds an imported board off the main thread (for
 * a 10,000-card file about a second of work that cannot be split), and sends back the board
 * as one Yjs update, or the list of problems.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import { importBoardFromJson } from '../../shared/export/importBoardFromJson';
import type { BuiltImport } from './buildImportInWorker';

const port = parentPort;
if (!port) throw new Error('importWorker runs as a worker thread only');
const { text, at } = workerData as { text: string; at: number };

const result = importBoardFromJson(text);
if (!result.ok) {
  port.postMessage({ ok: false, errors: result.errors } satisfies BuiltImport);
} else {
  const doc = new Y.Doc();
  result.apply(doc, { actor: SYSTEM_ACTOR, now: () => at });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const { board, history, exportedAt, asOf } = result.data;
  const built: BuiltImport = { ok: true, data: { board, history, exportedAt, asOf }, update };
  port.postMessage(built, [update.buffer as ArrayBuffer]);
}
