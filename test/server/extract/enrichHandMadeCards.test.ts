/**
 * A card made by hand from an article gets the signals an import gives (score, rank among the
 * article's cards, chips), from the server after it is stored; a card with no source does not,
 * and the enrichment is not a history event. Real server, SQLite, y-websocket clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim, readBoard } from '../../../shared/board';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { waitFor } from '../../helpers/waitFor';
import { readAllHistory } from '../../../server/storage/readAllHistory';

const ARTICLE = [
  'Officials met in the capital on Monday to discuss the prison system.',
  'The prison population rose 40% in 2023, according to the justice ministry.',
  'Minister Ana Ruiz said 7,000 inmates had been released since March.',
].join(' ');

let server: TestServer;
let board: { id: string; leadToken: string };
let editor: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  board = (await request(server.url, 'POST', '/api/boards', { json: { title: 'Signals' } })).body;
  const invite = await request(server.url, 'POST', `/api/boards/${board.id}/invites`, {
    token: board.leadToken,
    json: { name: 'Edie', role: 'editor' },
  });
  editor = connectProvider(
    `${server.url.replace(/^http/, 'ws')}/sync`,
    board.id,
    invite.body.token,
  );
  await editor.synced();
});
afterAll(async () => {
  editor.destroy();
  await server.stop();
});

/** Imports an article over REST; resolves with the response body once the editor has it. */
async function importArticle(title: string, text: string) {
  const res = await request(server.url, 'POST', `/api/boards/${board.id}/articles`, {
    token: board.leadToken,
    json: { title, text },
  });
  expect(res.status).toBe(201);
  const articleId: string = res.body.articleId;
  await waitFor(() => readBoard(editor.doc).articles.some((a) => a.id === articleId));
  return res.body as { articleId: string; language: string };
}

/** The editor makes a card of a passage of the article's text, as the article view does. */
function quote(articleId: string, text: string, passage: string): string {
  const start = text.indexOf(passage);
  const source = { articleId, start, end: start + passage.length, sentence: passage };
  return addClaim(editor.doc, { claim: passage, source }, editor.as);
}

describe('signals for hand-made cards', () => {
  // A card whose "passage" is not its article's text at its offsets never reaches the board:
  // the write policy refuses it (test/server/sync/articleSources.test.ts).
  it('a card made from a passage gets score, rank and chips; one without a source gets none', async () => {
    const { articleId } = await importArticle('Prisons', ARTICLE);
    const imported = Object.values(readBoard(editor.doc).cards);
    expect(imported.length).toBeGreaterThan(0);

    // The editor quotes part of the second sentence, and adds a claim of their own.
    const quoted = quote(articleId, ARTICLE, 'The prison population rose 40% in 2023');
    const own = addClaim(editor.doc, { claim: 'Crime fell by half since 2019' }, editor.as);
    await editor.allSaved();

    await waitFor(() => readBoard(editor.doc).cards[quoted]?.extraction != null, {
      what: 'signals on the quoted card',
    });
    const { cards } = readBoard(editor.doc);
    const extraction = cards[quoted]!.extraction!;
    expect(extraction.chips.map((c) => c.text)).toEqual(expect.arrayContaining(['40%', '2023']));
    expect(extraction.score).toBeGreaterThan(0);
    const higher = imported.filter((c) => (c.extraction?.score ?? 0) > extraction.score).length;
    expect(extraction.rank).toBe(higher + 1);
    // Signals are not an edit of the card: it stays last updated by the editor's command.
    expect(cards[quoted]!.updatedBy).toEqual(editor.as.actor);
    expect(cards[own]!.extraction).toBeNull();

    const history = await readAllHistory(server.storage, board.id);
    expect(history.filter((e) => e.cardId === quoted).map((e) => e.type)).toEqual(['card.created']);
  });

  it("a short passage is read in its article's language, which it is too short to show", async () => {
    const text = [
      'El gobierno de El Salvador anunció el martes que la población penitenciaria superó las 110.000 personas, según cifras del Ministerio de Justicia.',
      'La organización Cristosal afirmó que al menos 261 personas han muerto bajo custodia del Estado desde marzo de 2022.',
    ].join('\n\n');
    const { articleId, language } = await importArticle('Cárceles', text);
    expect(language).toBe('es');
    // Seven words: read alone, it would pass for English and state nothing English.
    const quoted = quote(articleId, text, 'al menos 261 personas han muerto bajo custodia');
    await editor.allSaved();
    await waitFor(() => readBoard(editor.doc).cards[quoted]?.extraction != null, {
      what: 'signals on the Spanish passage',
    });
    const extraction = readBoard(editor.doc).cards[quoted]!.extraction!;
    expect(extraction.score).toBeGreaterThan(0);
    expect(extraction.chips.map((c) => c.text)).toContain('261');
  });
  it("works out a crafted passage's signals off the event loop: another board's sync goes on", async () => {
    // A sentence and a run of quotation marks, about the longest passage a card may cite: 2 s
    // of the event loop each when the signals were worked out there, three cards 6 s in a row.
    const passage = `The minister said 40% of the prisons are full ${'“'.repeat(9_900)}.`;
    const text = `${passage} The end.`;
    const { articleId } = await importArticle('Quotes', text);
    const start = text.indexOf(passage);
    const source = { articleId, start, end: start + passage.length, sentence: passage };
    const quoted = Array.from({ length: 3 }, () =>
      addClaim(editor.doc, { claim: 'Quotes', source }, editor.as),
    );
    await editor.allSaved();

    const other = (await request(server.url, 'POST', '/api/boards', { json: { title: 'Other' } }))
      .body;
    const lead = connectProvider(
      `${server.url.replace(/^http/, 'ws')}/sync`,
      other.id,
      other.leadToken,
    );
    try {
      await lead.synced();
      addClaim(lead.doc, { claim: 'Another board goes on' }, lead.as);
      await lead.allSaved();
      // Saved while the passages are still being read: on the event loop, the save waited
      // for all three, and the cards had their signals first.
      const { cards } = await server.board(board.id);
      expect(quoted.map((id) => cards[id]?.extraction ?? null)).toEqual(quoted.map(() => null));
      await waitFor(() => quoted.every((id) => readBoard(editor.doc).cards[id]?.extraction), {
        what: 'signals on the quoted cards',
        timeout: 60_000,
      });
    } finally {
      lead.destroy();
    }
  }, 90_000);
});
