/**
 * A board import or card restore whose HTTP client disconnects is cancelled
 * (server/export/importBoard, server/cards/restoreDeletedCard): still waiting for a board
 * thread, it leaves the queue; running there, its thread is stopped; either way nothing is
 * written. An import that has begun writing finishes: no board is ever left half-written.
 * Real server on port 0, real requests aborted mid-way, real threads, real SQLite; the slow
 * jobs are a 4,000-card board's.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../../server/config';
import { abandonable, request } from '../../helpers/http/request';
import type { TestServer } from '../../helpers/http/startTestServer';
import { waitFor } from '../../helpers/waitFor';
import { type BoardJobsDir, makeBoardJobsDir } from './boardJobsDir';

let jobs: BoardJobsDir;
let server: TestServer | null = null;
const requests: { leave(): void }[] = [];

beforeAll(async () => {
  jobs = await makeBoardJobsDir();
}, 120_000);
afterEach(async () => {
  for (const r of requests.splice(0)) r.leave();
  vi.restoreAllMocks();
  await server?.stop();
  server = null;
});
afterAll(() => jobs?.dir.remove());

async function start(overrides: Partial<Config> = {}): Promise<TestServer> {
  server = await jobs.start(overrides);
  return server;
}

function track<T extends { leave(): void }>(job: T): T {
  requests.push(job);
  return job;
}

const importBig = (running: TestServer) =>
  track(
    abandonable(running.url, 'POST', '/api/boards/import', {
      raw: jobs.bigExport,
      contentType: 'application/json',
    }),
  );

const restoreDeleted = (running: TestServer) =>
  track(
    abandonable(
      running.url,
      'POST',
      `/api/boards/${jobs.big.id}/cards/${jobs.big.deletedCardId}/restore`,
      { token: jobs.big.leadToken },
    ),
  );

const JOBS = { import: importBig, restore: restoreDeleted } as const;

const isRestored = async (running: TestServer) =>
  (await running.board(jobs.big.id)).cards[jobs.big.deletedCardId] !== undefined;

describe.each(['import', 'restore'] as const)('a board %s whose client disconnects', (kind) => {
  it('still waiting leaves the queue and writes nothing', { timeout: 120_000 }, async () => {
    const running = await start();
    const createBoard = vi.spyOn(running.storage, 'createBoard');
    // Both threads held by downloads nobody reads, until they leave.
    const busy = [
      track(await jobs.stalledExport(running)),
      track(await jobs.stalledExport(running)),
    ];
    await waitFor(() => running.boardWorkers.stats().running === 2, {
      timeout: 30_000,
      what: 'both threads busy',
    });
    const queued = JOBS[kind](running);
    await waitFor(() => running.boardWorkers.stats().waiting === 1, {
      timeout: 30_000,
      what: 'a job waiting',
    });
    queued.leave();
    expect(await queued.outcome).toMatchObject({ name: 'AbortError' });
    await waitFor(() => running.boardWorkers.stats().waiting === 0, { what: 'the queue emptied' });
    expect(running.boardWorkers.stats()).toEqual({ running: 2, waiting: 0 });

    for (const job of busy) job.leave();
    await waitFor(() => running.boardWorkers.stats().running === 0, { what: 'threads freed' });
    expect(createBoard).not.toHaveBeenCalled();
    expect(await isRestored(running)).toBe(false);
  });

  it(
    'running has its thread stopped and writes nothing; the next job gets a fresh thread',
    { timeout: 120_000 },
    async () => {
      const running = await start();
      // A warm thread, which takes the job at once.
      const warm = await request(
        running.url,
        'GET',
        `/api/boards/${jobs.small.id}/export?format=csv`,
        {
          token: jobs.small.leadToken,
        },
      );
      expect(warm.status).toBe(200);
      const createBoard = vi.spyOn(running.storage, 'createBoard');
      const job = JOBS[kind](running);
      await waitFor(() => running.boardWorkers.stats().running === 1, {
        timeout: 30_000,
        what: 'the job running',
      });
      const { started } = running.boardWorkers.threads();
      job.leave();
      expect(await job.outcome).toMatchObject({ name: 'AbortError' });
      // Freed well before the second or so the job would take.
      await waitFor(() => running.boardWorkers.threads().live === 0, {
        timeout: 500,
        what: 'the thread stopped',
      });
      expect(running.boardWorkers.stats()).toEqual({ running: 0, waiting: 0 });
      expect(createBoard).not.toHaveBeenCalled();
      expect(await isRestored(running)).toBe(false);

      // The same job, not abandoned, goes through on a fresh thread.
      const again = JOBS[kind](running);
      expect(await again.outcome).toMatchObject({ status: 201 });
      expect(running.boardWorkers.threads().started).toBe(started + 1);
    },
  );
});

describe('a board import whose client disconnects once it writes', () => {
  // The answer held the new board's only lead link, so the board is deleted again once written
  // (importBoardClientGone.test.ts); here, with the real route and a big board, nothing of it
  // stays: no half-written board, no lead invite, no history.
  it(
    'leaves nothing of the board: written whole, then deleted whole',
    { timeout: 120_000 },
    async () => {
      const running = await start();
      const job = importBig(running);
      const created: string[] = [];
      const written: Promise<unknown>[] = [];
      const store = running.storage.createBoardWithLead.bind(running.storage);
      vi.spyOn(running.storage, 'createBoardWithLead').mockImplementation((imported) => {
        created.push(imported.board.id);
        // The client leaves as the write begins, and the server sees it go.
        job.leave();
        const write = new Promise((resolve) => setTimeout(resolve, 200)).then(() =>
          store(imported),
        );
        written.push(write);
        return write;
      });
      expect(await job.outcome).toMatchObject({ name: 'AbortError' });
      await waitFor(() => written.length > 0, { what: 'the write begun' });
      await written[0];
      const [boardId] = created;
      await waitFor(async () => (await running.storage.getBoard(boardId as string)) === null, {
        timeout: 30_000,
        what: 'the board deleted again',
      });
      expect(await running.storage.listInvites(boardId as string)).toEqual([]);
      expect((await running.storage.listHistory(boardId as string, { limit: 1 })).events).toEqual(
        [],
      );
    },
  );
});
