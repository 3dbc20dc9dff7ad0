/**
 * A board import whose upload is cut off mid-way (the page cancelled it, gave it up as stalled,
 * or the link dropped): the server builds a board only from a body received whole, so nothing
 * is stored, and the same file sent again whole makes the board. Real server on port 0, real
 * SQLite file, the body sent by hand over a socket so that it can stop half-way.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest } from '../../helpers/restApi';
import { waitFor } from '../../helpers/waitFor';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('a board import cut off mid-upload', () => {
  it('stores nothing, and the whole file sent again makes the board', async () => {
    const source = await createBoardOverRest(server.url, 'Night desk', 'Ana');
    const file = (
      await request(server.url, 'GET', `/api/boards/${source.id}/export?format=json`, {
        token: source.leadToken,
      })
    ).body as unknown;
    const body = Buffer.from(JSON.stringify(file));
    const created = vi.spyOn(server.storage, 'createBoardWithLead');

    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.on('connect', resolve));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      'POST /api/boards/import HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.subarray(0, body.length >> 1));
    await waitFor(() => socket.bytesWritten > body.length >> 1, { what: 'half the file sent' });
    socket.destroy();
    await closed;
    // Nothing follows the cut: the server heard the close, and no import began.
    const whole = await request(server.url, 'POST', '/api/boards/import', { json: file });
    expect(whole.status).toBe(201);
    expect(created).toHaveBeenCalledTimes(1);
    created.mockRestore();
  });
});
