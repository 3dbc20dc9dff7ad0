/**
 * Restore bench: how long restoring a deleted card of a 10,000-card board holds the event
 * loop, on the composed server (SQLite, rooms, history). A restore needs the card as it was
 * before its deletion, so the board as of then is built from storage:
 * - baseline: built on the event loop (loadContentAt, one Y.applyUpdate of the 17 MB
 *   snapshot, read the card), what a restore without a worker would do;
 * - restore: the whole POST's work (restoreDeletedCard), which builds it in a worker thread.
 * Rounds alternate the two, so both see the same machine.
 *
 * Run alone: node --import tsx bench/restore.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { deleteCard } from '../shared/board/commands/cards';
import { readCard } from '../shared/board/readCard';
import { cardsMap } from '../shared/board/schema';
import { restoreDeletedCard } from '../server/cards/restoreDeletedCard';
import { createBoard } from '../server/http/boardActions';
import { startServer } from '../server/startServer';
import { applyStoredContent } from '../server/storage/applyStoredContent';
import { LOOP_COLUMNS, LOOP_PROBE_NOTE, loopRow } from './loopTable';
import { type LoopMeasure, measureEventLoop } from './measureEventLoop';
import type { Section } from './section';
import { buildBoard } from './sync/cardModel';
import type { Table } from './table';

const CARDS = 10_000;
const ROUNDS = 3;
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function benchRestore(): Promise<Table> {
  const dir = mkdtempSync(join(tmpdir(), 'factboard-restore-bench-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    publicUrl: null,
    adminToken: null,
  });
  try {
    const { board, lead } = await createBoard(server, { title: 'Bench board', leadName: 'Lead' });
    // The board's lead does it all: a restore is refused to an actor no invite of the board
    // allows to edit it (SyncServer.change's `requires`).
    const actor = { id: lead.invite.id, name: lead.invite.name };
    const built = buildBoard(CARDS);
    await server.syncServer.change(board.id, actor, (doc) => {
      for (const update of built.updates) Y.applyUpdate(doc, update);
    });
    const cardId = await server.syncServer.read(board.id, (doc) => [...cardsMap(doc).keys()][0]!);
    const remove = async () => {
      await settle(); // a deletion in a millisecond of its own: the board before it is exact
      await server.syncServer.change(board.id, actor, (doc) => deleteCard(doc, cardId, { actor }));
      await settle();
    };

    const onLoop: LoopMeasure[] = [];
    const restored: LoopMeasure[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await remove();
      onLoop.push(
        await measureEventLoop(async () => {
          const content = await server.storage.loadContentAt(board.id, Date.now());
          const doc = new Y.Doc();
          applyStoredContent(doc, content);
          const card = cardsMap(doc).get(cardId);
          if (card instanceof Y.Map) readCard(card, cardId, []);
          doc.destroy();
        }),
      );
      restored.push(
        await measureEventLoop(async () => {
          await restoreDeletedCard(server, board.id, actor, cardId);
        }),
      );
    }

    return {
      title: `Restoring a deleted card of a ${CARDS.toLocaleString('en-US')}-card board`,
      columns: LOOP_COLUMNS,
      rows: [
        loopRow('old board built on the event loop (baseline)', onLoop, onLoop),
        loopRow('restore (old board built in a worker)', restored, onLoop),
      ],
      notes: [
        `Board: ${CARDS.toLocaleString('en-US')} cards (100-char claim, 300-char sentence, two comments) ` +
          `on the composed server with SQLite; medians of ${ROUNDS} rounds, the two ways alternating. ` +
          'The restore includes reading the history, the stored board, the worker, and the change that puts the card back.',
        LOOP_PROBE_NOTE,
      ],
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function restoreSection(): Section {
  return { name: 'restore', run: benchRestore };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { renderMarkdown } = await import('./table');
  process.stdout.write(renderMarkdown(await benchRestore()));
  process.exit(0);
}
