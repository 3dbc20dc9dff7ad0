/**
 * A fresh client syncing a big board: one client uploads the board (in messages under the
 * servers' caps), then a new y-websocket WebsocketProvider connects, and we time connect →
 * synced, with the board fully applied to the new client's doc.
 */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ROOT } from '../../shared/board';
import { BenchError, withTimeout } from '../benchError';
import { collectGarbage } from '../collectGarbage';
import { median } from '../stats';
import type { ServerProcess } from '../servers/spawnServer';
import { roomUrl, type RoomAccess, type Target } from '../servers/targets';
import type { Actor } from '../../shared/board/actor';
import { BENCH_ARTICLE_TEXT, type BuiltBoard } from './cardModel';
import { LoadClient } from './loadClient';

const SYNC_TIMEOUT_MS = 30_000;
/** Factboard's storage acknowledgment; not part of this measure. */
const MESSAGE_SAVED = 100;

export interface BoardSyncResult {
  readonly medianMs: number;
  /** Server heap growth from loading the board. */
  readonly heapBytes: number;
  readonly rssBytes: number;
}

export async function measureBoardSync(
  target: Target,
  server: ServerProcess,
  /** The board, written by the given author, quoting the article on the board under this id. */
  build: (author: Actor, articleId?: string) => BuiltBoard,
  cards: number,
  repeats: number,
): Promise<BoardSyncResult> {
  if (!target.speaksYjs) throw new BenchError('unavailable', 'keeps no state to sync');
  const before = await server.stats({ gc: true });
  const access = await target.createRoom(server, 0);
  // Factboard's import proposes a card of its own (one more than the other servers hold).
  const imported = await access.importArticle?.(BENCH_ARTICLE_TEXT);
  const board = build(access.actor, imported?.id);
  const uploader = new LoadClient({ url: roomUrl(access), handshake: true });
  try {
    await uploader.ready;
    for (const update of board.updates) uploader.sendUpdate(update);
    await uploader.barrier(board.stateVector);
    const loaded = await server.stats({ gc: true });
    const times: number[] = [];
    const expected = cards + (imported?.cards ?? 0);
    for (let i = 0; i < repeats; i++) times.push(await timeFreshSync(access, expected));
    return {
      medianMs: median(times) as number,
      heapBytes: loaded.mem.heapUsed - before.mem.heapUsed,
      rssBytes: loaded.mem.rss - before.mem.rss,
    };
  } finally {
    uploader.close();
  }
}

async function timeFreshSync(access: RoomAccess, cards: number): Promise<number> {
  // The client applies 17 MB in this process: without a collection first, garbage from the
  // previous target's runs is collected during this one, and whichever server is measured
  // second pays for it.
  collectGarbage();
  const doc = new Y.Doc();
  const start = performance.now();
  const provider = new WebsocketProvider(access.serverUrl, access.room, doc, {
    params: { ...access.params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise also sync through a BroadcastChannel.
    disableBc: true,
  });
  provider.messageHandlers[MESSAGE_SAVED] = () => undefined;
  try {
    await withTimeout(
      new Promise<void>((resolve) => provider.on('sync', (synced) => synced && resolve())),
      SYNC_TIMEOUT_MS,
      `syncing ${roomUrl(access)}`,
    );
    const elapsed = performance.now() - start;
    const got = doc.getMap(ROOT.cards).size;
    if (got !== cards) throw new BenchError('incomplete', `synced ${got} of ${cards} cards`);
    return elapsed;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}
