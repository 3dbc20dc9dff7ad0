/**
 * POST /api/boards/:id/comments/:commentId/redact against the composed server (REST and sync
 * on one port, a real SQLite file): a lead's redaction takes a comment's words out of the
 * board, the history API, the JSON export (also "as of" a moment they were on the board) and
 * every byte of the data directory, while the board's other content and its stored past still
 * load after a restart. Only a lead may; an unknown comment is 404; the author's words do not
 * come back over the socket.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { addClaim, addComment, deleteComment, editComment, moveCard } from '../../../shared/board';
import { readBoard } from '../../../shared/board/readBoard';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import type { SyncStorage } from '../../../server/storage/Storage';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { appendFailsWhile } from '../../helpers/diskFullErrors';
import { errorCode, request } from '../../helpers/http/request';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { waitFor } from '../../helpers/waitFor';

const FIRST = 'Source is Marisol Quintanilla-Ybarra, 555-0142';
const EDITED = 'Source is Marisol Quintanilla-Ybarra at the ministry';
const OTHER = 'Ask the ministry for the 2023 series';
/** Any part of the words that would name the source. */
const NAME = 'Quintanilla-Ybarra';

let server: TestServer;
let boardId: string;
let dataDir: string;
const tokens: Record<string, string> = {};
let editor: TestClient;

const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;

async function start() {
  // A snapshot every few updates, so that the words are in snapshots as well as log rows.
  server = await startTestServer({ compactEvery: 4, ...(dataDir ? { dataDir } : {}) });
  dataDir = server.dataDir;
}

beforeEach(async () => {
  dataDir = '';
  await start();
  const board = await createBoardOverRest(server.url, 'Redact', 'Lena');
  boardId = board.id;
  tokens.lead = board.leadToken;
  tokens.editor = (await inviteOverRest(server.url, board, 'Eddie', 'editor')).token;
  tokens.reviewer = (await inviteOverRest(server.url, board, 'Rhea', 'reviewer')).token;
  editor = connectProvider(syncUrl(), boardId, tokens.editor!);
  await editor.synced();
});
afterEach(async () => {
  editor?.destroy();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const redact = (commentId: string, token: string) =>
  request(server.url, 'POST', `/api/boards/${boardId}/comments/${commentId}/redact`, { token });

/** Every file of the data directory (the SQLite file, its WAL, the pending log…), by name. */
const storedFiles = () =>
  Object.fromEntries(
    readdirSync(dataDir).map((name) => [
      name,
      readFileSync(join(dataDir, name)).toString('latin1'),
    ]),
  );
const storedBytes = () => Object.values(storedFiles()).join('\n');
/** The files of the data directory that hold `text`. */
const filesHolding = (text: string) =>
  Object.entries(storedFiles()).flatMap(([name, bytes]) => (bytes.includes(text) ? [name] : []));

const historyText = async () =>
  JSON.stringify(
    (await request(server.url, 'GET', `/api/boards/${boardId}/history`, { token: tokens.lead }))
      .body,
  );

const exportJson = async (at?: string) =>
  (
    await request(
      server.url,
      'GET',
      `/api/boards/${boardId}/export?format=json${at ? `&at=${encodeURIComponent(at)}` : ''}`,
      { token: tokens.lead },
    )
  ).body;

/** A card with the source's name in a comment, edited once, and a colleague's comment. */
async function commentedCard() {
  const ctx = editor.as;
  const cardId = addClaim(editor.doc, { claim: 'Homicides fell 57% in 2023.' }, ctx);
  const commentId = addComment(editor.doc, cardId, { text: FIRST }, ctx);
  const otherId = addComment(editor.doc, cardId, { text: OTHER }, ctx);
  for (let i = 0; i < 6; i++) {
    moveCard(editor.doc, cardId, { column: i % 2 ? 'unverified' : 'disputed', index: 0 }, ctx);
  }
  editComment(editor.doc, commentId, EDITED, ctx);
  await editor.allSaved();
  const liveAt = new Date().toISOString();
  for (let i = 0; i < 6; i++) {
    moveCard(editor.doc, cardId, { column: i % 2 ? 'unverified' : 'disputed', index: 0 }, ctx);
  }
  await editor.allSaved();
  return { cardId, commentId, otherId, liveAt };
}

describe('redacting a comment', () => {
  it('takes its words out of the board, history, exports and the stored bytes', async () => {
    const { cardId, commentId, otherId, liveAt } = await commentedCard();
    // Before: the words are in all of them (or this test would prove nothing).
    expect(await historyText()).toContain(NAME);
    expect(JSON.stringify(await exportJson(liveAt))).toContain(EDITED);
    await waitFor(() => storedBytes().includes(NAME), { what: 'words stored' });

    const res = await redact(commentId, tokens.lead!);
    expect(res.status).toBe(200);
    expect(res.body.redacted.updates).toBeGreaterThan(0);
    expect(res.body.redacted.snapshots).toBeGreaterThan(0);

    // The board: deleted, empty, for the server and the browsers on it.
    const comment = (await server.board(boardId)).cards[cardId]!.comments.find(
      (c) => c.id === commentId,
    );
    expect([comment?.text, comment?.deletedAt !== null]).toEqual(['', true]);
    await waitFor(
      () =>
        readBoard(editor.doc).cards[cardId]?.comments.find((c) => c.id === commentId)?.deletedAt !==
        null,
      { what: 'deletion on the editor’s board' },
    );

    // The history: the comment's events keep their place, without words, marked; the
    // redaction is recorded as the lead's, with no words either.
    expect(await historyText()).not.toContain(NAME);
    const events = (await readAllHistory(server.storage, boardId, cardId)).filter(
      (e) => e.data.commentId === commentId,
    );
    expect(events.map((e) => [e.type, e.actor.name])).toEqual([
      ['comment.posted', 'Eddie'],
      ['comment.edited', 'Eddie'],
      ['comment.redacted', 'Lena'],
    ]);
    expect(events[0]?.data).toMatchObject({ text: '', redacted: { by: { name: 'Lena' } } });
    expect(events[1]?.data).toMatchObject({
      text: '',
      was: '',
      redacted: { by: { name: 'Lena' } },
    });
    expect(events[2]?.data).toEqual({ commentId });

    // The JSON export, now and as of a moment the words were on the board.
    for (const file of [await exportJson(), await exportJson(liveAt)]) {
      expect(JSON.stringify(file)).not.toContain(NAME);
      expect(JSON.stringify(file)).toContain(OTHER);
    }
    // The export says whose redaction it was, and a board made from it keeps the mark.
    const file = await exportJson();
    const exported = file.cards
      .find((c: { id: string }) => c.id === cardId)
      .comments.find((c: { id: string }) => c.id === commentId);
    expect(exported).toMatchObject({ text: '', redacted: { by: { name: 'Lena' } } });
    const imported = await request(server.url, 'POST', '/api/boards/import', { json: file });
    expect(imported.status).toBe(201);
    const copy = (await server.board(imported.body.id)).cards[cardId]!.comments;
    expect(copy.find((c) => c.id === commentId)?.redacted?.by.name).toBe('Lena');

    // Every byte the server keeps.
    expect(filesHolding(NAME)).toEqual([]);
    expect(filesHolding(OTHER)).not.toEqual([]);

    // The stored past still loads whole: after a restart, the board as it was.
    editor.destroy();
    await server.close();
    await start();
    const card = (await server.board(boardId)).cards[cardId]!;
    expect(Object.fromEntries(card.comments.map((c) => [c.id, c.text]))).toEqual({
      [commentId]: '',
      [otherId]: OTHER,
    });
  });

  it('is a lead’s alone; an unknown comment is 404', async () => {
    const { commentId } = await commentedCard();
    for (const role of ['editor', 'reviewer'] as const) {
      const refused = await redact(commentId, tokens[role]!);
      expect([refused.status, errorCode(refused)]).toEqual([403, 'forbidden']);
    }
    const unknown = await redact('no-such-comment', tokens.lead!);
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'comment_not_found']);
    expect(await historyText()).toContain(NAME);
    expect(await historyText()).not.toContain('comment.redacted');
  });

  it('redacts a comment its author deleted, whose words only the history showed', async () => {
    const { commentId } = await commentedCard();
    deleteComment(editor.doc, commentId, editor.as);
    await editor.allSaved();
    expect(await historyText()).toContain(NAME);

    expect((await redact(commentId, tokens.lead!)).status).toBe(200);
    expect(await historyText()).not.toContain(NAME);
    expect(filesHolding(NAME)).toEqual([]);
  });

  it('answered 507 on a full disk, with its change held on the board, scrubs the stored words on its own once that change is stored', async () => {
    const { cardId, commentId } = await commentedCard();
    await waitFor(() => storedBytes().includes(NAME), { what: 'words stored' });
    let full = true;
    appendFailsWhile(server.storage as SyncStorage, () => full);
    try {
      const res = await redact(commentId, tokens.lead!);
      expect([res.status, errorCode(res)]).toEqual([507, 'storage_full']);
      expect(res.body.error.message).toMatch(/not saved yet/);
      expect(filesHolding(NAME)).not.toEqual([]);
      full = false;
      // The room's retries back off to 5 s apart (retryMaxMs) while the disk is full.
      await waitFor(() => filesHolding(NAME).length === 0, {
        what: 'the stored words scrubbed',
        timeout: 20_000,
        interval: 100,
      });
    } finally {
      full = false;
      vi.restoreAllMocks();
    }
    // Held on the board, which stored it once space returned: nobody had to send it again.
    const comment = (await server.board(boardId)).cards[cardId]!.comments.find(
      (c) => c.id === commentId,
    );
    expect(comment?.redacted?.by.name).toBe('Lena');
    expect(await historyText()).not.toContain(NAME);
    const events = (await readAllHistory(server.storage, boardId, cardId)).filter(
      (e) => e.data.commentId === commentId,
    );
    expect(events.map((e) => [e.type, e.actor.name])).toEqual([
      ['comment.posted', 'Eddie'],
      ['comment.edited', 'Eddie'],
      ['comment.redacted', 'Lena'],
    ]);
    expect(events[0]?.data).toMatchObject({ text: '', redacted: { by: { name: 'Lena' } } });
    expect(filesHolding(OTHER)).not.toEqual([]);
  });

  it('keeps the words out when the author writes them again', async () => {
    const { cardId, commentId } = await commentedCard();
    expect((await redact(commentId, tokens.lead!)).status).toBe(200);
    await waitFor(
      () =>
        readBoard(editor.doc).cards[cardId]?.comments.find((c) => c.id === commentId)?.deletedAt !==
        null,
      { what: 'redaction on the editor’s board' },
    );
    // As an Undo of the deletion would: the tombstone lifted, the words back.
    editor.doc.transact(() => {
      const comment = editor.doc.getMap('comments').get(commentId) as Y.Map<unknown>;
      comment.set('text', EDITED);
      comment.set('deletedAt', null);
      comment.set('editedAt', Date.now());
    });
    await waitFor(() => editor.closes.length > 0 || storedBytes().includes(NAME), {
      what: 'the write refused or stored',
    });
    expect(editor.closes.map((c) => c.code)).toContain(4403);
    expect(filesHolding(NAME)).toEqual([]);
    expect(await historyText()).not.toContain(NAME);

    // Nor is it taken off the board (its author's Undo of the post, which a Redo would follow
    // with the words).
    const again = connectProvider(syncUrl(), boardId, tokens.editor!);
    try {
      await again.synced();
      again.doc.getMap('comments').delete(commentId);
      await waitFor(() => again.closes.length > 0, { what: 'the deletion refused' });
      expect(again.closes.map((c) => c.code)).toContain(4403);
      const comments = (await server.board(boardId)).cards[cardId]!.comments;
      expect(comments.find((c) => c.id === commentId)?.redacted?.by.name).toBe('Lena');
    } finally {
      again.destroy();
    }
  });
});
