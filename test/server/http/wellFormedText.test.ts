/**
 * Text that enters a board over REST is well-formed (QA21 F3). A lone UTF-16 surrogate
 * ("\ud800" in a request's JSON) written into the server's live board reached every client as
 * U+FFFD, since Yjs sends strings as UTF-8: a card an editor made from a selection in such an
 * article was then refused ("a card quotes its article's text at its offsets") until the server
 * restarted, and a person invited under such a name could save nothing ("cards are created in
 * their creator's own name"). Typed text (names, titles, evidence) is refused, naming the
 * field; an article's text, which a file or a paste may carry, is made well-formed as Yjs would
 * (U+FFFD), and so is a board import's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addClaim, addComment, deleteCard } from '../../../shared/board';
import { ARTICLE_KEYS, articlesMap } from '../../../shared/board/schema';
import { isWellFormed } from '../../../shared/wellFormed';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest, inviteOverRest, type RestBoard } from '../../helpers/restApi';
import { waitFor } from '../../helpers/waitFor';

const LONE = '\uD800';
const ARTICLE = `Lone surrogate article. The count of ${LONE} inmates rose to 9,000 in 2021. Another line here says that 4 percent of them fell ill in 2020.`;

let server: TestServer;
let board: RestBoard;
let editorToken: string;
const clients: TestClient[] = [];

const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;

async function connect(token: string): Promise<TestClient> {
  const client = connectProvider(syncUrl(), board.id, token);
  clients.push(client);
  await client.synced();
  return client;
}

/** Waits until the server holds the card or has closed the writer's connection. */
async function storedOrRefused(client: TestClient, cardId: string): Promise<boolean> {
  return waitFor(
    async () =>
      (await server.board(board.id)).cards[cardId] !== undefined || client.closes.length > 0,
    { what: 'the card stored or refused' },
  );
}

beforeAll(async () => {
  server = await startTestServer();
  board = await createBoardOverRest(server.url, 'Surrogates', 'Lena');
  editorToken = (await inviteOverRest(server.url, board, 'Eddie', 'editor')).token;
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop();
});

describe('an article holding a lone surrogate', () => {
  it('is stored with U+FFFD in its place, and a card from a selection in it is saved', async () => {
    const res = await request(server.url, 'POST', `/api/boards/${board.id}/articles`, {
      token: editorToken,
      json: { title: 'Surrogate', text: ARTICLE },
    });
    expect(res.status).toBe(201);
    const { articleId } = res.body;
    const sentences: string[] = res.body.cards.map(
      (c: { source: { sentence: string } }) => c.source.sentence,
    );
    expect(sentences.some((s) => s.includes('\uFFFD'))).toBe(true);
    expect(sentences.every(isWellFormed)).toBe(true);
    const onServer = (await server.board(board.id)).articles.find((a) => a.id === articleId)!;
    expect(onServer.text).toBe(ARTICLE.replace(LONE, '\uFFFD'));

    // The editor selects the sentence as the page would, in the text as their client holds it.
    const editor = await connect(editorToken);
    const article = articlesMap(editor.doc).get(articleId) as Y.Map<unknown>;
    const text = article.get(ARTICLE_KEYS.text) as string;
    expect(text).toBe(onServer.text);
    const start = text.indexOf('The count');
    const end = text.indexOf('2021.') + 5;
    const cardId = addClaim(
      editor.doc,
      {
        claim: 'Inmates rose to 9,000 in 2021 (selected)',
        source: { articleId, start, end, sentence: text.slice(start, end) },
      },
      editor.as,
    );
    await storedOrRefused(editor, cardId);
    expect(editor.closes).toEqual([]);
    expect((await server.board(board.id)).cards[cardId]?.source?.sentence).toContain('\uFFFD');
  });

  it('clips a page title at the limit before an emoji, never through it', async () => {
    // The extraction keeps a title's first 200 characters.
    const title = `${'a'.repeat(199)}\u{1F600}`;
    const html = `<html><head><title>${title}</title></head><body><p>The budget rose to 300 million dollars in 2024, the ministry said.</p><p>Unemployment fell to 5 percent last year.</p><p>Prices rose by 3 percent.</p></body></html>`;
    const res = await request(server.url, 'POST', `/api/boards/${board.id}/articles`, {
      token: editorToken,
      raw: html,
      contentType: 'text/html',
    });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('a'.repeat(199));
  });
});

describe('typed text holding a lone surrogate is refused, naming the field', () => {
  const refused = (res: { status: number; body: { error?: { message?: string } } }) => {
    expect(res.status).toBe(400);
    expect(errorCode(res as never)).toBe('invalid_input');
    return res.body.error!.message!;
  };

  it('an invite’s name: nothing its person wrote could have been saved', async () => {
    const res = await request(server.url, 'POST', `/api/boards/${board.id}/invites`, {
      token: board.leadToken,
      json: { name: `Ana ${LONE} Ruiz`, role: 'editor' },
    });
    expect(refused(res)).toMatch(/^name: must not contain a lone UTF-16 surrogate/);
    const invites = await request(server.url, 'GET', `/api/boards/${board.id}/invites`, {
      token: board.leadToken,
    });
    expect(invites.body.invites.map((i: { name: string }) => i.name)).not.toContain(
      'Ana \uFFFD Ruiz',
    );
  });

  it('a board’s title and its lead’s name', async () => {
    const title = await request(server.url, 'POST', '/api/boards', {
      json: { title: `Board ${LONE}` },
    });
    expect(refused(title)).toMatch(/^title: must not contain a lone UTF-16 surrogate/);
    const name = await request(server.url, 'POST', '/api/boards', {
      json: { title: 'Board', name: `Lena ${LONE}` },
    });
    expect(refused(name)).toMatch(/^name: must not contain a lone UTF-16 surrogate/);
  });

  it('an article’s title and link', async () => {
    const post = (json: unknown) =>
      request(server.url, 'POST', `/api/boards/${board.id}/articles`, { token: editorToken, json });
    const title = await post({ title: `Fares ${LONE}`, text: 'Fares rose 5 percent in 2024.' });
    expect(refused(title)).toMatch(/^title: must not contain a lone UTF-16 surrogate/);
    const url = await post({ url: `https://a.org/${LONE}`, text: 'Fares rose 5 percent in 2024.' });
    expect(refused(url)).toMatch(/^url: must not contain a lone UTF-16 surrogate/);
  });

  it('evidence added again with a restored card', async () => {
    const editor = await connect(editorToken);
    const cardId = addClaim(editor.doc, { claim: 'Rents rose 9% in 2023.' }, editor.as);
    addComment(editor.doc, cardId, { text: 'Check the index' }, editor.as);
    await editor.allSaved();
    deleteCard(editor.doc, cardId, editor.as);
    await waitFor(async () => !(await server.board(board.id)).cards[cardId], { what: 'delete' });
    const evidence = { id: 'ev1', url: 'https://a.org/rents', stance: 'supports' };
    const res = await request(
      server.url,
      'POST',
      `/api/boards/${board.id}/cards/${cardId}/restore`,
      { token: editorToken, json: { evidence: [{ ...evidence, quote: `Rents ${LONE} rose` }] } },
    );
    expect(refused(res)).toMatch(/^evidence\.0\.quote: must not contain a lone UTF-16 surrogate/);
    expect((await server.board(board.id)).cards[cardId]).toBeUndefined();
  });
});

describe('a board import holding lone surrogates', () => {
  it('is made well-formed throughout: its title, history and cards', async () => {
    const exported = await request(
      server.url,
      'GET',
      `/api/boards/${board.id}/export?format=json`,
      {
        token: board.leadToken,
      },
    );
    expect(exported.status).toBe(200);
    // As JSON escapes: the only way a request's UTF-8 body carries a lone surrogate.
    const json = JSON.stringify(exported.body)
      .replaceAll('"Surrogates"', '"Surro\\ud800gates"')
      .replaceAll('"Lena"', '"Lena \\udc00"');
    const res = await request(server.url, 'POST', '/api/boards/import', {
      raw: json,
      contentType: 'application/json',
    });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('Surro\uFFFDgates');
    const me = await request(server.url, 'GET', `/api/boards/${res.body.id}`, {
      token: res.body.leadToken,
    });
    expect(me.body.title).toBe('Surro\uFFFDgates');
    const history = await request(server.url, 'GET', `/api/boards/${res.body.id}/history`, {
      token: res.body.leadToken,
    });
    const text = JSON.stringify(history.body);
    expect(text).toContain('Lena \uFFFD');
    expect(text).not.toMatch(/\\ud[89a-f]/i);
    const copy = await server.board(res.body.id);
    expect(copy.meta.title).toBe('Surro\uFFFDgates');
  });
});
