/**
 * "All changes saved" covers deletes: deleting a card adds no struct and moves no clock, so
 * the client waits for an acknowledgment that counts the write message that carried it
 * (shared/protocol/messages.ts). The server's storage is held to show the status meanwhile.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { deleteCard, readBoard } from '../../shared/board';
import { BoardConnection, type NetworkEvents } from '../../client/sync/BoardConnection';
import type { ConnectionKind } from '../../client/sync/connectionStatus';
import {
  type Invite,
  startSyncTestServer,
  type SyncTestServer,
} from '../helpers/startSyncTestServer';
import { switchableNetwork } from '../helpers/switchableNetwork';
import { type PausableStorage, pausableStorage } from './pausableStorage';

const until = (fn: () => boolean) => vi.waitFor(() => expect(fn()).toBe(true), { timeout: 5000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('saved status for deletes', () => {
  let server: SyncTestServer;
  let paused: PausableStorage;
  const open: BoardConnection[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    paused.resume();
    await server.close();
  });

  let boardId: string;
  let invite: Invite;

  /** A connection whose every status, in order, is in `seen`. */
  function connect(opts: { network?: NetworkEvents | null; doc?: Y.Doc; viewer?: Invite } = {}) {
    const as = opts.viewer ?? invite;
    const c = new BoardConnection({
      boardId,
      token: as.token,
      role: opts.viewer ? 'viewer' : 'editor',
      actor: { id: as.inviteId, name: as.name },
      serverUrl: server.syncUrl.replace(/\/sync$/, ''),
      persist: false,
      network: opts.network ?? null,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      ...(opts.doc ? { doc: opts.doc } : {}),
    });
    open.push(c);
    const seen: ConnectionKind[] = [];
    c.subscribe(() => seen.push(c.getSnapshot().status.kind));
    return { c, seen };
  }

  /** The server's stored content (not its doc): whether the card is in it. */
  async function stored(cardId: string): Promise<boolean> {
    const content = await server.storage.loadContent(boardId);
    const doc = new Y.Doc();
    for (const u of [content.snapshot, ...content.updates]) if (u) Y.applyUpdate(doc, u);
    return readBoard(doc).cards[cardId] !== undefined;
  }

  /** An editor's connection to a board with one stored card. */
  async function editor(network: NetworkEvents | null = null) {
    paused = pausableStorage();
    server = await startSyncTestServer({ storage: paused.storage });
    boardId = await server.createBoard();
    invite = await server.invite(boardId, 'editor', 'Edie');
    const { c, seen } = connect({ network });
    await until(() => c.getSnapshot().status.kind === 'saved');
    const cardId = c.commands.addClaim({ claim: 'To be deleted' });
    await until(() => c.getSnapshot().status.kind === 'saved');
    return { c, cardId, seen };
  }

  it('deleting a card is unsaved until the server has stored the delete', async () => {
    const { c, cardId, seen } = await editor();
    const clock = Y.getState(c.doc.store, c.doc.clientID);
    paused.pause();
    seen.length = 0;
    c.commands.deleteCard(cardId);
    // The delete moved no clock: only the write count tells it apart.
    expect(Y.getState(c.doc.store, c.doc.clientID)).toBe(clock);
    expect(c.getSnapshot().status.kind).toBe('saving');
    await until(() => paused.waiting > 0);
    await sleep(200);
    expect(seen).not.toContain('saved');
    expect(c.getSnapshot().unsaved).toBe(true);
    expect(await stored(cardId)).toBe(true);

    paused.resume();
    await until(() => c.getSnapshot().status.kind === 'saved');
    expect(await stored(cardId)).toBe(false);
  });

  it('a delete made offline stays unsaved through the reconnect until it is stored', async () => {
    const net = switchableNetwork();
    const { c, cardId, seen } = await editor(net);
    net.set(false);
    await until(() => c.getSnapshot().status.kind === 'offline');
    c.commands.deleteCard(cardId);
    expect(c.getSnapshot().unsaved).toBe(true);
    paused.pause();
    seen.length = 0;
    net.set(true);
    // The reconnect syncs (the server's step 2 arrives) while the delete waits for storage.
    await until(() => paused.waiting > 0 && c.getSnapshot().status.kind !== 'connecting');
    await sleep(200);
    expect(seen).toContain('saving');
    expect(seen).not.toContain('saved');
    expect(await stored(cardId)).toBe(true);

    paused.resume();
    await until(() => c.getSnapshot().status.kind === 'saved');
    expect(await stored(cardId)).toBe(false);
  });

  it('a delete the saved record lost (another tab overwrote it) is not saved before stored', async () => {
    const { c, cardId } = await editor();
    c.destroy();
    // The page reloads with the delete in its local copy but nothing noted about it: only the
    // write count of the step 2 that carries it can tell.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await server.sync.read(boardId, (d) => Y.encodeStateAsUpdate(d)));
    deleteCard(doc, cardId, { actor: { id: invite.inviteId, name: invite.name } });
    paused.pause();
    const { c: reloaded, seen } = connect({ doc });
    await until(() => paused.waiting > 0 && reloaded.getSnapshot().status.kind !== 'syncing');
    await sleep(200);
    expect(seen).toContain('saving');
    expect(seen).not.toContain('saved');

    paused.resume();
    await until(() => reloaded.getSnapshot().status.kind === 'saved');
    expect(await stored(cardId)).toBe(false);
  });

  it('a viewer, whose writes the server never acknowledges, is saved once synced', async () => {
    await editor();
    const { c } = connect({ viewer: await server.invite(boardId, 'viewer', 'Vi') });
    await until(() => c.getSnapshot().status.kind === 'saved');
  });
});
