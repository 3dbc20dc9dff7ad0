/**
 * An article's claim extraction runs off the event loop (server/extract/createExtractionPool):
 * while a slow one is in flight the server answers other requests and syncs boards; one that
 * runs past FACTBOARD_EXTRACT_TIMEOUT_MS is stopped with 422 extract_timeout and leaves the
 * board as it was. Real server on port 0, real SQLite, a real y-websocket client.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addClaim, readBoard } from '../../../shared/board';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { waitFor } from '../../helpers/waitFor';

// A URL-like run of punctuation without a space, 990,000 characters: wink's tokenizer takes
// seconds over it (3.6 s on the event loop, measured).
const SLOW = 'a.b/c?d=e&f-g.h/'.repeat(61_875);

let server: TestServer | null = null;
let client: TestClient | null = null;
afterEach(async () => {
  client?.destroy();
  client = null;
  await server?.stop();
  server = null;
});

async function boardWithEditor(running: TestServer) {
  const board = (await request(running.url, 'POST', '/api/boards', { json: { title: 'Slow' } }))
    .body as { id: string; leadToken: string };
  const editor = await request(running.url, 'POST', `/api/boards/${board.id}/invites`, {
    token: board.leadToken,
    json: { name: 'Edie', role: 'editor' },
  });
  return { ...board, editorToken: editor.body.token as string };
}

const postArticle = (running: TestServer, boardId: string, token: string, text: string) =>
  request(running.url, 'POST', `/api/boards/${boardId}/articles`, { token, json: { text } });

describe('article import off the event loop', () => {
  // Timeouts for a busy machine: a thread's first start loads the language model.
  it(
    'answers a GET and a sync round trip while a slow article is being extracted',
    { timeout: 90_000 },
    async () => {
      server = await startTestServer();
      const running = server;
      const board = await boardWithEditor(running);
      client = connectProvider(
        `${running.url.replace(/^http/, 'ws')}/sync`,
        board.id,
        board.editorToken,
      );
      await client.synced();

      const order: string[] = [];
      const importing = postArticle(running, board.id, board.editorToken, SLOW).then((res) => {
        order.push('import');
        return res;
      });
      await waitFor(() => running.extraction.stats().running > 0, { what: 'extraction started' });

      const meta = await request(running.url, 'GET', `/api/boards/${board.id}`, {
        token: board.editorToken,
      });
      expect(meta.status).toBe(200);
      order.push('get');
      addClaim(client.doc, { claim: 'Edited while the import runs' }, client.as);
      await client.allSaved();
      order.push('sync');

      const imported = await importing;
      expect(order).toEqual(['get', 'sync', 'import']);
      expect(imported.status).toBe(201);
      await waitFor(() =>
        readBoard(client!.doc).articles.some((a) => a.id === imported.body.articleId),
      );
    },
  );

  it(
    'stops an extraction past the time limit: 422 extract_timeout, nothing added, the server still serves',
    { timeout: 90_000 },
    async () => {
      server = await startTestServer({ extractTimeoutMs: 1 });
      const board = await boardWithEditor(server);
      const before = await server.board(board.id);

      const res = await postArticle(server, board.id, board.editorToken, SLOW);
      expect(res.status).toBe(422);
      expect(errorCode(res)).toBe('extract_timeout');
      expect(res.body.error.message).toContain('1 ms');

      const after = await server.board(board.id);
      expect(after.articles).toEqual(before.articles);
      expect(after.cards).toEqual(before.cards);
      const meta = await request(server.url, 'GET', `/api/boards/${board.id}`, {
        token: board.editorToken,
      });
      expect(meta.status).toBe(200);
      // The stopped thread is replaced: the next import is stopped the same way, not hung.
      const again = await postArticle(server, board.id, board.editorToken, SLOW);
      expect(errorCode(again)).toBe('extract_timeout');
    },
  );
});
