/**
 * POST /api/boards/:id/cards/:cardId/restore against the composed server (REST and sync on
 * one port, real SQLite): an editor deletes a card over y-websocket, and a restore puts it
 * back as it was before the deletion, evidence, verdict and comments included, live for the
 * clients, recorded as "card.restored" by the person who restored it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addClaim,
  addComment,
  addEvidence,
  deleteCard,
  editCard,
  moveCard,
  setVerdict,
} from '../../../shared/board';
import { readBoard } from '../../../shared/board/readBoard';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { waitFor } from '../../helpers/waitFor';

let server: TestServer;
let boardId: string;
const tokens: Record<string, string> = {};
const actors: Record<string, { id: string; name: string }> = {};
let editor: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  const board = await request(server.url, 'POST', '/api/boards', {
    json: { title: 'Restore', name: 'Lena' },
  });
  boardId = board.body.id;
  tokens.lead = board.body.leadToken;
  for (const [name, role] of [
    ['Eddie', 'editor'],
    ['Rhea', 'reviewer'],
  ] as const) {
    const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: tokens.lead,
      json: { name, role },
    });
    tokens[role] = res.body.token;
    actors[role] = { id: res.body.inviteId, name };
  }
  editor = connectProvider(`${server.url.replace(/^http/, 'ws')}/sync`, boardId, tokens.editor!);
  await editor.synced();
});
afterAll(async () => {
  editor?.destroy();
  await server?.stop();
});

const restore = (cardId: string, token: string, json?: unknown) =>
  request(server.url, 'POST', `/api/boards/${boardId}/cards/${cardId}/restore`, { token, json });

/** Deletes over the socket and waits until the server has it (a delete moves no clock). */
async function deleteOnServer(cardId: string) {
  deleteCard(editor.doc, cardId, { actor: actors.editor! });
  await waitFor(async () => !(await server.board(boardId)).cards[cardId], { what: 'delete' });
}

describe('restoring a deleted card (B13)', () => {
  it('puts it back as it was, with evidence, verdict and comments, for everyone', async () => {
    const ctx = { actor: actors.editor! };
    const cardId = addClaim(editor.doc, { claim: 'Homicides fell 57% in 2023.' }, ctx);
    editCard(
      editor.doc,
      cardId,
      {
        speaker: 'Nayib Bukele',
        speakerType: 'person',
        reviewUrl: 'https://checks.example/homicides',
      },
      ctx,
    );
    addEvidence(
      editor.doc,
      cardId,
      { url: 'https://stats.example.org/homicides', quote: '2.4 per 100,000', stance: 'supports' },
      ctx,
    );
    setVerdict(editor.doc, cardId, 'Misleading', 'Counts exclude prison deaths.', ctx);
    moveCard(editor.doc, cardId, { column: 'disputed', index: 0 }, ctx);
    addComment(editor.doc, cardId, { text: 'Ask the police for the series.' }, ctx);
    await editor.allSaved();
    const before = (await server.board(boardId)).cards[cardId]!;
    expect(before.comments).toHaveLength(1);
    expect([before.speakerType, before.reviewUrl]).toEqual([
      'person',
      'https://checks.example/homicides',
    ]);
    await deleteOnServer(cardId);

    // A reviewer may not; an unknown or malformed id is refused; nothing changes.
    const refused = await restore(cardId, tokens.reviewer!);
    expect([refused.status, errorCode(refused)]).toEqual([403, 'forbidden']);
    const unknown = await restore('no-such-card', tokens.editor!);
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'card_not_found']);
    // An id that is the name of an Object member is no card either, not a 500.
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      const own = await restore(name, tokens.editor!);
      expect([own.status, errorCode(own)]).toEqual([404, 'card_not_found']);
    }
    const malformed = await restore('bad%20id', tokens.editor!);
    expect([malformed.status, errorCode(malformed)]).toEqual([400, 'invalid_input']);
    expect((await server.board(boardId)).cards[cardId]).toBeUndefined();

    const res = await restore(cardId, tokens.editor!);
    expect(res.status).toBe(201);
    const { updatedBy: _updatedBy, updatedAt, ...kept } = before;
    expect(res.body.card).toMatchObject(kept);
    expect(res.body.card.updatedBy).toEqual(actors.editor);
    expect(res.body.card.updatedAt).toBeGreaterThanOrEqual(updatedAt);
    // Live for the clients that watched it go.
    await waitFor(() => readBoard(editor.doc).cards[cardId], { what: 'restored card' });
    expect(readBoard(editor.doc).cards[cardId]).toMatchObject(kept);

    const history = await readAllHistory(server.storage, boardId, cardId);
    expect(history.slice(-2).map((e) => [e.type, e.actor.name, e.data.column])).toEqual([
      ['card.deleted', 'Eddie', undefined],
      ['card.restored', 'Eddie', 'disputed'],
    ]);

    const again = await restore(cardId, tokens.lead!);
    expect([again.status, errorCode(again)]).toEqual([409, 'card_exists']);
  });

  it('a card deleted again comes back as it was before its last deletion', async () => {
    const ctx = { actor: actors.editor! };
    const cardId = addClaim(editor.doc, { claim: 'Prisons hold 110,000 people.' }, ctx);
    await editor.allSaved();
    await deleteOnServer(cardId);
    expect((await restore(cardId, tokens.lead!)).status).toBe(201);
    await waitFor(() => readBoard(editor.doc).cards[cardId], { what: 'restored card' });
    editCard(editor.doc, cardId, { claim: 'Prisons hold 110,000 people, 1.7% of adults.' }, ctx);
    await editor.allSaved();
    await deleteOnServer(cardId);
    const res = await restore(cardId, tokens.lead!);
    expect(res.status).toBe(201);
    expect(res.body.card.claim).toBe('Prisons hold 110,000 people, 1.7% of adults.');
    expect(res.body.card.updatedBy.name).toBe('Lena');
  });

  it('with the restorer’s evidence that went with the card: one change, and its history says who added it', async () => {
    const ctx = { actor: actors.editor! };
    const cardId = addClaim(editor.doc, { claim: 'The prison budget doubled.' }, ctx);
    addEvidence(
      editor.doc,
      cardId,
      { url: 'https://budget.example/2023', stance: 'supports' },
      ctx,
    );
    await editor.allSaved();
    await deleteOnServer(cardId);
    const mine = {
      id: 'offline-evidence-1',
      url: 'https://budget.example/2024',
      quote: 'Spending rose from $50m to $96m.',
      stance: 'refutes',
      note: 'Table 4',
    };

    // Refused whole, the card staying deleted: a bad item, or an id used twice.
    for (const evidence of [
      [{ ...mine, stance: 'maybe' }],
      [mine, { ...mine, url: 'https://budget.example/other' }],
    ]) {
      const bad = await restore(cardId, tokens.editor!, { evidence });
      expect([bad.status, errorCode(bad)]).toEqual([400, 'invalid_input']);
    }
    expect((await server.board(boardId)).cards[cardId]).toBeUndefined();

    const updates: Uint8Array[] = [];
    const count = (update: Uint8Array) => updates.push(update);
    editor.doc.on('update', count);
    const res = await restore(cardId, tokens.editor!, { evidence: [mine] });
    expect(res.status).toBe(201);
    expect(res.body.card.evidence.map((e: { url: string }) => e.url)).toEqual([
      'https://budget.example/2023',
      'https://budget.example/2024',
    ]);
    expect(res.body.card.evidence[1]).toMatchObject({ ...mine, addedBy: actors.editor });
    await waitFor(() => readBoard(editor.doc).cards[cardId], { what: 'restored card' });
    editor.doc.off('update', count);
    // The card arrived with the evidence in it: no one saw it back without.
    expect(updates).toHaveLength(1);
    expect(readBoard(editor.doc).cards[cardId]?.evidence[1]).toMatchObject(mine);

    const history = await readAllHistory(server.storage, boardId, cardId);
    expect(history.slice(-3).map((e) => [e.type, e.actor.name, e.data.evidenceId])).toEqual([
      ['card.deleted', 'Eddie', undefined],
      ['card.restored', 'Eddie', undefined],
      ['evidence.added', 'Eddie', 'offline-evidence-1'],
    ]);
    expect(history.at(-1)?.data).toEqual({
      evidenceId: 'offline-evidence-1',
      stance: 'refutes',
      url: 'https://budget.example/2024',
    });
  });
});
