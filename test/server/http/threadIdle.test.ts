/**
 * Worker threads end when idle for FACTBOARD_THREAD_IDLE_MS, the extraction pool's as the
 * board threads' (server/startServer), giving back their memory; the next job starts a fresh
 * one. Real server on port 0, a real article import and a real export.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest } from '../../helpers/restApi';
import { waitFor } from '../../helpers/waitFor';

const ARTICLE =
  'The national deficit rose to $1.2 trillion in 2023, the Treasury said on Tuesday. ' +
  'Unemployment fell to 3.9 percent in December, according to the Bureau of Labor Statistics.';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('an idle worker thread', () => {
  it(
    'ends after FACTBOARD_THREAD_IDLE_MS, extraction and board threads alike; the next job starts another',
    { timeout: 90_000 },
    async () => {
      const running = (server = await startTestServer({ threadIdleMs: 1_000 }));
      const board = await createBoardOverRest(running.url, 'Idle threads');
      const pools = [running.extraction, running.boardWorkers];
      // Each pool's thread is checked as its job ends: on a busy machine the other's may
      // already have been idle long enough to end.
      const jobs = async (text: string, started: number) => {
        const imported = await request(running.url, 'POST', `/api/boards/${board.id}/articles`, {
          token: board.leadToken,
          json: { text },
        });
        expect(imported.status).toBe(201);
        expect(running.extraction.threads()).toMatchObject({ live: 1, started });
        const exported = await request(
          running.url,
          'GET',
          `/api/boards/${board.id}/export?format=csv`,
          { token: board.leadToken },
        );
        expect(exported.status).toBe(200);
        expect(running.boardWorkers.threads()).toMatchObject({ live: 1, started });
      };

      await jobs(ARTICLE, 1);
      await waitFor(() => pools.every((pool) => pool.threads().live === 0), {
        timeout: 10_000,
        what: 'both idle threads ending',
      });
      await jobs(`${ARTICLE} Again.`, 2);
    },
  );
});
