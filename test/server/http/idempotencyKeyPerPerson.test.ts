/**
 * A board keeps KEYS_PER_PERSON Idempotency-Keys for each of its members, not that many for all
 * of them together: one lead's 100 invites pushed out another lead's key, and that lead's retry
 * after a lost answer made a second invite. The server, its SQLite file and the requests are
 * real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS_PER_PERSON } from '../../../server/http/IdempotencyKeys';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('a board’s Idempotency-Keys', () => {
  it('are kept per person: one lead’s many keys push out only their own', async () => {
    const made = await request(server.url, 'POST', '/api/boards', { json: { title: 'News' } });
    const board = made.body as { id: string; leadToken: string };
    const invite = (token: string, key: string) =>
      request(server.url, 'POST', `/api/boards/${board.id}/invites`, {
        token,
        json: { name: `Guest ${key}`, role: 'viewer' },
        headers: { 'idempotency-key': key },
      });
    const second = await request(server.url, 'POST', `/api/boards/${board.id}/invites`, {
      token: board.leadToken,
      json: { name: 'Bo', role: 'lead' },
    });
    const bo = (second.body as { token: string }).token;

    const ana = await invite(board.leadToken, 'ana-1');
    expect(ana.status).toBe(201);
    const bos: unknown[] = [];
    for (let n = 0; n <= KEYS_PER_PERSON; n++) {
      const res = await invite(bo, `bo-${n}`);
      expect(res.status).toBe(201);
      bos.push(res.body);
    }

    // Ana's answer lost, sent again: the same invite, not a second.
    const anaAgain = await invite(board.leadToken, 'ana-1');
    expect(anaAgain.headers.get('idempotency-replayed')).toBe('true');
    expect(anaAgain.body).toEqual(ana.body);
    // Bo's own 101st key pushed out his first; his second is still answered as before.
    const boSecond = await invite(bo, 'bo-1');
    expect(boSecond.headers.get('idempotency-replayed')).toBe('true');
    expect(boSecond.body).toEqual(bos[1]);
    const boFirst = await invite(bo, 'bo-0');
    expect([boFirst.status, boFirst.headers.get('idempotency-replayed')]).toEqual([201, null]);
  }, 120_000);
});
