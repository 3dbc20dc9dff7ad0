/**
 * Fuzz (issue 2 item 7): thousands of random and mutated frames from many connections at a live
 * server while an honest editor keeps writing. The server stays up, refuses what it must, keeps
 * no pending data, and the honest client loses nothing. Seeded: FUZZ_SEED=<n> reproduces a run.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addClaim, addComment, readBoard, resolveThread } from '../../../shared/board';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { awarenessFrame, connectRaw, syncFrame, type RawClient } from '../../helpers/rawClient';
import { type Random, seededRandom } from '../../helpers/seededRandom';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const FRAMES = 1_500;
const HOSTILE_CONNECTIONS = 12;

/** Valid frames a hostile client could start from: its own updates, state vectors, presence. */
function validFrames(rnd: Random, mirror: Y.Doc, actorId: string, cardIds: string[]): Uint8Array[] {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(mirror));
  const updates: Uint8Array[] = [];
  local.on('update', (u: Uint8Array) => updates.push(u));
  const ctx = { actor: { id: actorId, name: 'Fuzz' } };
  const cardId = cardIds.length > 0 ? rnd.pick(cardIds) : null;
  try {
    if (cardId) {
      const commentId = addComment(local, cardId, { text: `fuzz ${rnd.int(1e6)}` }, ctx);
      resolveThread(local, commentId, true, ctx);
    }
    addClaim(local, { claim: 'fuzz card' }, ctx);
    local.getMap(rnd.pick(['cards', 'comments', 'meta', 'elsewhere'])).set('k', rnd.int(100));
    local.getArray('list').insert(0, [rnd.int(100)]);
  } catch {
    // a command refused its input: the frames made so far are enough
  }
  const awareness = new awarenessProtocol.Awareness(local);
  awareness.setLocalState({ user: { name: 'Fuzz' }, n: rnd.int(100) });
  const frames = [
    ...updates.map((u) => syncFrame(rnd.pick([1, 2] as const), u)),
    syncFrame(0, Y.encodeStateVector(local)),
    awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, [local.clientID])),
    new Uint8Array([3]),
  ];
  awareness.destroy();
  return frames;
}

function mutate(rnd: Random, frame: Uint8Array): Uint8Array {
  const out = Array.from(frame);
  switch (rnd.int(6)) {
    case 0: // flip bytes
      for (let i = 0, n = 1 + rnd.int(4); i < n && out.length > 0; i++) {
        out[rnd.int(out.length)] = rnd.int(256);
      }
      return Uint8Array.from(out);
    case 1: // truncate
      return Uint8Array.from(out.slice(0, rnd.int(out.length + 1)));
    case 2: // append garbage
      return Uint8Array.from([...out, ...rnd.bytes(1 + rnd.int(16))]);
    case 3: // splice a run of random bytes into the middle
      out.splice(rnd.int(out.length + 1), rnd.int(4), ...rnd.bytes(1 + rnd.int(8)));
      return Uint8Array.from(out);
    case 4: {
      // a well-framed update whose payload is garbage or a random delete set
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, rnd.int(3));
      const payload = encoding.createEncoder();
      encoding.writeVarUint(payload, 0);
      encoding.writeVarUint(payload, 1);
      encoding.writeVarUint(payload, rnd.int(2 ** 32));
      encoding.writeVarUint(payload, 1);
      encoding.writeVarUint(payload, rnd.int(50));
      encoding.writeVarUint(payload, 1 + rnd.int(50));
      encoding.writeVarUint8Array(
        e,
        rnd.next() < 0.5 ? encoding.toUint8Array(payload) : rnd.bytes(rnd.int(64)),
      );
      return encoding.toUint8Array(e);
    }
    default: // pure noise
      return rnd.bytes(rnd.int(200));
  }
}

describe(`fuzz (seed ${SEED})`, () => {
  let server: SyncTestServer;
  let honest: TestClient;
  /** Errors the server logged: an exception in its checks would show here. */
  const errors: unknown[] = [];
  beforeAll(async () => {
    server = await startSyncTestServer({
      log: (level, message, fields) => {
        if (level === 'error') errors.push({ message, ...fields });
      },
    });
  });
  afterAll(async () => {
    honest?.destroy();
    await server.close();
  });

  it(`survives ${FRAMES} random and mutated frames while an honest editor loses nothing (B4, B5)`, async () => {
    const rnd = seededRandom(SEED);
    const boardId = await server.createBoard();
    const editor = await server.invite(boardId, 'editor');
    honest = connectProvider(server.syncUrl, boardId, editor.token);
    await honest.synced();
    const honestCtx = editor.as;
    const written: string[] = [];
    const writer = setInterval(() => {
      written.push(addClaim(honest.doc, { claim: `honest ${written.length}` }, honestCtx));
    }, 5);

    let sent = 0;
    const closes = new Map<number, number>();
    const invites = await Promise.all(
      Array.from({ length: HOSTILE_CONNECTIONS }, (_, i) =>
        server.invite(boardId, i % 3 === 0 ? 'viewer' : 'reviewer'),
      ),
    );
    const hostile = async (invite: { inviteId: string; token: string }) => {
      while (sent < FRAMES) {
        const raw: RawClient = connectRaw(server.syncUrl, boardId, invite.token);
        raw.closed.then(({ code }) => closes.set(code, (closes.get(code) ?? 0) + 1));
        try {
          await raw.sync();
        } catch {
          continue;
        }
        const base = validFrames(rnd, raw.mirror, invite.inviteId, written.slice(-20));
        // Some connections mostly send valid frames, to reach the role and binding checks.
        const mutationRate = rnd.pick([0.05, 0.3, 0.9]);
        while (sent < FRAMES && raw.ws.readyState === raw.ws.OPEN) {
          const frame = rnd.next() < mutationRate ? mutate(rnd, rnd.pick(base)) : rnd.pick(base);
          raw.send(frame);
          sent++;
          if (sent % 8 === 0) await new Promise((r) => setTimeout(r, 1));
        }
        raw.close();
        await raw.closed;
      }
    };
    await Promise.all(invites.map(hostile));
    clearInterval(writer);

    expect(sent).toBeGreaterThanOrEqual(FRAMES);
    expect(closes.get(4400) ?? 0).toBeGreaterThan(0);
    if (process.env.FUZZ_VERBOSE) console.log(Object.fromEntries(closes), errors);
    expect(errors).toEqual([]);
    // The honest client was never disconnected and everything it wrote is stored.
    await honest.allSaved(10_000);
    expect(honest.closes).toEqual([]);
    const view = await server.sync.read(boardId, (doc) => {
      expect(doc.store.pendingStructs).toBeNull();
      expect(doc.store.pendingDs).toBeNull();
      return readBoard(doc);
    });
    expect(written.length).toBeGreaterThan(20);
    for (const [i, id] of written.entries()) expect(view.cards[id]?.claim).toBe(`honest ${i}`);
    // A newcomer syncs the same board, and what is stored reloads to the same state.
    const fresh = connectProvider(server.syncUrl, boardId, editor.token);
    await fresh.synced();
    expect(readBoard(fresh.doc).cards).toEqual(readBoard(honest.doc).cards);
    fresh.destroy();
    const content = await server.storage.loadContent(boardId);
    const reloaded = new Y.Doc();
    for (const u of [content.snapshot, ...content.updates]) if (u) Y.applyUpdate(reloaded, u);
    expect(readBoard(reloaded).cards).toEqual(view.cards);
  });
});
