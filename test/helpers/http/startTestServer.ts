/**
 * The real server for tests: startServer on 127.0.0.1, port 0, a fresh data directory (real
 * SQLite file) unless one is given, no client files. `stop()` closes it and removes the
 * directory it created.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBoard } from '../../../shared/board/readBoard';
import type { BoardView } from '../../../shared/board/view';
import type { Config } from '../../../server/config';
import { type RunningServer, type StartOptions, startServer } from '../../../server/startServer';

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  /** The board as the server holds it now. */
  board(boardId: string): Promise<BoardView>;
  /** Closes the server and removes a data directory that startTestServer created. */
  stop(): Promise<void>;
}

export async function startTestServer(
  overrides: Partial<Config> = {},
  options: StartOptions = {},
): Promise<TestServer> {
  const ownDir = overrides.dataDir === undefined;
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'factboard-http-'));
  const running = await startServer(
    { port: 0, host: '127.0.0.1', publicUrl: null, adminToken: null, ...overrides, dataDir },
    { client: null, ...options },
  );
  return {
    ...running,
    dataDir,
    board: (boardId) => running.syncServer.read(boardId, (doc) => readBoard(doc)),
    async stop() {
      await running.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
