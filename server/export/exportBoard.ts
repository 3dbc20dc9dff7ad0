/**
 * A board's export as of now or as of a past moment: load the stored content and history,
 * render in a worker, stream to the sink.
 *
 * Exports read storage, not the live room: the sync server stores every update before it
 * applies and broadcasts it (DESIGN §3), so storage holds everything anyone has seen, and
 * an export neither loads a room nor waits on one.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ExportError } from '../../shared/export/ExportError';
import { redactionMarks } from '../../shared/history/redactionMarks';
import { readAllHistory } from '../storage/readAllHistory';
import type { Organisation } from '../../shared/board/view';
import type { Storage } from '../storage/Storage';
import type { BoardWorkers } from '../workers/createBoardWorkers';
import type { ExportFormat } from './exportFormats';
import { type ExportSink, renderInWorker } from './renderInWorker';

export interface ExportRequest {
  readonly boardId: string;
  readonly format: ExportFormat;
  /** ms since the epoch, for "export as of"; null for the current state. */
  readonly at: number | null;
  /** Publishes a ClaimReview whose board has no organisation (yet) under this one. */
  readonly organisation?: Organisation | null;
}

export interface ExportDeps {
  readonly storage: Storage;
  readonly workers: BoardWorkers;
}

export async function exportBoard(
  deps: ExportDeps,
  request: ExportRequest,
  sink: ExportSink,
  signal?: AbortSignal,
): Promise<void> {
  const exportedAt = Date.now();
  const { boardId, at } = request;
  if (at !== null) {
    const board = await deps.storage.getBoard(boardId);
    if (board && at < board.createdAt) {
      throw new ExportError('invalid_at', 'that moment is before the board was created');
    }
    if (at > exportedAt) throw new ExportError('invalid_at', 'that moment is in the future');
  }
  // The content is loaded once a board thread is free, so a queued export holds no board in
  // memory.
  await renderInWorker(
    deps.workers,
    async () => {
      // One storage read per turn of the event loop: SQLite reads are synchronous, and the two
      // together take longer than either.
      const content = await (at === null
        ? deps.storage.loadContent(boardId)
        : deps.storage.loadContentAt(boardId, at));
      await yieldToLoop();
      const history = await readAllHistory(deps.storage, boardId);
      await yieldToLoop();
      return {
        format: request.format,
        boardId,
        snapshot: content.snapshot,
        updates: content.updates,
        history: at === null ? history : history.filter((e) => e.at <= at),
        exportedAt,
        asOf: at,
        organisation: request.organisation ?? null,
        redactions: at === null ? [] : [...redactionMarks(history)],
      };
    },
    sink,
    signal,
  );
}
