/**
 * The Idempotency-Keys of new boards, created and imported, are kept by the sender's address
 * with no board yet, 100 keys at most: board imports had the same 100 as board creation, so a
 * lead importing many boards (a desk's archive, say) pushed out the key of a board being created,
 * and its retry after a lost answer made a second board. Each kind now has its own 100. The
 * server, its SQLite file, the export and the imports are real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS_PER_PERSON } from '../../../server/http/IdempotencyKeys';
import { exportOverRest } from '../../helpers/http/exportOverRest';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const createBoard = () =>
  request(server.url, 'POST', '/api/boards', {
    json: { title: 'Night desk', name: 'Ana' },
    headers: { 'idempotency-key': 'create-1' },
  });

describe('the Idempotency-Keys of new boards', () => {
  it('keep a created board’s key however many boards are imported meanwhile', async () => {
    const created = await createBoard();
    expect(created.status).toBe(201);
    const board = created.body as { id: string; leadToken: string };
    const file = await exportOverRest(server.url, board.id, board.leadToken, 'json');
    const imported: string[] = [];
    for (let n = 0; n < KEYS_PER_PERSON; n++) {
      const res = await request(server.url, 'POST', '/api/boards/import', {
        json: file,
        headers: { 'idempotency-key': `import-${n}` },
      });
      expect(res.status).toBe(201);
      imported.push((res.body as { id: string }).id);
    }
    expect(new Set(imported).size).toBe(KEYS_PER_PERSON);

    // The creation's answer lost, sent again: the same board, not a second.
    const again = await createBoard();
    expect([again.status, again.headers.get('idempotency-replayed')]).toEqual([201, 'true']);
    expect(again.body).toEqual(created.body);
    // The imports keep their own 100: the first is still answered with its board.
    const firstImport = await request(server.url, 'POST', '/api/boards/import', {
      json: file,
      headers: { 'idempotency-key': 'import-0' },
    });
    expect(firstImport.headers.get('idempotency-replayed')).toBe('true');
    expect((firstImport.body as { id: string }).id).toBe(imported[0]);
  }, 120_000);
});
