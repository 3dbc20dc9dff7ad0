/**
 * The API's large answers gzipped for a client that takes it: the exports (JSON, CSV, Markdown,
 * ClaimReview) and history pages. Sent as they were, a 1 MB JSON export took 36.6 s on a 30 KB/s
 * link (found by QA). The real server on port 0 with a SQLite file; the bytes as they come off
 * the socket (node:http, which does not decompress), so what is measured is what a slow link
 * carries.
 */
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../shared/board/actor';
import { addClaims, setVerdict } from '../../../shared/board/commands/cards';
import { setBoardMeta } from '../../../shared/board/commands/meta';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest, type RestBoard } from '../../helpers/restApi';

const CARDS = 200;
const CLAIM = 'The council spent $4 million on the bridge in 2023, twice the budget. ';

let server: TestServer;
let board: RestBoard;

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent. */
  readonly wire: Buffer;
}

function get(path: string, acceptEncoding: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      {
        headers: { authorization: `Bearer ${board.leadToken}`, 'accept-encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, wire: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startTestServer();
  board = await createBoardOverRest(server.url, 'Bridge desk', 'Ana');
  const ctx = { actor: SYSTEM_ACTOR };
  await server.syncServer.change(board.id, SYSTEM_ACTOR, (doc) => {
    const claims = Array.from({ length: CARDS }, (_, i) => ({
      claim: `${i}. ${CLAIM}`,
      speaker: 'Mayor',
      column: 'disputed' as const,
    }));
    for (const id of addClaims(doc, claims, ctx)) setVerdict(doc, id, 'False', CLAIM, ctx);
    setBoardMeta(doc, { organisation: { name: 'Verifica', url: 'https://verifica.example' } }, ctx);
  });
}, 30_000);
afterAll(() => server?.stop());

describe('large API answers', () => {
  it.each(['json', 'csv', 'md', 'claimreview'])(
    'the %s export is gzipped for a client that takes it, the same file once unpacked',
    async (format) => {
      const path = `/api/boards/${board.id}/export?format=${format}`;
      const plain = await get(path, 'identity');
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');

      const gzipped = await get(path, 'gzip, deflate, br');
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.vary).toBe('Accept-Encoding');
      expect(gzipped.headers['content-disposition']).toBe(plain.headers['content-disposition']);
      expect(gzipped.wire.length).toBeLessThan(plain.wire.length / 4);
      // The file's text is the same but for the moment it was made, which an export names.
      const moment = (text: string) => text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');
      expect(moment(gunzipSync(gzipped.wire).toString())).toBe(moment(plain.wire.toString()));
    },
  );

  it('history is gzipped when large, and a small answer is sent as it is', async () => {
    const path = `/api/boards/${board.id}/history`;
    const plain = await get(path, 'identity');
    const gzipped = await get(path, 'gzip');
    expect(plain.wire.length).toBeGreaterThan(10_000);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(gzipped.wire.length).toBeLessThan(plain.wire.length / 4);
    expect(JSON.parse(gunzipSync(gzipped.wire).toString())).toEqual(
      JSON.parse(plain.wire.toString()),
    );

    const small = await get(`${path}?limit=1`, 'gzip');
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.wire.toString()).events).toHaveLength(1);
  });
});
