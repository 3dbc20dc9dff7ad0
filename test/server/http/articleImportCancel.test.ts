/**
 * An import whose HTTP client goes away is cancelled (server/http/routes/articleRoutes): still
 * waiting, it leaves the extraction queue; running, its thread is stopped; either way nothing
 * reaches the board. A full queue refuses the next import at once: 503 extract_busy with
 * Retry-After. Real server on port 0, real requests aborted mid-way, real worker threads, and
 * the real SQLite file opened again after a restart: everything the board held is still there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../server/config';
import { type Abandonable, abandonable, errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { waitFor } from '../../helpers/waitFor';

const ARTICLE =
  'The national deficit rose to $1.2 trillion in 2023, the Treasury said on Tuesday. ' +
  'Unemployment fell to 3.9 percent in December, according to the Bureau of Labor Statistics.';
// A URL-like run of punctuation without a space, 990,000 characters: wink's tokenizer takes
// seconds over it (3.6 s at least, measured), so its job is still running when it is aborted.
const SLOW = 'a.b/c?d=e&f-g.h/'.repeat(61_875);

let server: TestServer | null = null;
let dir: TempDir | null = null;
const requests: Abandonable[] = [];
afterEach(async () => {
  for (const job of requests.splice(0)) job.leave();
  await server?.stop();
  server = null;
  dir?.remove();
  dir = null;
});

/** A server on its own data directory, kept across restarts until the test ends. */
async function start(overrides: Partial<Config> = {}): Promise<TestServer> {
  dir ??= makeTempDir('factboard-cancel-');
  server = await startTestServer({ ...overrides, dataDir: dir.path });
  return server;
}

/** A board holding one imported article and its cards, and an editor's token for it. */
async function boardWithArticle(running: TestServer) {
  const board = await createBoardOverRest(running.url, 'Imports');
  const { token } = await inviteOverRest(running.url, board, 'Edie', 'editor');
  const first = await postArticle(running, board.id, token, ARTICLE);
  expect(first.status).toBe(201);
  expect(first.body.cards.length).toBeGreaterThan(0);
  return { id: board.id, token };
}

function postArticle(running: TestServer, boardId: string, token: string, text: string) {
  return request(running.url, 'POST', `/api/boards/${boardId}/articles`, {
    token,
    json: { text },
  });
}

/** An import its client can walk away from; its outcome is the response or the abort. */
function leavableImport(running: TestServer, boardId: string, token: string, text: string) {
  const job = abandonable(running.url, 'POST', `/api/boards/${boardId}/articles`, {
    token,
    json: { text },
  });
  requests.push(job);
  return job;
}

describe('an import whose client disconnects', () => {
  // Timeouts for a busy machine: a thread's first start loads the language model.
  it(
    'is stopped in its thread, writes nothing, and leaves what was stored',
    { timeout: 90_000 },
    async () => {
      const running = await start();
      const board = await boardWithArticle(running);
      const before = await running.board(board.id);

      // The thread that imported the first article is warm: it has the slow one at once.
      const slow = leavableImport(running, board.id, board.token, SLOW);
      await waitFor(() => running.extraction.stats().running === 1, { what: 'extraction' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      slow.leave();
      expect(await slow.outcome).toMatchObject({ name: 'AbortError' });
      // Freed well before the seconds the slow article would take.
      await waitFor(() => running.extraction.stats().running === 0, {
        timeout: 2_000,
        what: 'the slot freed',
      });
      expect(await running.board(board.id)).toEqual(before);

      // The server imports the next article with a fresh thread.
      const next = await postArticle(running, board.id, board.token, `${ARTICLE} Again.`);
      expect(next.status).toBe(201);
      const after = await running.board(board.id);
      expect(after.articles).toHaveLength(before.articles.length + 1);
      for (const card of Object.values(before.cards)) expect(after.cards[card.id]).toEqual(card);

      // And what was stored is stored: the same board after a restart.
      await running.stop();
      const restarted = await start();
      expect(await restarted.board(board.id)).toEqual(after);
    },
  );

  it('still waiting leaves the queue and writes nothing', { timeout: 90_000 }, async () => {
    const running = await start();
    const board = await boardWithArticle(running);
    const before = await running.board(board.id);

    const slow = [1, 2].map(() => leavableImport(running, board.id, board.token, SLOW));
    await waitFor(() => running.extraction.stats().running === 2, { what: 'both threads busy' });
    const queued = leavableImport(running, board.id, board.token, `${ARTICLE} Queued.`);
    await waitFor(() => running.extraction.stats().waiting === 1, { what: 'a job waiting' });
    queued.leave();
    expect(await queued.outcome).toMatchObject({ name: 'AbortError' });
    await waitFor(() => running.extraction.stats().waiting === 0, { what: 'the queue emptied' });

    for (const job of slow) job.leave();
    await waitFor(() => running.extraction.stats().running === 0, { what: 'the threads freed' });
    expect(await running.board(board.id)).toEqual(before);
  });
});

describe('a full extraction queue', () => {
  it(
    'refuses the next import at once (503 extract_busy, Retry-After) and writes nothing',
    { timeout: 90_000 },
    async () => {
      const running = await start({ extractQueueLength: 1 });
      const board = await boardWithArticle(running);
      const before = await running.board(board.id);

      const slow = [1, 2, 3].map(() => leavableImport(running, board.id, board.token, SLOW));
      await waitFor(
        () => {
          const { running: busy, waiting } = running.extraction.stats();
          return busy === 2 && waiting === 1;
        },
        { what: 'threads busy and the queue full' },
      );
      const refused = await postArticle(running, board.id, board.token, `${ARTICLE} Busy.`);
      expect(refused.status).toBe(503);
      expect(errorCode(refused)).toBe('extract_busy');
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.body.error.message).toMatch(/Try again in 5 seconds/);
      expect(await running.board(board.id)).toEqual(before);

      // Once there is room, the same import goes through.
      for (const job of slow) job.leave();
      await waitFor(() => running.extraction.stats().running === 0, { what: 'the threads freed' });
      const later = await postArticle(running, board.id, board.token, `${ARTICLE} Busy.`);
      expect(later.status).toBe(201);
    },
  );
});
