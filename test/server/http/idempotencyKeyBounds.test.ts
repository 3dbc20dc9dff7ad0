/**
 * The answers remembered for Idempotency-Key repeats are bounded in bytes, a board's and every
 * board's (an article's answer can be hundreds of KB: 100 keys a board for 24 hours held tens
 * of MB on a busy server); past a bound the oldest are forgotten first. The server, its SQLite
 * file and the requests are real; the bounds are set small (FACTBOARD_IDEMPOTENCY_BOARD_BYTES,
 * …_TOTAL_BYTES): an import's answer here is about 1 KB, so a board keeps two, all boards three.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ idempotencyBoardBytes: 2_500, idempotencyTotalBytes: 3_600 });
});
afterAll(async () => {
  await server?.stop();
});

type Board = { id: string; leadToken: string };
async function newBoard(): Promise<Board> {
  const res = await request(server.url, 'POST', '/api/boards', { json: { title: 'News' } });
  return res.body as Board;
}
/** Article `n`'s import (one claim, about 1 KB of answer) with key `k<n>`. */
const importArticle = (board: Board, n: number) =>
  request(server.url, 'POST', `/api/boards/${board.id}/articles`, {
    token: board.leadToken,
    json: { text: `The deficit rose to $${n}.2 trillion in 2023, the Treasury said.` },
    headers: { 'idempotency-key': `k${n}` },
  });

/** The answer's size, checked: the bounds hold as many as the test says only for these sizes. */
function sized<R extends { body: unknown }>(res: R): R {
  const size = JSON.stringify(res.body).length;
  expect(size).toBeGreaterThan(850);
  expect(size).toBeLessThan(1_050);
  return res;
}

const replayed = (res: { status: number; headers: Headers }) => [
  res.status,
  res.headers.get('idempotency-replayed'),
];

describe('Idempotency-Key answers', () => {
  it('are forgotten oldest first past a board’s bytes and past every board’s', async () => {
    const [a, b] = [await newBoard(), await newBoard()];
    for (const n of [1, 2, 3]) expect(sized(await importArticle(a, n)).status).toBe(201);
    // Board A's bound holds two: k1 is forgotten (all boards' would hold three). Sent again,
    // it is a new request: its article is found on the board, no cards made (200, `cards: []`).
    const k1 = sized(await importArticle(a, 1));
    expect([...replayed(k1), k1.body.cards]).toEqual([200, null, []]);
    // Every board's bound holds three: board B's two answers make board A's oldest, k3, go.
    for (const n of [4, 5]) expect(sized(await importArticle(b, n)).status).toBe(201);

    // Remembered: the answer again (a repeat of a remembered one changes nothing kept).
    for (const n of [4, 5]) expect(replayed(await importArticle(b, n))).toEqual([201, 'true']);
    expect(replayed(await importArticle(a, 1))).toEqual([200, 'true']);
    // Forgotten: k3 for every board's bound (board A held two), k2 for board A's.
    for (const n of [3, 2]) expect(replayed(await importArticle(a, n))).toEqual([200, null]);
  });
});
