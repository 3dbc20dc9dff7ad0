/**
 * DELETE /api/boards/:id on the real server (port 0, a real SQLite file, real WebSockets): who
 * may, what it answers, the board's open sockets closed with 4404 and its tokens refused after,
 * every row of the board gone from the file (edits arriving as it is deleted included) while
 * another board keeps all of its, and the audit line saying who deleted it.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim, deleteCard } from '../../../shared/board';
import { SYSTEM_ACTOR } from '../../../shared/board/actor';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import { DATABASE_FILE } from '../../../server/dataDirProblem';
import type { SyncLog } from '../../../server/sync/syncLog';
import { UnknownBoardError } from '../../../server/sync/UnknownBoardError';
import { connectProvider } from '../../helpers/connectProvider';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { connectRaw } from '../../helpers/rawClient';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { waitFor } from '../../helpers/waitFor';
import { countBoardRows } from '../../helpers/boardTables';

const ADMIN = 'admin-token-0123456789';

let dir: TempDir;
let server: TestServer;
const logged: { event: string; fields: Record<string, unknown> }[] = [];
const log: SyncLog = (_level, event, fields = {}) => void logged.push({ event, fields });
const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;

interface Board {
  readonly id: string;
  readonly leadToken: string;
  readonly editorToken: string;
}

/**
 * A board with a card, a deleted card (history, places), a snapshot, and an editor invited
 * with an Idempotency-Key (its answer kept).
 */
async function board(title: string): Promise<Board> {
  const made = await request(server.url, 'POST', '/api/boards', {
    token: ADMIN,
    json: { title, name: 'Lea' },
  });
  expect(made.status).toBe(201);
  const { id, leadToken } = made.body as { id: string; leadToken: string };
  const invited = await request(server.url, 'POST', `/api/boards/${id}/invites`, {
    token: leadToken,
    json: { name: 'Eddie', role: 'editor' },
    headers: { 'idempotency-key': 'invite-eddie' },
  });
  const editorToken = (invited.body as { token: string }).token;
  const editor = connectProvider(syncUrl(), id, editorToken);
  await editor.synced();
  addClaim(editor.doc, { claim: 'Rents doubled in 2024' }, editor.as);
  const gone = addClaim(editor.doc, { claim: 'Crime fell by half' }, editor.as);
  await editor.allSaved();
  deleteCard(editor.doc, gone, editor.as);
  await editor.allSaved();
  editor.destroy();
  // And a snapshot, as a room makes every few hundred updates.
  const { lastSeq } = await server.storage.loadContent(id);
  await server.storage.compact(id, lastSeq, Date.now(), { pruneBefore: 0 });
  return { id, leadToken, editorToken };
}

const del = (boardId: string, token?: string) =>
  request(server.url, 'DELETE', `/api/boards/${boardId}`, token === undefined ? {} : { token });

/**
 * How many rows each table holds for the board, read from the file itself once the server has
 * moved what waits in its pending log into the tables (any read of content does), if it runs.
 */
async function rows(boardId: string, running = true): Promise<number[]> {
  if (running) await server.storage.loadContent(boardId);
  const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
  try {
    return countBoardRows(db, boardId);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = makeTempDir('factboard-delete-');
  server = await startTestServer({ dataDir: dir.path, adminToken: ADMIN }, { log });
});
afterAll(async () => {
  await server.stop();
  dir.remove();
});

describe('DELETE /api/boards/:id', () => {
  it('refuses no token or a bad one (401), an editor (403) and another board’s lead (403)', async () => {
    const a = await board('Refusals');
    const b = await board('Another');
    expect(errorCode(await del(a.id))).toBe('missing_token');
    expect((await del(a.id)).status).toBe(401);
    const bad = await del(a.id, `${a.leadToken.slice(0, -2)}xx`);
    expect([bad.status, errorCode(bad)]).toEqual([401, 'invalid_token']);
    const editor = await del(a.id, a.editorToken);
    expect([editor.status, errorCode(editor)]).toEqual([403, 'forbidden']);
    const other = await del(a.id, b.leadToken);
    expect([other.status, errorCode(other)]).toEqual([403, 'wrong_board']);
    const body = await request(server.url, 'DELETE', `/api/boards/${a.id}`, {
      token: a.leadToken,
      json: { confirm: true },
    });
    expect([body.status, errorCode(body)]).toEqual([400, 'invalid_input']);
    expect(await server.storage.getBoard(a.id)).not.toBeNull();
  });

  it('answers 404 board_not_found, {error: {code, message}}, for a board that is not there', async () => {
    const res = await del('no-such-board', ADMIN);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'board_not_found', message: 'no such board' } });
  });

  it('lets the lead delete it: 204, its sockets close with 4404, its tokens are refused after, nothing of it is left, another board keeps everything', async () => {
    const doomed = await board('Test board');
    const kept = await board('Kept board');
    const keptRows = await rows(kept.id);
    expect((await rows(doomed.id)).every((n) => n > 0)).toBe(true);

    const lead = connectRaw(syncUrl(), doomed.id, doomed.leadToken);
    await lead.sync();
    const editor = connectProvider(syncUrl(), doomed.id, doomed.editorToken);
    await editor.synced();
    const bystander = connectRaw(syncUrl(), kept.id, kept.leadToken);
    await bystander.sync();

    const res = await del(doomed.id, doomed.leadToken);
    expect(res.status).toBe(204);
    expect(await lead.closed).toEqual({ code: CLOSE.unknownBoard, reason: 'board deleted' });
    await waitFor(() => editor.closes.length > 0, { what: 'the editor’s socket closed' });
    expect(editor.closes[0]).toEqual({ code: CLOSE.unknownBoard, reason: 'board deleted' });
    editor.destroy();

    // Every token of the board now meets an unknown board, over WebSocket and REST.
    for (const token of [doomed.leadToken, doomed.editorToken]) {
      expect((await connectRaw(syncUrl(), doomed.id, token).closed).code).toBe(CLOSE.unknownBoard);
      const me = await request(server.url, 'GET', `/api/boards/${doomed.id}`, { token });
      expect([me.status, errorCode(me)]).toEqual([404, 'board_not_found']);
    }
    const again = await del(doomed.id, doomed.leadToken);
    expect([again.status, errorCode(again)]).toEqual([404, 'board_not_found']);
    await expect(server.syncServer.read(doomed.id, () => 1)).rejects.toBeInstanceOf(
      UnknownBoardError,
    );

    expect(await rows(doomed.id)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await rows(kept.id)).toEqual(keptRows);
    // The other board's socket and content are untouched.
    expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
    expect(Object.keys((await server.board(kept.id)).cards)).toHaveLength(1);
    bystander.close();

    expect(logged.filter((l) => l.event === 'board deleted')).toContainEqual({
      event: 'board deleted',
      fields: expect.objectContaining({
        boardId: doomed.id,
        by: { inviteId: expect.any(String), name: 'Lea', role: 'lead' },
      }),
    });
  });

  it('leaves no byte of the board in the data directory: not in the database file, nor in its WAL', async () => {
    // Strings of this board alone, as SQLite stores them (the title and names as text, the
    // claim inside the Yjs updates and snapshot, the history's JSON).
    const words = ['Secret source Zeta-7', 'Informant Quillon', 'Budget of 4,817 pesos hidden'];
    const [title, name, claim] = words as [string, string, string];
    const made = await request(server.url, 'POST', '/api/boards', {
      token: ADMIN,
      json: { title, name },
    });
    expect(made.status).toBe(201);
    const { id, leadToken } = made.body as { id: string; leadToken: string };
    const lead = connectProvider(syncUrl(), id, leadToken);
    await lead.synced();
    addClaim(lead.doc, { claim }, lead.as);
    await lead.allSaved();
    lead.destroy();
    const { lastSeq } = await server.storage.loadContent(id);
    await server.storage.compact(id, lastSeq, Date.now(), { pruneBefore: 0 });
    /** The files of the data directory that hold any of the words. */
    const holding = () =>
      readdirSync(dir.path).filter((file) => {
        const bytes = readFileSync(join(dir.path, file));
        return words.some((w) => bytes.includes(w));
      });
    expect(holding()).not.toEqual([]);

    expect((await del(id, leadToken)).status).toBe(204);
    expect(holding()).toEqual([]);
  });

  it('lets the admin token delete any board', async () => {
    const doomed = await board('Dropped article');
    expect((await del(doomed.id, ADMIN)).status).toBe(204);
    expect(await server.storage.getBoard(doomed.id)).toBeNull();
    expect(logged).toContainEqual({
      event: 'board deleted',
      fields: expect.objectContaining({ boardId: doomed.id, by: 'admin token' }),
    });
  });

  it('takes edits and server changes arriving as it is deleted with it: none is written back after, and each change either was stored before or fails as an unknown board', async () => {
    const doomed = await board('Busy board');
    const kept = await board('Busy neighbour');
    const editor = connectProvider(syncUrl(), doomed.id, doomed.editorToken);
    await editor.synced();
    let typing = true;
    let n = 0;
    // Edits keep coming while the deletion runs, until the socket is closed under them.
    const typist = (async () => {
      while (typing && editor.closes.length === 0) {
        addClaim(editor.doc, { claim: `Claim number ${n++}` }, editor.as);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const changes = Array.from({ length: 5 }, (_, i) =>
      server.syncServer
        .change(doomed.id, SYSTEM_ACTOR, (doc) =>
          addClaim(doc, { claim: `Server claim ${i}` }, { actor: SYSTEM_ACTOR }),
        )
        .then(
          () => 'stored',
          (error: unknown) => (error instanceof UnknownBoardError ? 'unknown board' : error),
        ),
    );
    await waitFor(() => n > 20, { what: 'edits under way' });
    const res = await del(doomed.id, doomed.leadToken);
    expect(res.status).toBe(204);
    const late = server.syncServer
      .change(doomed.id, SYSTEM_ACTOR, () => undefined)
      .then(
        () => 'stored',
        (error: unknown) => (error instanceof UnknownBoardError ? 'unknown board' : error),
      );
    expect(await late).toBe('unknown board');
    for (const outcome of await Promise.all(changes)) {
      expect(['stored', 'unknown board']).toContain(outcome);
    }
    await waitFor(() => editor.closes.length > 0, { what: 'the editor’s socket closed' });
    typing = false;
    await typist;
    expect(editor.closes[0]?.code).toBe(CLOSE.unknownBoard);
    editor.destroy();
    const keptRows = await rows(kept.id);

    // Stopping moves whatever waits in the pending log into the tables: none of it is the
    // deleted board's.
    await server.stop();
    expect(await rows(doomed.id, false)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await rows(kept.id, false)).toEqual(keptRows);
    server = await startTestServer({ dataDir: dir.path, adminToken: ADMIN }, { log });
    expect((await connectRaw(syncUrl(), doomed.id, doomed.leadToken).closed).code).toBe(
      CLOSE.unknownBoard,
    );
    expect(await rows(doomed.id)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
