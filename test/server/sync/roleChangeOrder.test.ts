/**
 * Where a role change falls among a member's writes. What reached the server before the change
 * is the member's under the role they had: stored, acknowledged on their socket, and before the
 * `role.changed` entry in the history. What arrives after it is not taken on that socket (it
 * closes with 4205) and is judged on the next one by the new role. Real sync server and SQLite;
 * the storage's commits can be held, so that writes wait in the board's queue when the change
 * comes; the change goes through the same code as PATCH …/invites/:inviteId.
 */
import * as decoding from 'lib0/decoding';
import { afterEach, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addClaim, readBoard } from '../../../shared/board';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import { decodeSavedAck, MESSAGE } from '../../../shared/protocol/messages';
import type { Role } from '../../../shared/roles';
import { changeInviteRole } from '../../../server/http/boardActions';
import { createSqliteStorage } from '../../../server/storage/createSqliteStorage';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import { StorageError } from '../../../server/storage/StorageError';
import { pausableStorage } from '../../client/pausableStorage';
import { connectRaw, type RawClient, updateFrom } from '../../helpers/rawClient';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { waitFor } from '../../helpers/waitFor';

let server: SyncTestServer | null = null;
let dir: TempDir | null = null;
const raws: RawClient[] = [];
afterEach(async () => {
  for (const r of raws.splice(0)) r.close();
  await server?.close();
  dir?.remove();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The write counts of the acknowledgments the client received, in order. */
const ackedWrites = (raw: RawClient) =>
  raw.received.flatMap((bytes) => {
    const d = decoding.createDecoder(bytes);
    return decoding.readVarUint(d) === MESSAGE.saved ? [decodeSavedAck(d).writes] : [];
  });

/** A board with a lead, Lea, and an editor, Bo, connected; commits can be held. */
async function editorOnBoard() {
  dir = makeTempDir();
  const held = pausableStorage(createSqliteStorage(`${dir.path}/factboard.sqlite`));
  server = await startSyncTestServer({ storage: held.storage });
  const { storage, sync, signer } = server;
  const boardId = await server.createBoard();
  const lea = await server.invite(boardId, 'lead', 'Lea');
  const bo = await server.invite(boardId, 'editor', 'Bo');
  const ctx = { actor: { id: bo.inviteId, name: 'Bo' } };
  const connect = async () => {
    const raw = connectRaw(server!.syncUrl, boardId, bo.token);
    raws.push(raw);
    await raw.sync();
    return raw;
  };
  const raw = await connect();
  return {
    held,
    storage,
    boardId,
    raw,
    connect,
    boRole: async () => (await storage.getInvite(bo.inviteId))?.role,
    claim: (text: string, on = raw) =>
      updateFrom(on, (doc: Y.Doc) => addClaim(doc, { claim: text }, ctx)),
    /** Lea changes Bo's role as PATCH …/invites/:inviteId does; `from`: as she last read it. */
    async changeBoTo(to: Role, from?: Role) {
      const invite = (await storage.getInvite(bo.inviteId))!;
      const read = from ? { ...invite, role: from } : invite;
      return changeInviteRole({ storage, syncServer: sync, signer }, read, to, {
        id: lea.inviteId,
        name: 'Lea',
      });
    },
    claims: async () =>
      Object.values((await sync.read(boardId, (doc) => readBoard(doc))).cards)
        .map((c) => c.claim)
        .sort(),
  };
}

it('writes that reached the server before a demotion are stored and acknowledged first; later ones are not taken', async () => {
  const { held, storage, boardId, raw, boRole, claim, changeBoTo, claims } = await editorOnBoard();

  // One write in a batch being stored, one waiting behind it in the board's queue.
  held.pause();
  raw.sendUpdate(claim('Being stored'));
  await waitFor(() => held.waiting > 0, { what: 'a batch being stored' });
  raw.sendUpdate(claim('Waiting in the queue'));
  await sleep(50);

  const change = changeBoTo('reviewer');
  await sleep(50);
  // Sent once the change has begun: not taken on this socket.
  if (raw.ws.readyState === raw.ws.OPEN) raw.sendUpdate(claim('After the change'));
  held.resume();
  await change;

  expect(await raw.closedWithin()).toEqual({ code: CLOSE.roleChanged, reason: 'role changed' });
  // Both writes acknowledged on the socket they came by, before it closed.
  expect(ackedWrites(raw).at(-1)).toBe(2);
  expect(await claims()).toEqual(['Being stored', 'Waiting in the queue']);
  // The history tells it in that order: Bo's cards, then Lea's change of his role.
  const types = (await readAllHistory(storage, boardId)).map((e) => e.type);
  expect(types.slice(-3)).toEqual(['card.created', 'card.created', 'role.changed']);
  expect(await boRole()).toBe('reviewer');
});

it('a change refused while nothing arrived leaves the socket open and writing', async () => {
  const { raw, boRole, claim, changeBoTo, claims } = await editorOnBoard();
  // Lea read Bo as a viewer: storage refuses (he is an editor).
  await expect(changeBoTo('reviewer', 'viewer')).rejects.toThrow(StorageError);
  expect(await boRole()).toBe('editor');
  raw.sendUpdate(claim('Still an editor'));
  await waitFor(() => ackedWrites(raw).includes(1), { what: 'the write acknowledged' });
  expect(await claims()).toEqual(['Still an editor']);
  expect(raw.ws.readyState).toBe(raw.ws.OPEN);
});

it('a change refused after a write arrived and was dropped closes the socket, and the next one takes it', async () => {
  const { held, raw, connect, boRole, claim, changeBoTo, claims } = await editorOnBoard();
  held.pause();
  raw.sendUpdate(claim('Being stored'));
  await waitFor(() => held.waiting > 0, { what: 'a batch being stored' });
  const change = changeBoTo('reviewer', 'viewer');
  await sleep(50);
  const dropped = claim('Sent while held');
  raw.sendUpdate(dropped);
  await sleep(50);
  held.resume();
  await expect(change).rejects.toThrow(StorageError);

  // The client holds a write the server never took: a new socket is how it is sent again.
  expect((await raw.closedWithin()).code).toBe(CLOSE.roleChanged);
  expect(await claims()).toEqual(['Being stored']);
  expect(await boRole()).toBe('editor');
  const again = await connect();
  again.sendStep2(dropped);
  await waitFor(() => ackedWrites(again).includes(1), { what: 'the write stored at last' });
  expect(await claims()).toEqual(['Being stored', 'Sent while held']);
});
