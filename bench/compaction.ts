/**
 * Compaction bench: how long compacting a 10,000-card board (17 MB snapshot) holds the event
 * loop, two ways, on a real SQLite storage with the board loaded as a room holds it:
 * - baseline: the snapshot encoded on the event loop from the live doc, as a room does up to
 *   8 MB (and before the compaction thread did for every board, storing it in place too);
 * - rebuilt: the storage rebuilds the snapshot from its stored log on its compaction thread,
 *   what a room leaves to it from 8 MB on.
 * Either way the thread stores the snapshot and prunes.
 * Rounds alternate the two, so both see the same machine.
 *
 * Run alone: node --import tsx bench/compaction.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { createSqliteStorage } from '../server/storage/createSqliteStorage';
import { LOOP_COLUMNS, LOOP_PROBE_NOTE, loopRow } from './loopTable';
import { type LoopMeasure, measureEventLoop } from './measureEventLoop';
import type { Section } from './section';
import { buildBoard } from './sync/cardModel';
import { formatNumber, type Table } from './table';

const CARDS = 10_000;
const ROUNDS = 3;

async function benchCompaction(): Promise<Table> {
  const dir = mkdtempSync(join(tmpdir(), 'factboard-compaction-bench-'));
  const storage = createSqliteStorage(join(dir, 'bench.db'));
  try {
    const boardId = 'bench-board';
    await storage.createBoard({ id: boardId, title: 'Bench board', createdAt: 1 });
    const built = buildBoard(CARDS);
    const doc = new Y.Doc(); // the room's live doc: its heap is part of what GC walks
    let seq = 0;
    for (const update of built.updates) {
      Y.applyUpdate(doc, update);
      seq = await storage.appendBatch(boardId, {
        updates: [update],
        bindings: [],
        history: [],
        at: 1,
      });
    }
    // The first job starts the thread; a running server has it up long before a big board.
    await storage.compact(boardId, seq, 2, { pruneBefore: 0 });

    const inLoop: LoopMeasure[] = [];
    const onThread: LoopMeasure[] = [];
    let snapshotBytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Each compaction covers one more stored update, so each one has work to do.
      const next = async () => {
        const update = built.updates[round % built.updates.length] as Uint8Array;
        seq = await storage.appendBatch(boardId, {
          updates: [update],
          bindings: [],
          history: [],
          at: 3,
        });
      };
      await next();
      inLoop.push(
        await measureEventLoop(async (count) => {
          const state = Y.encodeStateAsUpdate(doc);
          count(String(state.byteLength));
          snapshotBytes = await storage.compact(boardId, seq, 4 + round, { state, pruneBefore: 0 });
        }),
      );
      await next();
      onThread.push(
        await measureEventLoop(async () => {
          await storage.compact(boardId, seq, 4 + round, { pruneBefore: 0 });
        }),
      );
    }

    return {
      title: `Compaction of a ${CARDS.toLocaleString('en-US')}-card board`,
      columns: LOOP_COLUMNS,
      rows: [
        loopRow('encoded on the event loop (baseline)', inLoop, inLoop),
        loopRow('rebuilt on the compaction thread', onThread, inLoop),
      ],
      notes: [
        `Board: ${CARDS.toLocaleString('en-US')} cards (100-char claim, 300-char sentence, two comments), ` +
          `a ${formatNumber(snapshotBytes / 1e6, 'MB')} snapshot, stored in SQLite as ${built.updates.length} updates; ` +
          `medians of ${ROUNDS} rounds, the two ways alternating; each includes writing the snapshot and pruning.`,
        LOOP_PROBE_NOTE,
      ],
    };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function compactionSection(): Section {
  return { name: 'compaction', run: benchCompaction };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { renderMarkdown } = await import('./table');
  process.stdout.write(renderMarkdown(await benchCompaction()));
}
