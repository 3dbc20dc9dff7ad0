/**
 * The bench's floors: the relay forwards each message to the room's other sockets, and the
 * durable relay has appended it to its journal by the time a peer receives it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningServer, startRelay } from '../../bench/relay';

const open = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });

const next = (ws: WebSocket) =>
  new Promise<Buffer>((resolve) => ws.once('message', (data) => resolve(data as Buffer)));

describe('durable relay', () => {
  let dir = '';
  let relay: RunningServer | undefined;
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.terminate();
    await relay?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('journals every message before a peer of its room receives it, and only its room', async () => {
    dir = mkdtempSync(join(tmpdir(), 'relay-test-'));
    const journal = join(dir, 'journal');
    relay = await startRelay({ journal });
    const url = relay.url.replace(/^http/, 'ws');
    const [a, b, other] = await Promise.all([
      open(`${url}/room-1`),
      open(`${url}/room-1?x=1`),
      open(`${url}/room-2`),
    ]);
    sockets.push(a, b, other);
    let strays = 0;
    other.on('message', () => strays++);
    const sent = [Buffer.from([1, 2, 3]), Buffer.alloc(70_000, 9), Buffer.from('four')];
    let expected = Buffer.alloc(0);
    for (const message of sent) {
      const received = next(b);
      a.send(message);
      expect(await received).toEqual(message);
      expected = Buffer.concat([expected, message]);
      expect(readFileSync(journal)).toEqual(expected);
    }
    expect(strays).toBe(0);
  });
});
