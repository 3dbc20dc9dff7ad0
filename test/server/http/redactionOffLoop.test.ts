/**
 * A lead's redaction rewrites the board's stored past and rebuilds the SQLite file on the
 * storage's thread (server/storage/sqliteRedaction.ts), not on the event loop that relays every
 * board's edits: another board's edit reaches that board's other browser while the redaction
 * is still under way, and is stored; the redaction then finishes, its words gone from the data
 * directory. The test keeps the redaction under way without a clock: a connection of its own
 * holds the file's write lock until the other board's edit has been relayed. On the event loop,
 * the redaction's first write waited for that lock there (SQLite's busy wait, up to its
 * 5 s timeout), relaying nothing, and then failed.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { addClaim, addComment } from '../../../shared/board';
import { readBoard } from '../../../shared/board/readBoard';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { request } from '../../helpers/http/request';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { waitFor } from '../../helpers/waitFor';

const WORDS = 'Source is Marisol Quintanilla-Ybarra, 555-0142';
const NAME = 'Quintanilla-Ybarra';

let server: TestServer;
let dataDir = '';
const clients: TestClient[] = [];

const start = async () => {
  server = await startTestServer(dataDir ? { dataDir } : {});
  dataDir = server.dataDir;
};
const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;
const connect = async (boardId: string, token: string) => {
  const client = connectProvider(syncUrl(), boardId, token);
  clients.push(client);
  await client.synced();
  return client;
};
const filesHolding = (text: string) =>
  readdirSync(dataDir).filter((name) =>
    readFileSync(join(dataDir, name)).toString('latin1').includes(text),
  );

beforeEach(start);
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true }); // the restarted server's is not its own
  dataDir = '';
});

it('lets another board’s edits through while it rewrites the stored data', async () => {
  const board = await createBoardOverRest(server.url, 'Redact', 'Lena');
  const editorToken = (await inviteOverRest(server.url, board, 'Eddie', 'editor')).token;
  const editor = await connect(board.id, editorToken);
  const cardId = addClaim(editor.doc, { claim: 'Homicides fell 57% in 2023.' }, editor.as);
  const commentId = addComment(editor.doc, cardId, { text: WORDS }, editor.as);
  await editor.allSaved();

  const other = await createBoardOverRest(server.url, 'Other', 'Olga');
  const writer = await connect(other.id, other.leadToken);
  const watcher = await connect(other.id, other.leadToken);
  await waitFor(() => filesHolding(NAME).length > 0, { what: 'the words stored' });

  // A read first moves the pending batches into the tables: no flush of them waits for the lock.
  await server.storage.loadContent(other.id);
  const lock = new Database(join(dataDir, 'factboard.sqlite'));
  try {
    lock.pragma('busy_timeout = 5000');
    lock.exec('BEGIN IMMEDIATE');
    const storing = vi.spyOn(server.storage, 'redactComment');
    let answered = false;
    const redacted = request(
      server.url,
      'POST',
      `/api/boards/${board.id}/comments/${commentId}/redact`,
      {
        token: board.leadToken,
      },
    ).finally(() => (answered = true));
    await waitFor(() => storing.mock.calls.length > 0, { what: 'the storage step begun' });

    const otherCard = addClaim(writer.doc, { claim: 'Prices rose 3% in May.' }, writer.as);
    await waitFor(() => readBoard(watcher.doc).cards[otherCard], {
      what: 'the other board’s edit relayed',
    });
    expect(answered).toBe(false);
    lock.exec('COMMIT');

    expect((await redacted).status).toBe(200);
    expect(filesHolding(NAME)).toEqual([]);
    await writer.allSaved();
    await waitFor(() => readBoard(editor.doc).cards[cardId]?.comments[0]?.deletedAt, {
      what: 'the redaction on the editor’s board',
    });

    // Both boards as stored: the other board's edit kept, the comment empty.
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    await start();
    expect((await server.board(other.id)).cards[otherCard]).toBeDefined();
    expect((await server.board(board.id)).cards[cardId]?.comments[0]?.text).toBe('');
  } finally {
    lock.close();
  }
});
