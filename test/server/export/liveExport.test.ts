/**
 * Export and import on the composed server (startServer: real SQLite, the real sync server,
 * y-websocket clients): what clients wrote and the server acknowledged is in the export, as
 * of now and as of before; an imported board opens in a provider with the same content.
 */
import { describe, expect, it } from 'vitest';
import {
  addClaim,
  addComment,
  addEvidence,
  moveCard,
  readBoard,
  setBoardMeta,
} from '../../../shared/board';
import { boardExportSchema } from '../../../shared/export';
import { request } from '../../helpers/http/request';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { useTestServer } from '../../helpers/http/useTestServer';
import { HOSTILE } from '../../shared/export/hostileBoard';

const live = useTestServer();
const { connect } = live;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function exportJson(boardId: string, token: string, at?: string) {
  const query = at ? `&at=${encodeURIComponent(at)}` : '';
  const res = await fetch(`${live.server.url}/api/boards/${boardId}/export?format=json${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('export on the live server', () => {
  it('exports what clients saved, as of now and as of before, to the lead only', async () => {
    const board = await createBoardOverRest(live.server.url, 'Live export', 'Lena Lead');
    const editor = await inviteOverRest(live.server.url, board, 'Ed', 'editor');

    const client = await connect(board.id, editor.token);
    // Comments are posted in their author's name: the invite's id.
    const ctx = { actor: { id: editor.inviteId, name: 'Ed' } };
    const first = addClaim(client.doc, { claim: HOSTILE.formulaEq, speaker: 'Zoë' }, ctx);
    await client.allSaved();
    await sleep(20);
    const beforeSecond = new Date().toISOString();
    await sleep(20);
    const second = addClaim(client.doc, { claim: HOSTILE.unicode }, ctx);
    moveCard(client.doc, first, { column: 'corroborated', index: 0, verdict: 'True' }, ctx);
    addEvidence(client.doc, first, { url: 'https://stats.example/', stance: 'supports' }, ctx);
    addComment(client.doc, first, { text: HOSTILE.script }, ctx);
    setBoardMeta(client.doc, { title: 'Live export, renamed' }, ctx);
    await client.allSaved();

    const now = await exportJson(board.id, board.leadToken);
    expect(now.status).toBe(200);
    const data = boardExportSchema.parse(now.body);
    expect(data.board.title).toBe('Live export, renamed');
    expect(data.cards.map((c) => c.id).sort()).toEqual([first, second].sort());
    const card = data.cards.find((c) => c.id === first);
    expect(card).toMatchObject({ column: 'corroborated', verdict: 'True' });
    expect(card?.comments[0]?.text).toBe(HOSTILE.script);
    // The server attributed the edits and recorded them; the export carries that history.
    expect(data.history.length).toBeGreaterThan(0);

    const then = await exportJson(board.id, board.leadToken, beforeSecond);
    expect(then.status).toBe(200);
    const past = boardExportSchema.parse(then.body);
    expect(past.board.title).toBe('Live export');
    expect(past.cards.map((c) => c.id)).toEqual([first]);
    expect(past.cards[0]).toMatchObject({ column: 'unverified', verdict: null, comments: [] });
    expect(past.history.every((e) => e.at <= beforeSecond)).toBe(true);

    expect((await exportJson(board.id, editor.token)).status).toBe(403);
  });

  it('imports an export as a new board that a provider opens with the same content', async () => {
    const board = await createBoardOverRest(live.server.url, 'To copy', 'Lena Lead');
    const client = await connect(board.id, board.leadToken);
    const me = await request(live.server.url, 'GET', `/api/boards/${board.id}`, {
      token: board.leadToken,
    });
    const ctx = { actor: { id: me.body.inviteId as string, name: 'Lena Lead' } };
    const id = addClaim(client.doc, { claim: HOSTILE.quotes }, ctx);
    addComment(client.doc, id, { text: HOSTILE.lines }, ctx);
    await client.allSaved();
    const original = await exportJson(board.id, board.leadToken);

    const imported = await request(live.server.url, 'POST', '/api/boards/import?name=Imke', {
      json: original.body,
    });
    expect(imported.status).toBe(201);
    const copy = imported.body as { id: string; leadToken: string };
    const reader = await connect(copy.id, copy.leadToken);
    const view = readBoard(reader.doc);
    expect(view.cards).toEqual(readBoard(client.doc).cards);
    expect(view.meta).toEqual(readBoard(client.doc).meta);
  });
});
