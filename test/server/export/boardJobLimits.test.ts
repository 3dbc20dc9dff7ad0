/**
 * The board threads' limits on the real server (server/workers/createBoardWorkers): an export,
 * board import or card restore that holds its thread past FACTBOARD_BOARD_JOB_TIMEOUT_MS is
 * stopped with its thread and answered 422 with a typed code, nothing stored changed, and the
 * next job gets a fresh thread; an export's stalled download is cut off the same way; past
 * FACTBOARD_BOARD_JOB_QUEUE_LENGTH waiting jobs, the next is refused at once, 503 with
 * Retry-After. The slow jobs are real: a 4,000-card board's, and downloads nobody reads.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../../server/config';
import { type ApiResponse, errorCode, request } from '../../helpers/http/request';
import type { TestServer } from '../../helpers/http/startTestServer';
import { waitFor } from '../../helpers/waitFor';
import {
  BIG_BOARD_CARDS,
  type BoardJobsDir,
  makeBoardJobsDir,
  type StalledDownload,
} from './boardJobsDir';

let jobs: BoardJobsDir;
let server: TestServer | null = null;
const stalled: StalledDownload[] = [];

beforeAll(async () => {
  jobs = await makeBoardJobsDir();
}, 120_000);
afterEach(async () => {
  for (const download of stalled.splice(0)) download.leave();
  await server?.stop();
  server = null;
});
afterAll(() => jobs?.dir.remove());

async function start(overrides: Partial<Config>): Promise<TestServer> {
  server = await jobs.start(overrides);
  return server;
}

async function stall(running: TestServer): Promise<StalledDownload> {
  const download = await jobs.stalledExport(running);
  stalled.push(download);
  return download;
}

function exportBoard(running: TestServer, board: { id: string; leadToken: string }) {
  return request(running.url, 'GET', `/api/boards/${board.id}/export?format=json`, {
    token: board.leadToken,
  });
}

function importBoard(running: TestServer, text: string) {
  return request(running.url, 'POST', '/api/boards/import', {
    raw: text,
    contentType: 'application/json',
  });
}

function restoreCard(running: TestServer) {
  const { id, deletedCardId, leadToken } = jobs.big;
  return request(running.url, 'POST', `/api/boards/${id}/cards/${deletedCardId}/restore`, {
    token: leadToken,
  });
}

function expectError(res: ApiResponse, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(errorCode(res)).toBe(code);
}

describe('a board job past FACTBOARD_BOARD_JOB_TIMEOUT_MS', () => {
  it(
    'is stopped with its thread and answered 422, nothing stored changed; small jobs pass',
    { timeout: 120_000 },
    async () => {
      // Far above a small board's job (a few ms on a warm thread), far below the big one's.
      const running = await start({ boardJobTimeoutMs: 250 });
      const createBoard = vi.spyOn(running.storage, 'createBoard');
      expect((await exportBoard(running, jobs.small)).status).toBe(200);
      const bigBefore = await running.board(jobs.big.id);
      expect(Object.keys(bigBefore.cards)).toHaveLength(BIG_BOARD_CARDS - 1);

      const slow = [
        {
          job: () => exportBoard(running, jobs.big),
          code: 'export_timeout',
          message: 'Exporting the board took longer than 250 ms and was stopped.',
        },
        {
          job: () => importBoard(running, jobs.bigExport),
          code: 'import_timeout',
          message:
            'Importing the board took longer than 250 ms and was stopped; no board was created.',
        },
        {
          job: () => restoreCard(running),
          code: 'restore_timeout',
          message:
            'Reading the deleted card from the board’s history took longer than 250 ms and was stopped; the card was not restored.',
        },
      ];
      for (const { job, code, message } of slow) {
        const { started } = running.boardWorkers.threads();
        const res = await job();
        expectError(res, 422, code);
        expect(res.body.error.message).toBe(message);
        // Its thread was stopped: the next job runs on a fresh one.
        expect((await exportBoard(running, jobs.small)).status).toBe(200);
        expect(running.boardWorkers.threads()).toEqual({ live: 1, idle: 1, started: started + 1 });
      }

      // Nothing stored changed: no board created, the big board as it was.
      expect(createBoard).not.toHaveBeenCalled();
      expect(await running.board(jobs.big.id)).toEqual(bigBefore);
      expect(running.boardWorkers.stats()).toEqual({ running: 0, waiting: 0 });
    },
  );

  it(
    'cuts off an export whose download has stalled, and frees its thread',
    { timeout: 120_000 },
    async () => {
      // Time enough to render the big board (about 1.4 s), not to wait for a client forever.
      const running = await start({ boardJobTimeoutMs: 8_000 });
      const download = await stall(running);
      await waitFor(() => running.boardWorkers.stats().running === 1, { what: 'the export' });
      // The client neither reads nor leaves; the limit stops the export and its thread.
      await waitFor(() => running.boardWorkers.stats().running === 0, {
        timeout: 15_000,
        what: 'the export stopped',
      });
      expect(running.boardWorkers.threads().live).toBe(0);
      // The file had begun: it is cut off, never complete-looking (no last chunk).
      const received = await download.readAll();
      expect(received).toMatch(/^HTTP\/1\.1 200 /);
      expect(received).not.toMatch(/\r\n0\r\n\r\n$/);
      expect((await exportBoard(running, jobs.small)).status).toBe(200);
    },
  );
});

describe('a full board-job queue', () => {
  it(
    'refuses the next export, import or restore at once (503 with Retry-After), then takes them again',
    { timeout: 120_000 },
    async () => {
      const running = await start({ boardJobQueueLength: 1 });
      const createBoard = vi.spyOn(running.storage, 'createBoard');
      // Two exports on the two threads and a third waiting, none of them read.
      for (let i = 0; i < 3; i++) await stall(running);
      await waitFor(
        () => {
          const { running: busy, waiting } = running.boardWorkers.stats();
          return busy === 2 && waiting === 1;
        },
        { timeout: 30_000, what: 'threads busy and the queue full' },
      );

      const refused = [
        ['export_busy', await exportBoard(running, jobs.small)],
        ['import_busy', await importBoard(running, '{}')],
        ['restore_busy', await restoreCard(running)],
      ] as const;
      for (const [code, res] of refused) {
        expectError(res, 503, code);
        expect(res.headers.get('retry-after')).toBe('5');
        expect(res.body.error.message).toMatch(/Try again in 5 seconds\.$/);
      }
      // Refused without taking a place, and without writing anything.
      expect(running.boardWorkers.stats()).toEqual({ running: 2, waiting: 1 });
      expect(createBoard).not.toHaveBeenCalled();
      expect((await running.board(jobs.big.id)).cards[jobs.big.deletedCardId]).toBeUndefined();

      // Once there is room, the same jobs go through.
      for (const download of stalled) download.leave();
      await waitFor(() => running.boardWorkers.stats().running === 0, { what: 'threads freed' });
      expect((await exportBoard(running, jobs.small)).status).toBe(200);
      expect((await restoreCard(running)).status).toBe(201);
    },
  );
});
