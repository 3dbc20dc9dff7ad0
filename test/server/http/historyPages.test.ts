/**
 * GET /api/boards/:id/history in pages, on the real server (port 0, SQLite in a temp dir):
 * the latest page, older pages by `before`, polling by `after`, one card's events, and 400s
 * for bad cursors and limits. Events are written straight into storage, as the sync server
 * does, so a page boundary can be placed exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newInvite } from '../../../server/http/boardActions';
import type { HistoryEvent } from '../../../server/storage/Storage';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';

interface WireEvent {
  seq: number;
  cardId: string | null;
  type: string;
  actor: { id: string; name: string };
  at: number;
  data: Record<string, unknown>;
}
interface WirePage {
  events: WireEvent[];
  next: { before: number } | { after: number } | null;
  older?: number;
}

let server: TestServer;
let board: { id: string; leadToken: string };
let viewerToken: string;

const event = (i: number, boardId = board.id): HistoryEvent => ({
  boardId,
  cardId: i % 2 ? 'odd' : 'even',
  type: 'card.edited',
  actor: { id: 'inv1', name: 'Ada' },
  at: 1_000 + i,
  data: { i },
});

async function page(query: string, token = viewerToken) {
  const res = await request<WirePage>(
    server.url,
    'GET',
    `/api/boards/${board.id}/history${query}`,
    {
      token,
    },
  );
  return res;
}
const numbers = (body: WirePage) => body.events.map((e) => e.data.i);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

beforeAll(async () => {
  server = await startTestServer();
  const created = await request(server.url, 'POST', '/api/boards', { json: { title: 'Paged' } });
  board = created.body;
  // Stored directly, as the events are: an invite made over REST is an event of its own.
  const viewer = newInvite(server, board.id, { name: 'Vera', role: 'viewer' });
  await server.storage.createInvite(viewer.invite);
  viewerToken = viewer.token;
  // 450 events on this board, interleaved with another board's.
  for (let i = 0; i < 450; i += 50) {
    await server.storage.appendHistory(range(i, i + 50).map((n) => event(n)));
    await server.storage.appendHistory([event(-1, 'elsewhere')]);
  }
});
afterAll(() => server.stop());

describe('GET /api/boards/:id/history in pages', () => {
  it('without a cursor or limit: every event, oldest first (the DESIGN §4 contract)', async () => {
    const res = await page('');
    expect(res.status).toBe(200);
    expect(numbers(res.body)).toEqual(range(0, 450));
    expect(res.body.next).toBeNull();
    const card = await page('?card=odd');
    expect(numbers(card.body)).toEqual(range(0, 450).filter((i) => i % 2 === 1));
  });

  it('with a limit alone: the latest page, oldest first in it, and a cursor to older ones', async () => {
    const res = await page('?limit=200');
    expect(res.status).toBe(200);
    expect(numbers(res.body)).toEqual(range(250, 450));
    const first = res.body.events[0]!;
    expect(Object.keys(first).sort()).toEqual(['actor', 'at', 'cardId', 'data', 'seq', 'type']);
    expect(first).toMatchObject({ cardId: 'even', type: 'card.edited', actor: { name: 'Ada' } });
    expect(res.body.next).toEqual({ before: first.seq });
    // With the page, the length of the whole history, without loading it.
    expect(res.body.older).toBe(250);
    expect((await page(`?limit=100&before=${first.seq}`)).body.older).toBe(150);
    expect((await page('?card=odd&limit=200')).body.older).toBe(25);
    expect((await page('?limit=1000')).body.older).toBe(0);
  });

  it('walks back with before to the first event, then next is null', async () => {
    const seen: unknown[] = [];
    let query = '?limit=120';
    for (let guard = 0; guard < 10; guard++) {
      const res = await page(query);
      expect(res.status).toBe(200);
      seen.unshift(...numbers(res.body));
      const next = res.body.next;
      if (next === null) break;
      expect(next).toHaveProperty('before');
      query = `?limit=120&before=${(next as { before: number }).before}`;
    }
    expect(seen).toEqual(range(0, 450));
  });

  it('polls with after: only newer events, then an empty page once caught up', async () => {
    const latest = await page('?limit=5');
    const newest = latest.body.events.at(-1)!.seq;
    expect((await page(`?after=${newest}`)).body).toEqual({ events: [], next: null });

    // On a card of their own, so that the other tests' pages do not depend on the order.
    await server.storage.appendHistory(
      [1000, 1001, 1002].map((i) => ({ ...event(i), cardId: 'polled' })),
    );
    const two = await page(`?after=${newest}&limit=2`);
    expect(numbers(two.body)).toEqual([1000, 1001]);
    expect(two.body.next).toEqual({ after: two.body.events[1]!.seq });
    const rest = await page(`?after=${two.body.events[1]!.seq}&limit=2`);
    expect(numbers(rest.body)).toEqual([1002]);
    expect(rest.body.next).toBeNull();
  });

  it('pages one card’s events with the same cursors', async () => {
    const latest = await page('?card=odd&limit=3');
    expect(latest.body.events.every((e) => e.cardId === 'odd')).toBe(true);
    expect(numbers(latest.body)).toEqual([445, 447, 449]);
    const before = latest.body.events[0]!.seq;
    expect(latest.body.next).toEqual({ before });
    expect(numbers((await page(`?card=odd&limit=2&before=${before}`)).body)).toEqual([441, 443]);
    const after = await page(`?card=odd&limit=2&after=${before}`);
    expect(numbers(after.body)).toEqual([447, 449]);
    expect(after.body.next).toBeNull();
    expect((await page('?card=nobody')).body).toEqual({ events: [], next: null });
    expect((await page('?card=nobody&limit=5')).body).toEqual({ events: [], next: null, older: 0 });
  });

  it('refuses bad cursors and limits with 400 invalid_input, naming the field', async () => {
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=1001', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=', 'limit'],
      ['?limit=10.5', 'limit'],
      ['?after=-1', 'after'],
      ['?after=1e3', 'after'],
      ['?after=', 'after'],
      ['?before=x', 'before'],
      ['?after=1&after=2', 'after'],
      ['?card=not%20a%20card', 'card'],
    ] as const) {
      const res = await page(query);
      expect(res.status, query).toBe(400);
      expect(errorCode(res), query).toBe('invalid_input');
      expect(
        (res.body as unknown as { error: { message: string } }).error.message,
        query,
      ).toContain(field);
    }
    expect((await page('?limit=1000')).status).toBe(200);
    expect((await page('?limit=1')).body.events).toHaveLength(1);
  });

  it('is for members only', async () => {
    const res = await request(server.url, 'GET', `/api/boards/${board.id}/history?limit=1`);
    expect(res.status).toBe(401);
  });
});
