/**
 * A board import whose client goes away while the board is being written (the page's Cancel
 * pressed as its last bytes left, a tab closed, a link lost while "Building the board…"): the
 * answer would have held the board's only lead link, so the board is deleted again rather than
 * kept where no link opens it. Real server on port 0 (its SQLite file and board threads); the
 * client's going is its request's signal aborting during the storage write.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importBoard } from '../../../server/export/importBoard';
import { inviteUrl, newInvite } from '../../../server/http/boardActions';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest } from '../../helpers/restApi';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('a board import whose client leaves during the write', () => {
  it('deletes the board it wrote, and one whose client stays is kept', async () => {
    const source = await createBoardOverRest(server.url, 'Night desk', 'Ana');
    const text = JSON.stringify(
      (
        await request(server.url, 'GET', `/api/boards/${source.id}/export?format=json`, {
          token: source.leadToken,
        })
      ).body,
    );
    const deps = {
      storage: server.storage,
      workers: server.boardWorkers,
      leadInvite: (boardId: string, name: string) => {
        const { invite, token } = newInvite({ signer: server.signer }, boardId, {
          name,
          role: 'lead',
        });
        return { invite, token, url: inviteUrl(server.url, boardId, token) };
      },
    };
    const write = server.storage.createBoardWithLead.bind(server.storage);
    const client = new AbortController();
    const written: string[] = [];
    const spy = vi
      .spyOn(server.storage, 'createBoardWithLead')
      .mockImplementation(async (imported) => {
        await write(imported);
        written.push(imported.board.id);
        client.abort(new Error('client gone'));
      });
    await expect(importBoard(deps, text, { signal: client.signal })).rejects.toThrow('client gone');
    spy.mockRestore();
    expect(written).toHaveLength(1);
    expect(await server.storage.getBoard(written[0]!)).toBeNull();

    const kept = await importBoard(deps, text, { signal: new AbortController().signal });
    expect((await server.storage.getBoard(kept.id))?.title).toBe('Night desk');
  });
});
