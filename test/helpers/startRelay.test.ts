/**
 * The relay of the slow-link tests passes on all a server sent before it closed the connection,
 * then closes it: dropped at once, a download longer than the server's keep-alive idle close
 * (5 s) arrived cut off through it. A real TCP server and client, through the real relay.
 */
import { type AddressInfo, connect, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Relay, startRelay } from './startRelay';

const BYTES = 30_000;
const SENT = Buffer.alloc(BYTES, 'fact-check ');

describe('startRelay', () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  /** A server that sends BYTES and closes the connection at once; the client's bytes. */
  async function download(relayOptions: Parameters<typeof startRelay>[1]): Promise<Buffer> {
    const server = createServer((socket) => socket.end(SENT));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const relay: Relay = await startRelay(`http://127.0.0.1:${port}/`, relayOptions);
    closing.push(() => relay.close());
    const client = connect(Number(new URL(relay.url).port), '127.0.0.1');
    const got: Buffer[] = [];
    client.on('data', (chunk: Buffer) => got.push(chunk));
    await new Promise<void>((resolve, reject) => {
      client.on('close', () => resolve());
      client.on('error', reject);
    });
    return Buffer.concat(got);
  }

  it('on a slow link, passes on all the server sent before it closed, then closes', async () => {
    const got = await download({ bytesPerSecond: 60_000 });
    expect(got.length).toBe(BYTES);
    expect(got.equals(SENT)).toBe(true);
  });

  it('on a fast link too', async () => {
    const got = await download({});
    expect(got.length).toBe(BYTES);
    expect(got.equals(SENT)).toBe(true);
  });
});
