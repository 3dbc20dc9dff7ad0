/**
 * `POST /api/boards/import`: a JSON export becomes a new board with the same content.
 *
 * The whole file is parsed, validated and built into a doc in a worker thread before anything
 * is written. The content goes straight to storage as one update, before any room exists for
 * the new board (nobody holds a token for it yet), so no room can hold a stale copy. The
 * exported history is carried over unchanged (its card ids still match, because imports keep
 * ids) and closed with one `board.imported` event by the system, so the board's history says
 * where it came from and when.
 *
 * The lead invite is issued last: if a write fails half-way, the board that was started has
 * no token that opens it.
 *
 * An import whose `signal` aborts (its client went away) before its first write is cancelled:
 * it leaves the queue for a board thread, or has its thread stopped, and writes nothing. Once
 * writing has begun it finishes, so that no board is ever left half-written.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import { newId as randomId } from '../../shared/board/newId';
import { ExportError } from '../../shared/export/ExportError';
import type { HistoryEvent, Storage } from '../storage/Storage';
import type { BoardWorkers } from '../workers/createBoardWorkers';
import { buildImportInWorker } from './buildImportInWorker';

/** History rows per storage call: each call is one synchronous SQLite transaction. */
const EVENTS_PER_WRITE = 2_000;

export interface ImportDeps {
  readonly storage: Storage;
  readonly workers: BoardWorkers;
  /** Creates the new board's lead invite, as `POST /api/boards` does for a new board. */
  readonly issueLeadInvite: (
    boardId: string,
    name: string,
  ) => Promise<{ readonly token: string; readonly url: string }>;
  readonly now?: () => number;
  readonly newId?: () => string;
}

/** The same answer as `POST /api/boards`. */
export interface ImportedBoard {
  readonly id: string;
  readonly title: string;
  readonly leadToken: string;
  readonly leadUrl: string;
}

/**
 * Imports the JSON text of a board export; throws ExportError('invalid_export') listing
 * problems, JobError ('import') when the board threads are busy, too slow or failing, and the
 * signal's reason when it aborts before anything is written.
 */
export async function importBoard(
  deps: ImportDeps,
  text: string,
  options: { readonly leadName: string; readonly signal?: AbortSignal },
): Promise<ImportedBoard> {
  const at = (deps.now ?? Date.now)();
  const built = await buildImportInWorker(deps.workers, text, at, options.signal);
  if (!built.ok) {
    throw new ExportError('invalid_export', 'not a valid Factboard board export', built.errors);
  }
  const { data, update } = built;
  const id = (deps.newId ?? randomId)();
  const history: HistoryEvent[] = data.history.map((e) => ({
    boardId: id,
    cardId: e.cardId,
    type: e.type,
    actor: e.actor,
    at: Date.parse(e.at),
    data: e.data,
  }));
  history.push({
    boardId: id,
    cardId: null,
    type: 'board.imported',
    actor: SYSTEM_ACTOR,
    at,
    data: {
      fromBoardId: data.board.id,
      exportedAt: data.exportedAt,
      asOf: data.asOf,
      importedEvents: data.history.length,
    },
  });

  // The last moment to give up: from here on every write is made, whoever is listening.
  options.signal?.throwIfAborted();
  await deps.storage.createBoard({ id, title: data.board.title, createdAt: at });
  await deps.storage.appendUpdate(id, update, at);
  for (let i = 0; i < history.length; i += EVENTS_PER_WRITE) {
    await yieldToLoop();
    await deps.storage.appendHistory(history.slice(i, i + EVENTS_PER_WRITE));
  }
  const lead = await deps.issueLeadInvite(id, options.leadName);
  return { id, title: data.board.title, leadToken: lead.token, leadUrl: lead.url };
}
