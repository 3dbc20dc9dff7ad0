/**
 * A server that stops while worker jobs are in flight answers them 503 `<kind>_shutting_down`
 * (not 500 `<kind>_failed`: nothing failed, the server went away), and a request that arrives
 * while it stops is answered 503 `shutting_down` on the connection it came on, as is a change
 * storage refused until then (ChangeNotSavedError, once 500 `internal`). Real server on
 * port 0, real worker threads, the real SQLite file opened again afterwards: nothing was added.
 */
import { connect } from 'node:net';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStorage } from '../../../server/storage/Storage';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { waitFor } from '../../helpers/waitFor';

// A URL-like run of punctuation without a space: wink's tokenizer takes seconds over it (see
// articleImportCancel.test.ts), so its extraction is still running when the server stops.
const SLOW = 'a.b/c?d=e&f-g.h/'.repeat(61_875);
const ARTICLE =
  'The national deficit rose to $1.2 trillion in 2023, the Treasury said on Tuesday. ' +
  'Unemployment fell to 3.9 percent in December, according to the Bureau of Labor Statistics.';

const dirs: TempDir[] = [];
let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
  for (const dir of dirs.splice(0)) dir.remove();
});

async function start(dir: TempDir): Promise<TestServer> {
  server = await startTestServer({ dataDir: dir.path });
  return server;
}

function tempDir(): TempDir {
  const dir = makeTempDir('factboard-shutdown-');
  dirs.push(dir);
  return dir;
}

interface RawResponse {
  readonly status: number;
  readonly headers: string;
  readonly body: unknown;
}

/** The HTTP/1.1 text of a JSON POST. */
function post(path: string, token: string, json: unknown): string {
  const body = Buffer.from(JSON.stringify(json));
  return (
    `POST ${path} HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer ${token}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${body.byteLength}\r\n\r\n${body}`
  );
}

/** Splits what a connection received into its responses (each with a Content-Length). */
function responses(received: string): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = received;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const headers = rest.slice(0, end);
    const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? 0);
    const body = rest.slice(end + 4, end + 4 + length);
    out.push({
      status: Number(headers.split(' ')[1]),
      headers,
      body: JSON.parse(body) as unknown,
    });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

const asApi = (res: RawResponse) => ({
  status: res.status,
  headers: new Headers(),
  body: res.body,
});

describe('a server stopping while worker jobs are in flight', () => {
  // Timeouts for a busy machine: a thread's first start loads the language model.
  it(
    'answers an article import in its thread 503 extract_shutting_down, and a request that arrives meanwhile 503 shutting_down',
    { timeout: 90_000 },
    async () => {
      const dir = tempDir();
      const running = await start(dir);
      const board = await createBoardOverRest(running.url, 'Stopping');
      const { token } = await inviteOverRest(running.url, board, 'Edie', 'editor');
      const before = await running.board(board.id);

      // One keep-alive connection: the slow import on it, then a second request behind it.
      const socket = connect(running.port, '127.0.0.1');
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write(post(`/api/boards/${board.id}/articles`, token, { text: SLOW }));
      await waitFor(() => running.extraction.stats().running === 1, {
        timeout: 30_000,
        what: 'extraction',
      });

      const stopping = running.stop();
      server = null;
      socket.write(post(`/api/boards/${board.id}/articles`, token, { text: ARTICLE }));
      await stopping;
      await ended;

      const [slow, late] = responses(received);
      expect(slow?.status).toBe(503);
      expect(errorCode(asApi(slow as RawResponse))).toBe('extract_shutting_down');
      expect(late?.status).toBe(503);
      expect(errorCode(asApi(late as RawResponse))).toBe('shutting_down');
      // The client is told not to send more on this connection.
      expect(late?.headers).toMatch(/connection: close/i);

      const restarted = await start(dir);
      expect(await restarted.board(board.id)).toEqual(before);
    },
  );

  it(
    'answers a board import waiting for its thread 503 import_shutting_down, and creates no board',
    { timeout: 90_000 },
    async () => {
      // The export to import comes from another server, so this one's board threads are cold:
      // the import is still waiting for its thread to start when the server stops.
      const source = await start(tempDir());
      const board = await createBoardOverRest(source.url, 'Exported');
      const exported = await request(
        source.url,
        'GET',
        `/api/boards/${board.id}/export?format=json`,
        { token: board.leadToken },
      );
      expect(exported.status).toBe(200);
      await source.stop();

      const dir = tempDir();
      const running = await start(dir);
      const importing = request(running.url, 'POST', '/api/boards/import', {
        json: exported.body,
      });
      await waitFor(() => running.boardWorkers.stats().running === 1, { what: 'the import' });
      await running.stop();
      server = null;

      const answer = await importing;
      expect(answer.status).toBe(503);
      expect(errorCode(answer)).toBe('import_shutting_down');
      const db = new Database(join(dir.path, 'factboard.sqlite'), { readonly: true });
      try {
        expect(db.prepare('SELECT count(*) AS n FROM boards').get()).toEqual({ n: 0 });
      } finally {
        db.close();
      }
    },
  );
});

describe('a server stopping while storage refuses a change', () => {
  it(
    'answers the change 503 shutting_down (the room gave up saving it because the server stops), not 500 internal, and stores nothing of it',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const running = await start(dir);
      const board = await createBoardOverRest(running.url, 'News');
      // Storage refuses every batch: the room retries the article's cards until it closes.
      const storage = running.storage as SyncStorage;
      const append = vi.spyOn(storage, 'appendBatch').mockRejectedValue(new Error('disk gone'));
      const importing = request(running.url, 'POST', `/api/boards/${board.id}/articles`, {
        token: board.leadToken,
        json: { text: ARTICLE },
      });
      await waitFor(() => append.mock.calls.length > 0, { what: 'the first try to store' });

      await running.stop();
      server = null;

      const answer = await importing;
      expect(answer.status).toBe(503);
      expect(errorCode(answer)).toBe('shutting_down');
      // The board as it was made: its one update (title and scale), no history.
      const db = new Database(join(dir.path, 'factboard.sqlite'), { readonly: true });
      try {
        const rows = (table: string) =>
          db.prepare(`SELECT count(*) FROM ${table} WHERE board_id = ?`).pluck().get(board.id);
        expect([rows('updates'), rows('history')]).toEqual([1, 0]);
      } finally {
        db.close();
      }
    },
  );
});
