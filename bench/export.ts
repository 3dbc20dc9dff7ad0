/**
 * Export bench: a 10,000-card board (100-character claims, 300-character source sentences,
 * two comments and one piece of evidence a card, verdicts in the reviewed columns, 20,000
 * history events) stored in a real SQLite file, exported in every format through the same
 * code path as `GET /api/boards/:id/export`. For each format: total time, size, and the
 * longest the server's event loop was held (target: under 100 ms at a time).
 *
 * Run alone: node --import tsx bench/export.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import {
  addEvidence,
  type ColumnId,
  initBoard,
  readBoard,
  setBoardMeta,
  setVerdict,
} from '../shared/board';
import { DEFAULTS } from '../server/config';
import { exportBoard } from '../server/export/exportBoard';
import { importBoard } from '../server/export/importBoard';
import type { ExportFormat } from '../server/export/exportFormats';
import { renderExport } from '../server/export/renderExport';
import { createSqliteStorage } from '../server/storage/createSqliteStorage';
import { readAllHistory } from '../server/storage/readAllHistory';
import type { HistoryEvent, Storage } from '../server/storage/Storage';
import { type BoardWorkers, createBoardWorkers } from '../server/workers/createBoardWorkers';
import { type LoopMeasure, measureEventLoop } from './measureEventLoop';
import type { Section } from './section';
import { buildBoard } from './sync/cardModel';
import { formatNumber, type Table } from './table';

const CARDS = 10_000;
const LEAD = { actor: { id: 'bench-lead', name: 'Bench lead' } };
const VERDICT: Readonly<Record<ColumnId, string | null>> = {
  unverified: null,
  corroborated: 'Mostly true',
  disputed: 'Misleading',
};

/** The bench board as one stored update, and its audit history. */
function benchBoard(boardId: string): { update: Uint8Array; history: HistoryEvent[] } {
  const doc = new Y.Doc();
  for (const update of buildBoard(CARDS).updates) Y.applyUpdate(doc, update);
  initBoard(doc, { title: 'Bench board: 10,000 claims' }, LEAD);
  setBoardMeta(doc, { organisation: { name: 'Bench Desk', url: 'https://bench.example/' } }, LEAD);
  const history: HistoryEvent[] = [];
  const at = Date.now();
  for (const card of Object.values(readBoard(doc).cards)) {
    const verdict = VERDICT[card.column];
    if (verdict) setVerdict(doc, card.id, verdict, 'Checked against the published tables.', LEAD);
    addEvidence(
      doc,
      card.id,
      { url: `https://stats.example/tables/${card.id}`, quote: card.claim, stance: 'supports' },
      LEAD,
    );
    for (const type of ['card.created', 'evidence.added']) {
      history.push({
        boardId,
        cardId: card.id,
        type,
        actor: LEAD.actor,
        at,
        data: { column: card.column },
      });
    }
  }
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { update, history };
}

function exportThroughWorker(
  storage: Storage,
  workers: BoardWorkers,
  boardId: string,
  format: ExportFormat,
  at: number | null,
) {
  return measureEventLoop((count) =>
    exportBoard({ storage, workers }, { boardId, format, at }, { start() {}, write: count }),
  );
}

async function benchExport(): Promise<Table> {
  const dir = mkdtempSync(join(tmpdir(), 'factboard-export-bench-'));
  const storage = createSqliteStorage(join(dir, 'bench.db'));
  // The server's board threads, as startServer makes them.
  const workers = createBoardWorkers({
    timeoutMs: DEFAULTS.boardJobTimeoutMs,
    maxWaiting: DEFAULTS.boardJobQueueLength,
    idleMs: DEFAULTS.threadIdleMs,
  });
  try {
    const boardId = 'bench-board';
    const createdAt = Date.now() - 1_000;
    await storage.createBoard({ id: boardId, title: 'Bench board', createdAt });
    const { update, history } = benchBoard(boardId);
    await storage.appendUpdate(boardId, update, createdAt);
    await storage.appendHistory(history);

    const rows: string[][] = [];
    const row = (label: string, m: LoopMeasure) =>
      rows.push([
        label,
        formatNumber(m.ms, 'ms'),
        formatNumber(m.bytes / 1e6, 'MB'),
        m.maxCpuBurstMs === null ? 'n/a' : formatNumber(m.maxCpuBurstMs, 'ms'),
        m.maxCpuBurstMs === null ? 'n/a' : m.maxCpuBurstMs < 100 ? 'yes' : 'NO',
        formatNumber(m.maxBusyMs, 'ms'),
        formatNumber(m.maxDelayMs, 'ms'),
      ]);
    for (const format of ['json', 'csv', 'md', 'claimreview'] as const) {
      row(format, await exportThroughWorker(storage, workers, boardId, format, null));
    }
    row(
      'json, as of a past moment',
      await exportThroughWorker(storage, workers, boardId, 'json', Date.now()),
    );

    // For comparison: the same JSON export rendered on the event loop, without the worker.
    const content = await storage.loadContent(boardId);
    let json = '';
    row(
      'json rendered in-thread (not used; shows what the worker avoids)',
      await measureEventLoop(async (count) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        json = renderExport({
          format: 'json',
          boardId,
          snapshot: content.snapshot,
          updates: content.updates,
          history: await readAllHistory(storage, boardId),
          exportedAt: Date.now(),
          asOf: null,
          organisation: null,
          redactions: [],
        }).text;
        count(json);
      }),
    );

    // The way back: that JSON file imported as a new board (parse, validate, build in a worker).
    row(
      'import of the json file',
      await measureEventLoop(async (count) => {
        await importBoard(
          {
            storage,
            workers,
            leadInvite: (boardId, name) => ({
              invite: {
                id: `lead-${boardId}`,
                boardId,
                name,
                role: 'lead',
                createdAt: Date.now(),
                revokedAt: null,
                revokedBy: null,
                roleChange: null,
                expiresAt: null,
                expirySetBy: null,
                joinedAt: null,
              },
              token: 'bench',
              url: 'bench',
            }),
          },
          json,
          { leadName: 'Bench lead' },
        );
        count(json);
      }),
    );

    return {
      title: `Export of a ${CARDS.toLocaleString('en-US')}-card board`,
      columns: [
        'format',
        'total time',
        'size',
        'longest main-thread CPU burst',
        'under 100 ms',
        'longest busy stretch (wall)',
        'longest timer delay',
      ],
      rows,
      notes: [
        `Board: ${CARDS.toLocaleString('en-US')} cards (100-char claim, 300-char sentence, two comments, one evidence link), ` +
          `verdicts on reviewed cards, ${history.length.toLocaleString('en-US')} history events; stored as ${formatNumber(update.byteLength / 1e6, 'MB')} in SQLite.`,
        'Path: exportBoard (server/export), as GET /api/boards/:id/export runs it: storage reads on the main thread, ' +
          'doc load, read and formatting in a worker thread, text streamed back in 256 KiB slices. ' +
          'Import as POST /api/boards/import runs it: parse, validation and doc build in a worker, then storage writes.',
        'Total time includes starting the worker. Between two ticks of a 1 ms probe: CPU burst = main-thread CPU time (/proc schedstat; ' +
          'the loop held by work, GC included, independent of machine load); busy stretch = active wall time of the loop ' +
          '(eventLoopUtilization); timer delay = the gap. The last two also count waiting for a CPU on a loaded machine.',
      ],
    };
  } finally {
    await workers.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function exportSection(): Section {
  return { name: 'export', run: benchExport };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { renderMarkdown } = await import('./table');
  process.stdout.write(renderMarkdown(await benchExport()));
}
