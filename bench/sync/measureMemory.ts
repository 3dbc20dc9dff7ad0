/**
 * Server memory: idle; then `boards` boards loaded, each with one client that uploads a board of
 * `cardsPerBoard` cards; then `extraClients` more connections spread over those boards.
 * Differences over the counts give the cost of one board and of one connection (heap after a
 * full GC, and RSS, which also holds native memory such as SQLite's page cache).
 */
import type { ServerProcess } from '../servers/spawnServer';
import { roomUrl, type Target } from '../servers/targets';
import type { Actor } from '../../shared/board/actor';
import type { BuiltBoard } from './cardModel';
import { LoadClient } from './loadClient';
import { closeAll, sleep } from './loadRoom';

export interface MemoryOptions {
  readonly boards: number;
  readonly extraClientsPerBoard: number;
}

export interface MemoryResult {
  readonly idleRss: number;
  readonly idleHeap: number;
  readonly boardRss: number;
  readonly boardHeap: number;
  readonly connectionRss: number;
  readonly connectionHeap: number;
}

export async function measureMemory(
  target: Target,
  server: ServerProcess,
  /** A board's content, written by the given author. */
  build: (author: Actor) => BuiltBoard,
  options: MemoryOptions,
): Promise<MemoryResult> {
  const clients: LoadClient[] = [];
  const connect = async (url: string) => {
    const client = new LoadClient({ url, handshake: target.speaksYjs });
    clients.push(client);
    await client.ready;
    return client;
  };
  // The relay answers nothing and keeps nothing: no barrier to wait on, nothing to wait for.
  const settle = (client: LoadClient, board: BuiltBoard) =>
    target.speaksYjs ? client.barrier(board.stateVector) : Promise.resolve();
  try {
    await sleep(300);
    const idle = await server.stats({ gc: true });
    const urls: string[] = [];
    for (let b = 0; b < options.boards; b++) {
      const access = await target.createRoom(server, b);
      const url = roomUrl(access);
      urls.push(url);
      const owner = await connect(url);
      const board = build(access.actor);
      for (const update of board.updates) owner.sendUpdate(update);
      await settle(owner, board);
    }
    await sleep(200);
    const loaded = await server.stats({ gc: true });
    await Promise.all(
      urls.flatMap((url) =>
        Array.from({ length: options.extraClientsPerBoard }, () => connect(url)),
      ),
    );
    await sleep(200);
    const connected = await server.stats({ gc: true });
    const extra = options.boards * options.extraClientsPerBoard;
    const connectionRss = (connected.mem.rss - loaded.mem.rss) / extra;
    const connectionHeap = (connected.mem.heapUsed - loaded.mem.heapUsed) / extra;
    return {
      idleRss: idle.mem.rss,
      idleHeap: idle.mem.heapUsed,
      // Each loaded board came with its owner's connection; take that out.
      boardRss: (loaded.mem.rss - idle.mem.rss) / options.boards - connectionRss,
      boardHeap: (loaded.mem.heapUsed - idle.mem.heapUsed) / options.boards - connectionHeap,
      connectionRss,
      connectionHeap,
    };
  } finally {
    closeAll(clients.map((client) => ({ client })));
  }
}
