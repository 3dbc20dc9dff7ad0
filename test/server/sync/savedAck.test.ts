/**
 * The storage acknowledgment (type 100) covers every write message, not only those that move a
 * clock: after the state vector it carries how many write messages the server has processed
 * from the socket, and it leaves only once they are stored (shared/protocol/messages.ts).
 */
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, deleteCard, readBoard } from '../../../shared/board';
import { decodeSavedAck, MESSAGE, type SavedAck } from '../../../shared/protocol/messages';
import { pausableStorage } from '../../client/pausableStorage';
import type { RawClient } from '../../helpers/rawClient';
import { rawMember } from '../../helpers/rawMember';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

/** The acknowledgment in a received message, decoded in full; null for other messages. */
function ackIn(bytes: Uint8Array): SavedAck | null {
  const d = decoding.createDecoder(bytes);
  return decoding.readVarUint(d) === MESSAGE.saved ? decodeSavedAck(d) : null;
}

/** Every acknowledgment the raw client received, in order. */
const acks = (raw: RawClient) => raw.received.flatMap((bytes) => ackIn(bytes) ?? []);

/** Makes `fn`'s change on the raw client's mirror and returns it as one update. */
function change(raw: RawClient, fn: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array) => updates.push(u);
  raw.mirror.on('update', collect);
  fn(raw.mirror);
  raw.mirror.off('update', collect);
  return Y.mergeUpdates(updates);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('saved acknowledgment covers every write', () => {
  let server: SyncTestServer;
  const raws: RawClient[] = [];
  afterEach(async () => {
    for (const r of raws.splice(0)) r.close();
    await server.close();
  });

  async function editor(storage = pausableStorage()) {
    server = await startSyncTestServer({ storage: storage.storage });
    const boardId = await server.createBoard();
    const { raw, as } = await rawMember(server, boardId, 'editor', 'Edie', raws);
    return { raw, boardId, storage, ctx: as };
  }

  it('acknowledges a delete-only update, after storing it, with the count of writes', async () => {
    const { raw, boardId, storage, ctx } = await editor();
    let cardId = '';
    raw.sendUpdate(change(raw, (doc) => (cardId = addClaim(doc, { claim: 'Gone soon' }, ctx))));
    const first = await waitFor(() => acks(raw).find((a) => a.writes === 1));

    const deletion = change(raw, (doc) => deleteCard(doc, cardId, ctx));
    // Delete-only: no struct, so no clock can ever show that it is stored.
    expect(Y.decodeUpdate(deletion).structs).toHaveLength(0);
    storage.pause();
    raw.sendUpdate(deletion);
    await waitFor(() => storage.waiting > 0, { what: 'the delete waiting for storage' });
    await sleep(100);
    expect(acks(raw).some((a) => a.writes === 2)).toBe(false);

    storage.resume();
    const second = await waitFor(() => acks(raw).find((a) => a.writes === 2));
    expect(second.clocks).toEqual(first.clocks);
    const content = await server.storage.loadContent(boardId);
    const stored = new Y.Doc();
    for (const u of [content.snapshot, ...content.updates]) if (u) Y.applyUpdate(stored, u);
    expect(readBoard(stored).cards[cardId]).toBeUndefined();
    // Decoders that predate the count read the same clocks and stop before it.
    expect(raw.saved.at(-1)).toEqual(second.clocks);
  });

  it('counts a redundant write too, so a client never waits for an ack that cannot come', async () => {
    const { raw, ctx } = await editor();
    const update = change(raw, (doc) => addClaim(doc, { claim: 'Sent twice' }, ctx));
    raw.sendUpdate(update);
    raw.sendStep2(update);
    await waitFor(() => acks(raw).some((a) => a.writes === 2));
  });

  it('answers a gapped write with sync step 1 before the ack that counts it', async () => {
    const { raw, storage, ctx } = await editor();
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.mirror));
    const parts: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => parts.push(u));
    addClaim(local, { claim: 'First' }, ctx);
    addClaim(local, { claim: 'Second' }, ctx);
    // A good write and a gapped one (parts[1] depends on parts[0]) queue behind a held batch,
    // so that the server handles them in one turn.
    storage.pause();
    raw.sendUpdate(change(raw, (doc) => addClaim(doc, { claim: 'Held' }, ctx)));
    await waitFor(() => storage.waiting > 0, { what: 'a held batch' });
    raw.sendUpdate(change(raw, (doc) => addClaim(doc, { claim: 'Unrelated' }, ctx)));
    raw.sendUpdate(parts[1] as Uint8Array);
    await sleep(50);
    storage.resume();
    await waitFor(() => acks(raw).some((a) => a.writes === 3));
    // The resync step 1 came first: a client answers it (step 2, one more write to wait for)
    // before it reads the ack that counts the gapped write.
    const kinds = raw.received.map((b) =>
      b[0] === MESSAGE.sync ? `sync ${b[1]}` : `saved ${ackIn(b)?.writes}`,
    );
    expect(kinds.lastIndexOf('sync 0')).toBeGreaterThan(kinds.indexOf('sync 0'));
    expect(kinds.lastIndexOf('sync 0')).toBeLessThan(kinds.indexOf('saved 3'));
    raw.sendStep2(Y.encodeStateAsUpdate(local, Y.encodeStateVector(raw.mirror)));
    const ack = await waitFor(() => acks(raw).find((a) => a.writes === 4));
    expect(ack.clocks.get(local.clientID)).toBe(Y.getState(local.store, local.clientID));
  });
});
