/**
 * Editing while the server's disk is full (found by QA on an 8 MB tmpfs: the page said only
 * "Still saving: no answer from the server yet"). The server tells the board's connections
 * (message 102), a page says why its changes wait and that they are kept, and once storing
 * works again the server says so and acknowledges what waited. The server, its SQLite file and
 * the sockets are real; its storage's appendBatch meets a real SQLITE_FULL while `full` holds.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addClaim, readBoard } from '../../shared/board';
import type { SyncStorage } from '../../server/storage/Storage';
import { statusLabel } from '../../client/sync/connectionStatus';
import { connectProvider, type TestClient } from '../helpers/connectProvider';
import { appendFailsWhile } from '../helpers/diskFullErrors';
import { useTestServer } from '../helpers/http/useTestServer';
import { createBoardOverRest, inviteOverRest } from '../helpers/restApi';

const live = useTestServer();
let full = false;
const raw: TestClient[] = [];

beforeAll(() => {
  appendFailsWhile(live.server.storage as SyncStorage, () => full);
});

afterAll(() => {
  full = false;
  for (const c of raw.splice(0)) c.destroy();
  vi.restoreAllMocks();
});

const until = (fn: () => boolean) =>
  vi.waitFor(() => expect(fn()).toBe(true), { timeout: 10_000, interval: 20 });

describe('a full disk on the server, told to the people editing', () => {
  it('says why changes wait and that they are kept, then saves them once there is space', async () => {
    const board = await createBoardOverRest(live.server.url, 'Full disk', 'Ana');
    const colleague = await inviteOverRest(live.server.url, board, 'Bo', 'editor');
    const page = live.open(board.id, board.leadToken);
    // A plain y-websocket client, as a script would use: it is told too, and ignores it.
    const bo = connectProvider(live.syncUrl, board.id, colleague.token);
    raw.push(bo);
    await until(() => page.getSnapshot().status.kind === 'saved');
    await bo.synced();

    full = true;
    const id = page.commands.addClaim({ claim: 'Written on a full disk' });
    await until(() => page.getSnapshot().status.kind === 'storageFull');
    const snapshot = page.getSnapshot();
    expect(snapshot.unsaved).toBe(true);
    expect(statusLabel(snapshot.status, { unsaved: true })).toBe(
      'Not saved yet: the server is out of space. Your changes are kept on this device and will be saved once it has space',
    );
    await until(() => bo.storageFull.length === 1);
    expect(bo.storageFull).toEqual([true]);

    // Someone opening the board meanwhile is told at once, before anything else can come.
    const late = connectProvider(live.syncUrl, board.id, colleague.token);
    raw.push(late);
    await until(() => late.storageFull.length === 1);
    expect(late.storageFull).toEqual([true]);
    expect(late.provider.synced).toBe(false);

    full = false;
    await until(() => page.getSnapshot().status.kind === 'saved');
    await until(() => bo.storageFull.length === 2 && late.storageFull.length === 2);
    expect(bo.storageFull).toEqual([true, false]);
    expect(late.storageFull).toEqual([true, false]);
    await late.synced();
    expect(readBoard(late.doc).cards[id]?.claim).toBe('Written on a full disk');
    expect((await live.server.board(board.id)).cards[id]?.claim).toBe('Written on a full disk');
    // An edit after it is stored and acknowledged as before.
    addClaim(bo.doc, { claim: 'After the space was freed' }, bo.as);
    await bo.allSaved();
  });
});
