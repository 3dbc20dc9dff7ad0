/**
 * The history feed the Activity panel and card timeline use, against the real server (port 0,
 * SQLite): the client's fetchHistory with the page size cut to 3, so that paging shows; and
 * what the history the server derived says in the feed's words.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addClaim,
  addComment,
  addEvidence,
  deleteComment,
  editComment,
  editEvidence,
  removeEvidence,
} from '../../../shared/board';
import { boardExportSchema } from '../../../shared/export';
import {
  createHistoryFeed,
  type FetchPage,
  type HistoryFeedState,
} from '../../../client/history/createHistoryFeed';
import { fetchHistory, fetchHistorySince } from '../../../client/history/fetchHistory';
import { describeEvent } from '../../../client/history/historyEvent';
import type { HistoryEvent } from '../../../server/storage/Storage';
import { connectProvider } from '../../helpers/connectProvider';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { waitFor } from '../../helpers/waitFor';

let server: TestServer;
let urls: string[] = [];
/** Whether fetch fails as the browser's does with no network or no server. */
let unreachableServer = false;

beforeAll(async () => {
  server = await startTestServer();
  // The client calls relative paths, as in the browser: send them to the test server.
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    if (input.startsWith('/')) urls.push(input);
    if (unreachableServer) return Promise.reject(new TypeError('Failed to fetch'));
    return realFetch(input.startsWith('/') ? server.url + input : input, init);
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.stop();
});
afterEach(() => {
  urls = [];
});

async function boardWith(count: number) {
  const board = (await request(server.url, 'POST', '/api/boards', { json: { title: 'Feed' } }))
    .body as { id: string; leadToken: string };
  let n = 0;
  const add = (k: number) =>
    server.storage.appendHistory(
      Array.from({ length: k }, (): HistoryEvent => ({
        boardId: board.id,
        cardId: null,
        type: 'card.edited',
        actor: { id: 'i', name: 'Ada' },
        at: ++n,
        data: { n },
      })),
    );
  await add(count);
  return { board, add };
}

function feedOn(board: { id: string; leadToken: string }, wrap = (f: FetchPage) => f) {
  const states: HistoryFeedState[] = [];
  const feed = createHistoryFeed(
    wrap((query) => fetchHistory(board.id, board.leadToken, { cardId: null, ...query })),
    (s) => states.push(s),
    (e) => (e instanceof Error ? e.message : String(e)),
    3,
  );
  const last = () => states.at(-1);
  const numbers = () => last()?.events?.map((e) => e.data.n);
  return { feed, states, last, numbers };
}

describe('createHistoryFeed', () => {
  it('loads the latest page, then older pages on demand until the first event', async () => {
    const { board } = await boardWith(8);
    const { feed, last, numbers } = feedOn(board);
    feed.refresh();
    await waitFor(() => last()?.events !== null && last() !== undefined);
    expect(numbers()).toEqual([6, 7, 8]);
    expect(last()?.hasOlder).toBe(true);
    // What the server says lies before the page: with it, the whole history's length.
    expect(last()?.olderCount).toBe(5);

    feed.loadOlder();
    expect(last()?.loadingOlder).toBe(true);
    feed.loadOlder(); // ignored while one is loading
    await waitFor(() => last()?.loadingOlder === false);
    expect(numbers()).toEqual([3, 4, 5, 6, 7, 8]);
    expect(last()?.olderCount).toBe(2);
    feed.loadOlder();
    await waitFor(() => numbers()?.length === 8);
    expect(numbers()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(last()?.hasOlder).toBe(false);
    expect(last()?.olderCount).toBe(0);
    expect(urls.filter((u) => u.includes('before='))).toHaveLength(2);
    const count = urls.length;
    feed.loadOlder(); // nothing older: no request
    expect(urls).toHaveLength(count);
  });

  it('refreshes with only what is newer than the newest event held, following next', async () => {
    const { board, add } = await boardWith(4);
    const { feed, last, numbers } = feedOn(board);
    feed.refresh();
    await waitFor(() => numbers()?.length === 3);
    const newest = last()!.events!.at(-1)!.seq;

    urls = [];
    feed.refresh();
    await waitFor(() => urls.length === 1);
    expect(urls[0]).toBe(`/api/boards/${board.id}/history?after=${newest}&limit=3`);

    await add(7); // more than a page arrived meanwhile
    urls = [];
    feed.refresh();
    await waitFor(() => numbers()?.length === 10);
    expect(numbers()).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // 7 new events in pages of 3: after the newest, then after each page's last.
    await waitFor(() => urls.length === 3);
    expect(urls.every((u) => u.includes('after='))).toBe(true);
    expect(last()?.hasOlder).toBe(true);
    // New events do not change what lies before the oldest held.
    expect(last()?.olderCount).toBe(1);
  });

  it('runs one refresh at a time and one more round for changes meanwhile', async () => {
    const { board, add } = await boardWith(2);
    let inFlight = 0;
    let most = 0;
    const { feed, numbers } = feedOn(board, (f) => async (q) => {
      most = Math.max(most, ++inFlight);
      try {
        return await f(q);
      } finally {
        inFlight--;
      }
    });
    feed.refresh();
    feed.refresh();
    feed.refresh();
    await add(1);
    await waitFor(() => numbers()?.length === 3);
    await waitFor(() => urls.length === 2);
    expect(most).toBe(1);
    expect(urls[1]).toContain('after=');
  });

  it('reports a failure, keeps what it holds, and clears the error on the next success', async () => {
    const { board, add } = await boardWith(2);
    let fail = false;
    const { feed, last, numbers } = feedOn(
      board,
      (f) => (q) => (fail ? Promise.reject(new Error('offline')) : f(q)),
    );
    feed.refresh();
    await waitFor(() => numbers()?.length === 2);
    fail = true;
    await add(1);
    feed.refresh();
    await waitFor(() => last()?.error === 'offline');
    expect(numbers()).toEqual([1, 2]);
    fail = false;
    feed.refresh();
    await waitFor(() => last()?.error === null && numbers()?.length === 3);
  });

  it('tells a read that could not reach the server from a failure: no error, to be read again', async () => {
    const { board, add } = await boardWith(2);
    const { feed, last, numbers } = feedOn(board);
    unreachableServer = true;
    try {
      feed.refresh();
      await waitFor(() => last()?.unreachable === true);
      expect(last()).toMatchObject({ events: null, error: null });
    } finally {
      unreachableServer = false;
    }
    await add(1);
    feed.refresh();
    await waitFor(() => numbers()?.length === 3);
    expect(last()).toMatchObject({ error: null, unreachable: false });
  });

  it('drops answers after dispose', async () => {
    const { board } = await boardWith(2);
    let answered: Promise<unknown> = Promise.resolve();
    const { feed, states } = feedOn(board, (f) => (q) => {
      const page = f(q);
      answered = page;
      return page;
    });
    feed.refresh();
    feed.dispose();
    expect((await answered) as { events: unknown[] }).toMatchObject({ events: [{}, {}] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(states).toEqual([]);
  });
});

describe('fetchHistorySince', () => {
  it('reads back page by page to the moment given, and no further than its pages', async () => {
    // Events at 1…20 (ms); board creation may add its own events at real times.
    const { board } = await boardWith(20);
    const since = await fetchHistorySince(board.id, board.leadToken, 7, { limit: 3 });
    expect(since.map((e) => e.at).filter((at) => at <= 20)).toEqual(
      Array.from({ length: 13 }, (_, i) => i + 8),
    );
    // Four pages of three read back to 20 - 12 = 8 at best: 9…20.
    urls = [];
    const capped = await fetchHistorySince(board.id, board.leadToken, 0, { limit: 3, maxPages: 4 });
    expect(urls).toHaveLength(4);
    expect(capped.map((e) => e.at).filter((at) => at <= 20)[0]).toBeGreaterThan(8);
  });
});

describe('the history of evidence and comments', () => {
  it('says what was edited, removed and deleted, and the JSON export carries it', async () => {
    const board = (await request(server.url, 'POST', '/api/boards', { json: { title: 'Words' } }))
      .body as { id: string; leadToken: string };
    const editor = (
      await request(server.url, 'POST', `/api/boards/${board.id}/invites`, {
        token: board.leadToken,
        json: { name: 'Ed', role: 'editor' },
      })
    ).body as { token: string; inviteId: string };
    const syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
    const client = connectProvider(syncUrl, board.id, editor.token);
    try {
      await client.synced();
      const ctx = { actor: { id: editor.inviteId, name: 'Ed' } };
      const doc = client.doc;
      const cardId = addClaim(doc, { claim: 'Crime fell 30%' }, ctx);
      const url = 'https://stats.example/t3';
      const evidenceId = addEvidence(
        doc,
        cardId,
        { url, stance: 'refutes', quote: 'Crime fell 3%' },
        ctx,
      );
      editEvidence(doc, cardId, evidenceId, { stance: 'context' }, ctx);
      removeEvidence(doc, cardId, evidenceId, ctx);
      const commentId = addComment(doc, cardId, { text: 'Source?' }, ctx);
      editComment(doc, commentId, 'Which table?', ctx);
      deleteComment(doc, commentId, ctx);
      await client.allSaved();

      const { events } = await fetchHistory(board.id, editor.token, { cardId });
      expect(events.map((e) => describeEvent(e))).toEqual([
        'added the card to Unverified',
        `added refuting evidence: ${url}`,
        'changed the stance from Refutes to Context',
        `removed context: ${url}, quoting “Crime fell 3%”`,
        'commented: “Source?”',
        'edited their comment: “Source?” → “Which table?”',
        'deleted their comment “Which table?”',
      ]);
      // The export holds the events as stored, the words with them.
      const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=json`, {
        headers: { Authorization: `Bearer ${board.leadToken}` },
      });
      const exported = boardExportSchema.parse(await res.json());
      expect(
        exported.history.filter((e) => e.cardId === cardId).map((e) => [e.type, e.data]),
      ).toEqual(events.map((e) => [e.type, e.data]));
    } finally {
      client.destroy();
    }
  });
});
