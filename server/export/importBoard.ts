/**
 * `POST /api/boards/import`: a JSON export becomes a new board with the same content.
 *
 * The whole file is parsed, validated and built into a doc in a worker thread before anything
 * is written. Then the board's record, its content as one update, its history and its lead
 * invite are stored in one storage transaction (Storage.createBoardWithLead), before any room
 * exists for the new board (nobody holds a token for it yet), so no room can hold a stale copy.
 * One transaction, so that a crash, a failed write or a shutdown never leaves a board with part
 * of its history or without the invite that opens it. It costs the event loop the history's
 * insertion in one go (20,000 events: 130–220 ms measured, where 2,000 at a time held it
 * 18–47 ms each): a rare, explicit action, and a board half imported is worse. The exported
 * history is carried over unchanged (its card ids still match, because imports keep ids) and
 * closed with one `board.imported` event, so the board's history says where it came from, when,
 * and who brought it: the person the request named (the new board's lead, by their invite), or
 * the system when it named nobody.
 *
 * An import whose `signal` aborts (its client went away) before that write is cancelled: it
 * leaves the queue for a board thread, or has its thread stopped, and writes nothing. One whose
 * client went away during the write has the board deleted again: the answer holds the board's
 * only lead link, so nobody could ever open it (a page whose progress report lagged the last
 * bytes and was cancelled, a tab closed or a link lost while "Building the board…").
 */
import { type Actor, SYSTEM_ACTOR } from '../../shared/board/actor';
import { newId } from '../../shared/board/newId';
import { ExportError } from '../../shared/export/ExportError';
import type { HistoryEvent, InviteRecord, Storage, StoredAnswer } from '../storage/Storage';
import type { BoardWorkers } from '../workers/createBoardWorkers';
import { buildImportInWorker } from './buildImportInWorker';

export interface ImportDeps {
  readonly storage: Storage;
  readonly workers: BoardWorkers;
  /**
   * The new board's lead invite, as `POST /api/boards` makes one, with its token and link; not
   * stored: the import stores it with the board.
   */
  readonly leadInvite: (
    boardId: string,
    name: string,
  ) => { readonly invite: InviteRecord; readonly token: string; readonly url: string };
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
  options: {
    /** The importer's display name, when the request gave one (`?name=`). */
    readonly leadName?: string;
    readonly signal?: AbortSignal;
    /** The request's Idempotency-Key entry for the board, stored with it (none: no key). */
    readonly keep?: (imported: ImportedBoard) => StoredAnswer | undefined;
  },
): Promise<ImportedBoard> {
  const at = Date.now();
  const built = await buildImportInWorker(deps.workers, text, at, options.signal);
  if (!built.ok) {
    throw new ExportError('invalid_export', 'not a valid Factboard board export', built.errors);
  }
  const { data, update } = built;
  const id = newId();
  // Unnamed, the lead is "Lead", as POST /api/boards names one; the import is then the system's.
  const lead = deps.leadInvite(id, options.leadName ?? 'Lead');
  const importer: Actor = options.leadName
    ? { id: lead.invite.id, name: lead.invite.name }
    : SYSTEM_ACTOR;
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
    actor: importer,
    at,
    data: {
      fromBoardId: data.board.id,
      exportedAt: data.exportedAt,
      asOf: data.asOf,
      importedEvents: data.history.length,
    },
  });

  const imported: ImportedBoard = {
    id,
    title: data.board.title,
    leadToken: lead.token,
    leadUrl: lead.url,
  };

  // The last moment to give up: from here on the board is written, whoever is listening.
  options.signal?.throwIfAborted();
  await deps.storage.createBoardWithLead({
    board: { id, title: data.board.title, createdAt: at },
    update,
    history,
    lead: lead.invite,
    answer: options.keep?.(imported),
  });
  if (options.signal?.aborted) {
    await deps.storage.deleteBoard(id);
    throw options.signal.reason;
  }
  return imported;
}
