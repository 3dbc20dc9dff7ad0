/**
 * A data directory for tests of the board threads' jobs (exports, board imports, card
 * restores) on the real server: a board big enough that each of its jobs takes a real while
 * (4,000 cards: an export or an import about 1.4 s on a warm thread here, a card's restore
 * about 0.6 s), with one card deleted so it can be restored, and its JSON export; and a small
 * board whose jobs take a few ms. Made once per file through the real server, which each test
 * then starts on it with the limits it needs.
 */
import { connect } from 'node:net';
import * as Y from 'yjs';
import { buildBoard } from '../../../bench/sync/cardModel';
import { SYSTEM_ACTOR } from '../../../shared/board/actor';
import { deleteCard } from '../../../shared/board/commands/cards';
import { cardsMap } from '../../../shared/board/schema';
import type { Config } from '../../../server/config';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest, type RestBoard } from '../../helpers/restApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

export const BIG_BOARD_CARDS = 4_000;

/** A download whose client does not read it. */
export interface StalledDownload {
  /** The client reads at last: everything the server sent until it closed the connection. */
  readAll(): Promise<string>;
  /** The client goes away. */
  leave(): void;
}

export interface BoardJobsDir {
  readonly dir: TempDir;
  readonly big: RestBoard & { readonly deletedCardId: string };
  readonly small: RestBoard;
  /** The big board's JSON export, for imports. */
  readonly bigExport: string;
  /** The real server on this directory, with these limits. */
  start(overrides?: Partial<Config>): Promise<TestServer>;
  /**
   * A GET of the big board's export by a client that never reads the answer: its 13 MB are far
   * more than the sockets buffer, so the export holds its board thread until the client leaves
   * or the time limit stops it. Resolves once the request is sent.
   */
  stalledExport(running: TestServer): Promise<StalledDownload>;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

async function stalledGet(url: string, path: string, token: string): Promise<StalledDownload> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  // Nothing is read: the kernel's buffers fill and the server's writes wait.
  socket.pause();
  socket.on('error', () => {});
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n` +
      'Connection: close\r\n\r\n',
  );
  return {
    async readAll() {
      socket.resume();
      await closed;
      return Buffer.concat(chunks).toString('latin1');
    },
    leave: () => socket.destroy(),
  };
}

export async function makeBoardJobsDir(): Promise<BoardJobsDir> {
  const dir = makeTempDir('factboard-board-jobs-');
  const start = (overrides: Partial<Config> = {}) =>
    startTestServer({ ...overrides, dataDir: dir.path });
  const server = await start();
  try {
    const small = await createBoardOverRest(server.url, 'Small board');
    const big = await createBoardOverRest(server.url, 'Big board');
    await server.syncServer.change(big.id, SYSTEM_ACTOR, (doc) => {
      for (const update of buildBoard(BIG_BOARD_CARDS).updates) Y.applyUpdate(doc, update);
    });
    const deletedCardId = await server.syncServer.read(
      big.id,
      (doc) => [...cardsMap(doc).keys()][0] as string,
    );
    // In a millisecond of its own: the board as of just before it is exact (restoreDeletedCard).
    await settle();
    await server.syncServer.change(big.id, SYSTEM_ACTOR, (doc) =>
      deleteCard(doc, deletedCardId, { actor: SYSTEM_ACTOR }),
    );
    const exportPath = `/api/boards/${big.id}/export?format=json`;
    const exported = await request(server.url, 'GET', exportPath, { token: big.leadToken });
    if (exported.status !== 200) throw new Error(`export: ${exported.status}`);
    return {
      dir,
      big: { ...big, deletedCardId },
      small,
      bigExport: JSON.stringify(exported.body),
      start,
      stalledExport: (running) => stalledGet(running.url, exportPath, big.leadToken),
    };
  } finally {
    await server.stop();
  }
}
