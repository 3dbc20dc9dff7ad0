/**
 * The page's role refresh while the server's disk is full: GET /api/boards/:id answers 507
 * storage_full. That says nothing of the invite: the page keeps the role it has (not lost
 * access, no error) and asks again later, so a role a lead changed meanwhile still reaches it
 * once the server can answer. The server, its SQLite file and the requests are real; the
 * server's invite read meets a real SQLITE_FULL while `full` holds (test/helpers/diskFullErrors).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getKnownBoard, rememberBoard } from '../../../client/app/knownBoards';
import { refreshRole } from '../../../client/app/refreshRole';
import { sqliteFullError } from '../../helpers/diskFullErrors';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { memoryStorage } from '../../helpers/memoryStorage';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { waitFor } from '../../helpers/waitFor';

describe('refreshRole while the server’s disk is full', () => {
  let server: TestServer;
  let full = false;
  beforeAll(async () => {
    server = await startTestServer();
    const getInvite = server.storage.getInvite.bind(server.storage);
    vi.spyOn(server.storage, 'getInvite').mockImplementation(async (inviteId) => {
      if (full) throw sqliteFullError();
      return getInvite(inviteId);
    });
  });
  afterEach(() => {
    full = false;
    vi.unstubAllGlobals();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.stop();
  });

  it('keeps the role it has, shows nothing, and reads the new one once the server can answer', async () => {
    const board = await createBoardOverRest(server.url, 'Full disk', 'Lea');
    const bo = await inviteOverRest(server.url, board, 'Bo', 'editor');
    vi.stubGlobal('localStorage', memoryStorage().storage);
    // knownBoards tells the page of each change by an event on window (BoardRoute follows it).
    vi.stubGlobal('window', new EventTarget());
    // The page's relative path, against the real server.
    const fetchServer = globalThis.fetch;
    vi.stubGlobal('fetch', (path: string, init?: RequestInit) =>
      fetchServer(new URL(path, server.url), init),
    );
    expect(rememberBoard(bo.token)?.role).toBe('editor');
    const lowered = await request(
      server.url,
      'PATCH',
      `/api/boards/${board.id}/invites/${bo.inviteId}`,
      {
        token: board.leadToken,
        json: { role: 'reviewer' },
      },
    );
    expect(lowered.status).toBe(200);

    full = true;
    const asked = await request(server.url, 'GET', `/api/boards/${board.id}`, { token: bo.token });
    expect(asked.status).toBe(507);
    await expect(refreshRole(board.id, bo.token, { retryMs: 100 })).resolves.toBe(false);
    expect(getKnownBoard(board.id)).toMatchObject({ role: 'editor', token: bo.token });
    expect(getKnownBoard(board.id)?.refusedCode).toBeUndefined();

    full = false;
    await waitFor(() => getKnownBoard(board.id)?.role === 'reviewer', {
      what: 'the role read again once the disk has room',
    });
    expect(getKnownBoard(board.id)?.roleChange?.by).toBe('Lea');
  });
});
