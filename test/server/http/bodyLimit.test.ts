/**
 * A body past its route's limit is refused as soon as the server can tell (limitedBody), and an
 * error answered before the body was read closes the connection: the server does not go on
 * reading what nobody will use. Raw sockets, because fetch sends what it is given and reports
 * neither how much of it went out before the answer nor whether the server closed.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../server/export/createExportRouter';
import { createBoardOverRest, type RestBoard } from '../../helpers/restApi';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';

const LIMIT = 2 * 1024 * 1024;

let server: TestServer;
let board: RestBoard;
beforeAll(async () => {
  server = await startTestServer({ maxMessageBytes: LIMIT });
  board = await createBoardOverRest(server.url, 'Limits');
});
afterAll(() => server.stop());

interface Sent {
  /** The status line and headers of the answer, or '' if none came. */
  readonly head: string;
  readonly body: string;
  /** Bytes of body written before the answer came (or before `giveUpBytes`). */
  readonly bytesBeforeAnswer: number;
  /** Whether the server closed the connection within a second of its answer. */
  readonly closedByServer: boolean;
}

/**
 * Sends the request line and headers, then body bytes as fast as the socket takes them (as
 * chunks when `chunked`) until an answer comes or `giveUpBytes` went out.
 */
function send(head: string, options: { chunked: boolean; giveUpBytes: number }): Promise<Sent> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    const piece = Buffer.alloc(64 * 1024, 'x');
    const frame = options.chunked
      ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
      : piece;
    let answer = '';
    let written = 0;
    let bytesBeforeAnswer = -1;
    let stopped = false;
    const finish = (closedByServer: boolean) => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      socket.destroy();
      const [headPart = '', body = ''] = answer.split('\r\n\r\n');
      resolve({ head: headPart, body, bytesBeforeAnswer, closedByServer });
    };
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (data) => {
      if (bytesBeforeAnswer < 0) {
        bytesBeforeAnswer = written;
        timer = setTimeout(() => finish(false), 1000);
      }
      answer += data.toString();
    });
    socket.on('close', () => finish(bytesBeforeAnswer >= 0));
    // Writes after the server closed fail with EPIPE or ECONNRESET: expected here.
    socket.on('error', () => finish(bytesBeforeAnswer >= 0));
    socket.once('connect', () => {
      socket.write(head);
      const pump = () => {
        while (!stopped && bytesBeforeAnswer < 0) {
          if (written >= options.giveUpBytes) {
            bytesBeforeAnswer = written;
            timer = setTimeout(() => finish(false), 1000);
            return;
          }
          written += piece.length;
          if (!socket.write(frame)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    socket.once('timeout', () => reject(new Error('no answer')));
  });
}

const headers = (path: string, lines: readonly string[]) =>
  [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...lines, '', ''].join('\r\n');

const status = (sent: Sent) => Number(sent.head.split(' ')[1]);
const errorCode = (sent: Sent) =>
  (JSON.parse(sent.body || '{}') as { error?: { code?: string } }).error?.code;

describe('a body past the limit', () => {
  it('is refused before it is read when its Content-Length says so, and the connection closes', async () => {
    const sent = await send(
      headers('/api/boards', ['Content-Type: application/json', 'Content-Length: 1000000000']),
      { chunked: false, giveUpBytes: 64 * LIMIT },
    );
    expect(status(sent)).toBe(413);
    expect(errorCode(sent)).toBe('body_too_large');
    expect(sent.head).toMatch(/^connection: close$/im);
    expect(sent.closedByServer).toBe(true);
    // What the sockets' buffers took before the answer (about 4 MB here), not the gigabyte.
    expect(sent.bytesBeforeAnswer).toBeLessThan(8 * LIMIT);
  });

  it('is refused once a chunked body passes the limit, not read to its end', async () => {
    const sent = await send(
      headers('/api/boards', ['Content-Type: application/json', 'Transfer-Encoding: chunked']),
      { chunked: true, giveUpBytes: 64 * LIMIT },
    );
    expect(status(sent)).toBe(413);
    expect(errorCode(sent)).toBe('body_too_large');
    expect(sent.closedByServer).toBe(true);
    expect(sent.bytesBeforeAnswer).toBeLessThan(8 * LIMIT);
  });

  it('as an article, is refused as an article too large, chunked too', async () => {
    const sent = await send(
      headers(`/api/boards/${board.id}/articles?title=Long`, [
        `Authorization: Bearer ${board.leadToken}`,
        'Content-Type: text/plain',
        'Transfer-Encoding: chunked',
      ]),
      { chunked: true, giveUpBytes: 64 * LIMIT },
    );
    expect(status(sent)).toBe(413);
    expect(errorCode(sent)).toBe('article_too_large');
    expect(sent.closedByServer).toBe(true);
    expect(sent.bytesBeforeAnswer).toBeLessThan(8 * LIMIT);
  });

  it('as an article, is refused as too large before its token is checked, as any body is', async () => {
    const sent = await send(
      headers(`/api/boards/${board.id}/articles?title=Long`, [
        'Authorization: Bearer not-a-token',
        'Content-Type: text/plain',
        `Content-Length: ${3 * 1024 * 1024}`,
      ]),
      { chunked: false, giveUpBytes: 64 * LIMIT },
    );
    expect(status(sent)).toBe(413);
    expect(errorCode(sent)).toBe('article_too_large');
    expect(sent.closedByServer).toBe(true);
    expect(sent.bytesBeforeAnswer).toBeLessThan(8 * LIMIT);
  });

  it('as a board import, is refused past the import limit', async () => {
    const sent = await send(
      headers('/api/boards/import', [
        'Content-Type: application/json',
        `Content-Length: ${MAX_IMPORT_BYTES + 1}`,
      ]),
      { chunked: false, giveUpBytes: 2 * MAX_IMPORT_BYTES },
    );
    expect(status(sent)).toBe(413);
    expect(errorCode(sent)).toBe('body_too_large');
    expect(sent.closedByServer).toBe(true);
    expect(sent.bytesBeforeAnswer).toBeLessThan(8 * LIMIT);
  });
});

describe('an error answered before the body is read', () => {
  it('closes the connection instead of reading the body off', async () => {
    const sent = await send(
      headers(`/api/boards/${board.id}/articles?title=Long`, [
        'Authorization: Bearer not-a-token',
        'Content-Type: text/plain',
        'Transfer-Encoding: chunked',
      ]),
      { chunked: true, giveUpBytes: 64 * LIMIT },
    );
    expect(status(sent)).toBe(401);
    expect(sent.head).toMatch(/^connection: close$/im);
    expect(sent.closedByServer).toBe(true);
    expect(sent.bytesBeforeAnswer).toBeLessThan(8 * LIMIT);
  });

  it('keeps the connection when the body was read: an ordinary error answer', async () => {
    const body = '{"title": 5}';
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (data) => {
        text += data.toString();
        if (text.includes('\r\n\r\n') && text.endsWith('}')) resolve(text);
      });
      socket.write(
        headers('/api/boards', [
          'Content-Type: application/json',
          `Content-Length: ${Buffer.byteLength(body)}`,
        ]) + body,
      );
    });
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/^connection: keep-alive$/im);
  });
});
