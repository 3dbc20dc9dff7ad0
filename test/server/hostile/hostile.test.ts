/**
 * Hostile input (DESIGN §3, issue 2 item 7): each refusal closes only the offending connection
 * with its contract code, and an honest client keeps syncing.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addClaim, addClaims, readBoard } from '../../../shared/board';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { awarenessFrame, connectRaw, type RawClient } from '../../helpers/rawClient';
import {
  type Invite,
  startSyncTestServer,
  type SyncTestServer,
} from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';
import type { SyncOptions } from '../../../server/sync/syncOptions';

/** Whom the server's own changes (sync.change) name; the write policy judges clients only. */
const ctx = { actor: { id: 'a', name: 'A' } };

describe('hostile clients', () => {
  let server: SyncTestServer;
  let boardId: string;
  let honest: TestClient;
  let honestInvite: Invite;
  const raws: RawClient[] = [];
  const invites = new Map<RawClient, Invite>();

  async function setup(options: Partial<SyncOptions> = {}) {
    server = await startSyncTestServer({ options });
    boardId = await server.createBoard();
    honestInvite = await server.invite(boardId, 'editor');
    honest = connectProvider(server.syncUrl, boardId, honestInvite.token);
    await honest.synced();
  }
  async function raw(role: 'editor' | 'viewer' | 'reviewer' = 'editor') {
    const invite = await server.invite(boardId, role);
    const r = connectRaw(server.syncUrl, boardId, invite.token);
    raws.push(r);
    invites.set(r, invite);
    await r.sync();
    return r;
  }
  /** How others see a presence: `user` carries the invite's id and name, whatever was sent. */
  const seenAs = (invite: Invite) => ({ user: { id: invite.inviteId, name: invite.name } });
  /** The honest client can still write, and its write is stored and acknowledged. */
  async function honestStillWorks() {
    const id = addClaim(honest.doc, { claim: `still here ${Math.random()}` }, honest.as);
    await honest.allSaved();
    expect(await server.sync.read(boardId, (doc) => readBoard(doc).cards[id])).toBeDefined();
  }
  const storedCount = async () => (await server.storage.loadContent(boardId)).updates.length;

  beforeEach(() => setup());
  afterEach(async () => {
    for (const r of raws.splice(0)) r.close();
    honest.destroy();
    await server.close();
  });

  it('garbage frames close that connection with 4400 and no other', async () => {
    const frames = [
      new Uint8Array([0xff, 0xff, 0xff]), // not even a varint
      new Uint8Array([7]), // unknown message type
      new Uint8Array([100, 0]), // the server's own "saved" message
      new Uint8Array([0, 9, 0]), // unknown sync message
      new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]), // an update that does not decode
      new Uint8Array([0, 0, 3, 0xff, 0xff, 0xff]), // a state vector that does not decode
      new Uint8Array([1, 4, 1, 2, 3, 0xff]), // awareness that does not decode
    ];
    for (const f of frames) {
      const r = await raw();
      r.send(f);
      expect((await r.closedWithin()).code).toBe(CLOSE.malformed);
    }
    const text = await raw();
    text.ws.send('hello');
    expect((await text.closedWithin()).code).toBe(CLOSE.malformed);
    await honestStillWorks();
  });

  it('an update with missing dependencies is not kept: the server answers sync step 1; the honest resend converges', async () => {
    const r = await raw();
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(r.mirror));
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    const own = invites.get(r)!.as;
    addClaim(local, { claim: 'first' }, own);
    addClaim(local, { claim: 'second, builds on the first' }, own);
    const stored = await storedCount();
    const step1s = r.step1s.length;
    r.sendUpdate(updates[1] as Uint8Array);
    await waitFor(() => r.step1s.length > step1s, { what: 'sync step 1 from the server' });
    expect(await storedCount()).toBe(stored);
    expect(await server.sync.read(boardId, (doc) => doc.store.pendingStructs)).toBeNull();
    // What an honest client does with that step 1: send everything the server lacks.
    const serverSv = Y.encodeStateVectorFromUpdate(Y.encodeStateAsUpdate(r.mirror));
    r.sendStep2(Y.encodeStateAsUpdate(local, serverSv));
    await waitFor(() => Object.keys(readBoard(honest.doc).cards).length === 2);
    expect(r.ws.readyState).toBe(r.ws.OPEN);
  });

  it('a delete of items the server does not know is answered with sync step 1 and not stored', async () => {
    const r = await raw();
    const stored = await storedCount();
    const ds = encoding.createEncoder();
    encoding.writeVarUint(ds, 0); // no structs
    encoding.writeVarUint(ds, 1); // one client in the delete set
    encoding.writeVarUint(ds, 123456);
    encoding.writeVarUint(ds, 1);
    encoding.writeVarUint(ds, 0);
    encoding.writeVarUint(ds, 5);
    const step1s = r.step1s.length;
    r.sendUpdate(encoding.toUint8Array(ds));
    await waitFor(() => r.step1s.length > step1s);
    expect(await storedCount()).toBe(stored);
    expect(await server.sync.read(boardId, (doc) => doc.store.pendingDs)).toBeNull();
  });

  it('a forged client id (another invite’s) is refused with 4403 and the victim’s next edit survives', async () => {
    addClaim(honest.doc, { claim: 'mine' }, honest.as);
    await honest.allSaved();
    const victim = honest.doc.clientID;
    const r = await raw();
    // A doc that writes with the victim's id, continuing its clock.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(r.mirror));
    forger.clientID = victim;
    const updates: Uint8Array[] = [];
    forger.on('update', (u: Uint8Array) => updates.push(u));
    // In the forger's own name: only its client id is another's.
    addClaim(forger, { claim: 'takes the victim’s next clock' }, invites.get(r)!.as);
    const before = await storedCount();
    r.sendUpdate(Y.mergeUpdates(updates));
    expect((await r.closedWithin()).code).toBe(CLOSE.forbidden);
    expect(await storedCount()).toBe(before);
    await honestStillWorks();
  });

  it('the same invite may keep writing with its client id from a new connection', async () => {
    const invite = await server.invite(boardId, 'editor');
    const doc = new Y.Doc();
    const first = connectProvider(server.syncUrl, boardId, invite.token, { doc });
    await first.synced();
    addClaim(doc, { claim: 'one' }, invite.as);
    await first.allSaved();
    first.destroy();
    const second = connectProvider(server.syncUrl, boardId, invite.token, { doc });
    await second.synced();
    addClaim(doc, { claim: 'two' }, invite.as);
    await second.allSaved();
    expect(second.closes).toEqual([]);
    second.destroy();
  });

  it('presence for another client id is dropped: neither a forged state nor a relayed removal lands', async () => {
    honest.provider.awareness.setLocalStateField('user', { name: 'Honest' });
    const r = await raw('viewer');
    await waitFor(() => r.awareness.getStates().get(honest.doc.clientID));
    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.clientID = honest.doc.clientID;
    fake.setLocalState({ user: { name: 'Impostor' } });
    fake.setLocalState({ user: { name: 'Impostor', clockAhead: true } });
    r.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(fake, [fake.clientID])));
    fake.setLocalState(null);
    r.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(fake, [fake.clientID])));
    await r.sync();
    const watcher = await raw('viewer');
    await waitFor(() => watcher.awareness.getStates().get(honest.doc.clientID));
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const view of [watcher.awareness, r.awareness]) {
      expect(view.getStates().get(honest.doc.clientID)).toEqual(seenAs(honestInvite));
    }
    expect(honest.provider.awareness.getLocalState()).toEqual({ user: { name: 'Honest' } });
    // Honest clients relay others' presence back; that never closes their connection.
    expect(honest.closes).toEqual([]);
    fake.destroy();
  });

  it('one message cannot claim several presence ids', async () => {
    const r = await raw('viewer');
    const encoder = encoding.createEncoder();
    const ids = [910_001, 910_002, 910_003];
    encoding.writeVarUint(encoder, ids.length);
    for (const id of ids) {
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, JSON.stringify({ user: { name: `Ghost ${id}` } }));
    }
    r.send(awarenessFrame(encoding.toUint8Array(encoder)));
    await waitFor(() => honest.provider.awareness.getStates().get(910_001));
    await r.sync();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(honest.provider.awareness.getStates().has(910_002)).toBe(false);
    expect(honest.provider.awareness.getStates().has(910_003)).toBe(false);
    r.close();
  });

  it('a connection speaks for one presence id: the first it sets', async () => {
    const r = await raw('viewer');
    const first = new awarenessProtocol.Awareness(new Y.Doc());
    const second = new awarenessProtocol.Awareness(new Y.Doc());
    first.setLocalState({ user: { name: 'First' } });
    second.setLocalState({ user: { name: 'Second' } });
    r.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(first, [first.clientID])));
    r.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(second, [second.clientID])));
    await waitFor(() => honest.provider.awareness.getStates().get(first.clientID));
    await r.sync();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(honest.provider.awareness.getStates().has(second.clientID)).toBe(false);
    r.close();
    await waitFor(() => !honest.provider.awareness.getStates().has(first.clientID), {
      what: 'presence removed when its connection leaves',
    });
    first.destroy();
    second.destroy();
  });

  it('presence of one’s own client id works, under the invite’s name; oversized states are dropped', async () => {
    const r = await raw('viewer');
    const mine = new awarenessProtocol.Awareness(new Y.Doc());
    // Claiming to be the editor-in-chief shows the invite's own name to colleagues.
    mine.setLocalState({ user: { name: 'Editor-in-chief', colour: '#1d4ed8' }, openCard: 'c1' });
    r.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(mine, [mine.clientID])));
    await waitFor(() => honest.provider.awareness.getStates().get(mine.clientID));
    const bound = seenAs(invites.get(r)!);
    expect(honest.provider.awareness.getStates().get(mine.clientID)).toEqual({
      user: { ...bound.user, colour: '#1d4ed8' },
      openCard: 'c1',
    });
    mine.setLocalState({ user: { name: 'x'.repeat(10_000) } });
    r.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(mine, [mine.clientID])));
    await r.sync();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(honest.provider.awareness.getStates().get(mine.clientID)).toEqual({
      user: { ...bound.user, colour: '#1d4ed8' },
      openCard: 'c1',
    });
    mine.destroy();
  });

  it('a too-frequent connection is closed with 4429; a burst of a few hundred is fine', async () => {
    const r = await raw();
    for (let i = 0; i < 400; i++) r.sendSyncStep1();
    await r.sync();
    expect(r.ws.readyState).toBe(r.ws.OPEN);
    for (let i = 0; i < 2_000; i++) r.sendSyncStep1();
    expect((await r.closedWithin()).code).toBe(CLOSE.tooMany);
    await honestStillWorks();
  });
});

describe('message size', () => {
  let server: SyncTestServer;
  afterEach(async () => {
    await server.close();
  });

  it('a message over maxMessageBytes closes with 4413 (not ws’s 1009); one under it is stored', async () => {
    server = await startSyncTestServer({ options: { maxMessageBytes: 64 * 1024 } });
    const boardId = await server.createBoard();
    const { token, as } = await server.invite(boardId, 'editor');
    const ok = connectRaw(server.syncUrl, boardId, token);
    await ok.sync();
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(ok.mirror));
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    addClaim(local, { claim: 'x'.repeat(1_500) }, as);
    ok.sendUpdate(updates[0] as Uint8Array);
    await waitFor(() => ok.saved.length > 0);
    ok.close();
    const big = connectRaw(server.syncUrl, boardId, token);
    await big.sync();
    big.send(new Uint8Array(64 * 1024 + 1));
    expect(await big.closedWithin()).toEqual({ code: CLOSE.tooLarge, reason: 'message too large' });
  });

  it('the 2 MiB default accepts a 1.5 MiB update', async () => {
    server = await startSyncTestServer();
    const boardId = await server.createBoard();
    const client = connectProvider(
      server.syncUrl,
      boardId,
      (await server.invite(boardId, 'editor')).token,
    );
    await client.synced();
    // 750 cards with a claim of 2,000 characters each (the most a claim holds), in one update.
    const sizes: number[] = [];
    client.doc.on('update', (update: Uint8Array) => sizes.push(update.length));
    addClaims(
      client.doc,
      Array.from({ length: 750 }, (_, i) => ({ claim: `${i % 10}`.repeat(2_000) })),
      client.as,
    );
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toBeGreaterThan(1_500_000);
    await client.allSaved(10_000);
    client.destroy();
  });
});

describe('slow consumers', () => {
  it('a client that does not read is closed with 4429 once its buffer passes the limit', async () => {
    const server = await startSyncTestServer({ options: { maxBufferedBytes: 64 * 1024 } });
    try {
      const boardId = await server.createBoard();
      const slow = connectRaw(
        server.syncUrl,
        boardId,
        (await server.invite(boardId, 'viewer')).token,
      );
      await slow.sync();
      const socket = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
      socket.pause();
      for (let i = 0; i < 40; i++) {
        await server.sync.change(boardId, ctx.actor, (doc) =>
          addClaim(doc, { claim: 'z'.repeat(1_900) + i }, ctx),
        );
        for (let j = 0; j < 20; j++) {
          await server.sync.change(boardId, ctx.actor, (doc) =>
            doc
              .getMap('meta')
              .set('organisation', { name: 'n'.repeat(30_000), url: `https://x/${j}` }),
          );
        }
      }
      socket.resume();
      expect((await slow.closedWithin(10_000)).code).toBe(CLOSE.tooMany);
    } finally {
      await server.close();
    }
  });
});

describe('bulk sync replies', () => {
  /**
   * An 8 MB board (more than loopback's socket buffers hold, so a sync reply stays in ws's
   * buffer) and a viewer's raw socket to it, connected, its reading paused.
   */
  async function pausedViewerOfBigBoard(server: Awaited<ReturnType<typeof startSyncTestServer>>) {
    const boardId = await server.createBoard();
    for (let i = 0; i < 8; i++) {
      await server.sync.change(boardId, ctx.actor, (doc) =>
        doc.getMap('articles').set(`bulk${i}`, 'b'.repeat(1_000_000)),
      );
    }
    const client = connectRaw(
      server.syncUrl,
      boardId,
      (await server.invite(boardId, 'viewer')).token,
    );
    await client.opened();
    const socket = (client.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    return { boardId, client, socket };
  }

  it('a new client whose first sync is larger than the buffer limit is not taken for a slow one', async () => {
    const server = await startSyncTestServer({ options: { maxBufferedBytes: 64 * 1024 } });
    try {
      const { boardId, client: fresh, socket } = await pausedViewerOfBigBoard(server);
      fresh.sendSyncStep1();
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Small changes reach the client while its sync reply is still draining.
      for (let i = 0; i < 5; i++) {
        await server.sync.change(boardId, ctx.actor, (doc) =>
          addClaim(doc, { claim: `c${i}` }, ctx),
        );
      }
      socket.resume();
      await waitFor(() => fresh.mirror.getMap('cards').size === 5, { what: 'all five cards' });
      expect(fresh.mirror.getMap('articles').size).toBe(8);
      expect(fresh.ws.readyState).toBe(fresh.ws.OPEN);
      fresh.close();
    } finally {
      await server.close();
    }
  });
  it('a client that asks for the whole board again while a reply still drains is a slow consumer', async () => {
    const server = await startSyncTestServer({ options: { maxBufferedBytes: 64 * 1024 } });
    try {
      const { client: greedy, socket } = await pausedViewerOfBigBoard(server);
      // Each ask would have the server buffer the 8 MB board once more, let off the limit.
      for (let i = 0; i < 6; i++) greedy.sendSyncStep1();
      await new Promise((resolve) => setTimeout(resolve, 500));
      socket.resume();
      expect(await greedy.closedWithin(20_000)).toEqual({
        code: CLOSE.tooMany,
        reason: 'slow consumer',
      });
    } finally {
      await server.close();
    }
  });
});

/** The code of the first close frame among the server's (unmasked) frames, if complete. */
function closeCodeIn(bytes: Buffer): number | null {
  let at = 0;
  while (at + 2 <= bytes.length) {
    const opcode = (bytes[at] as number) & 0x0f;
    let length = (bytes[at + 1] as number) & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > bytes.length) return null;
      length = bytes.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > bytes.length) return null;
      length = Number(bytes.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > bytes.length) return null;
    if (opcode === 8) return bytes.readUInt16BE(start);
    at = start + length;
  }
  return null;
}

describe('frames that break the WebSocket protocol', () => {
  it('a reserved opcode closes with 4400, not ws’s 1002', async () => {
    const server = await startSyncTestServer();
    try {
      const boardId = await server.createBoard();
      const { token } = await server.invite(boardId, 'viewer');
      const port = Number(new URL(server.syncUrl).port);
      const socket = connect(port, '127.0.0.1');
      let received = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
      socket.write(
        `GET /sync/${boardId}?token=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
          'Sec-WebSocket-Version: 13\r\n\r\n',
      );
      await waitFor(() => received.includes('\r\n\r\n'));
      expect(received.toString('latin1')).toMatch(/^HTTP\/1.1 101/);
      received = Buffer.alloc(0);
      // FIN + reserved opcode 3, masked, empty payload.
      socket.write(Buffer.from([0x83, 0x80, 1, 2, 3, 4]));
      const close = await waitFor(() => closeCodeIn(received));
      expect(close).toBe(CLOSE.malformed);
      socket.destroy();
    } finally {
      await server.close();
    }
  });
});
