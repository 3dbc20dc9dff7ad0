/**
 * Articles come from imports and stay as imported (text, title, link, maker; an editor or a lead
 * gives one its publication day, a real one), and a card quotes
 * its article's text at its offsets (server/sync/checkSources), against raw clients that write
 * whatever they like; while the Undo a page really sends (of an article's removal, of a card's deletion)
 * still goes through, also after the room loaded the board again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  addClaims,
  CommandOrigin,
  deleteCard,
  moveCard,
  readBoard,
  removeArticle,
  setArticlePublished,
} from '../../../shared/board';
import { ARTICLE_KEYS, articlesMap, CARD_KEYS, cardsMap } from '../../../shared/board/schema';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import { articleIdFor } from '../../../server/articles/articleIdFor';
import { importArticle } from '../../../server/articles/importArticle';
import { createMemoryStorage } from '../../../server/storage/createMemoryStorage';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import type { Role } from '../../../shared/roles';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { type RawClient, updateFrom } from '../../helpers/rawClient';
import { rawMember } from '../../helpers/rawMember';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

const TEXT =
  'The mayor said unemployment fell to 4.2 percent in 2023. The ministry said prices rose 12 percent in 2022.';
const FIRST = 'The mayor said unemployment fell to 4.2 percent in 2023.';

describe('article texts and quoted sentences, against raw clients', () => {
  let server: SyncTestServer;
  let boardId: string;
  let articleId: string;
  const raws: RawClient[] = [];
  const clients: TestClient[] = [];
  /** Set, a room that loads reads article removals as a version before 4 December wrote them. */
  let removalsWithoutDigests = false;

  beforeEach(async () => {
    removalsWithoutDigests = false;
    const storage = createMemoryStorage();
    const removed = storage.listRemovedArticles;
    storage.listRemovedArticles = async (board) =>
      (await removed(board)).map((r) =>
        removalsWithoutDigests ? { ...r, textDigest: null, articleDigest: null } : r,
      );
    // Rooms unload as soon as they are idle, so a test can have the board loaded again.
    server = await startSyncTestServer({ storage, options: { roomGraceMs: 0 } });
    boardId = await server.createBoard();
    const lead = await server.invite(boardId, 'lead', 'Lea');
    // As an import writes them: the article and a card per sentence at one time.
    const importer = { ...lead.as, now: () => Date.now() - 1000 };
    articleId = await server.sync.change(boardId, lead.as.actor, (doc) => {
      const id = addArticle(
        doc,
        { id: articleIdFor(TEXT), title: 'Local news', text: TEXT },
        importer,
      );
      const second = TEXT.indexOf('The ministry');
      addClaims(
        doc,
        [
          [0, FIRST.length],
          [second, TEXT.length],
        ].map(([start, end]) => ({
          claim: TEXT.slice(start, end),
          source: { articleId: id, start: start!, end: end!, sentence: TEXT.slice(start, end) },
        })),
        importer,
      );
      return id;
    });
  });
  afterEach(async () => {
    for (const r of raws.splice(0)) r.close();
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });

  async function member(role: Role, name: string) {
    const { raw, as } = await rawMember(server, boardId, role, name, raws);
    return { raw, ctx: as };
  }

  async function page(role: Role, name: string) {
    const invite = await server.invite(boardId, role, name);
    const client = connectProvider(server.syncUrl, boardId, invite.token);
    clients.push(client);
    await client.synced();
    const undo = new Y.UndoManager([articlesMap(client.doc), cardsMap(client.doc)], {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    return { client, undo };
  }

  /**
   * The page goes away long enough for the room to unload (it forgets what it saw removed, and
   * loads the board again from storage), keeping its doc and its Undo, and comes back.
   */
  async function awayWhileTheRoomUnloads(client: TestClient) {
    client.provider.disconnect();
    await waitFor(() => server.sync.stats().rooms === 0, { what: 'room unloaded' });
    client.provider.connect();
    await client.synced();
  }

  const stored = () => server.sync.read(boardId, (doc) => readBoard(doc));
  // A deletion does not move a page's state vector, so allSaved cannot wait for it.
  const articleGone = () =>
    waitFor(async () => (await stored()).articles.length === 0, { what: 'article removed' });

  /** Sends the change, expects the socket closed as forbidden, and the board unchanged. */
  async function expectRefused(
    role: Role,
    change: (doc: Y.Doc, ctx: RawCtx) => void,
    encode: (raw: RawClient, fn: (doc: Y.Doc) => void) => Uint8Array = updateFrom,
  ) {
    const { raw, ctx } = await member(role, `${role} ${raws.length}`);
    const before = await server.sync.read(boardId, (doc) => Y.encodeStateAsUpdate(doc));
    raw.sendUpdate(encode(raw, (doc) => change(doc, ctx)));
    const closed = await raw.closedWithin();
    expect(closed.code).toBe(CLOSE.forbidden);
    expect(await server.sync.read(boardId, (doc) => Y.encodeStateAsUpdate(doc))).toEqual(before);
    return closed.reason;
  }
  type RawCtx = Awaited<ReturnType<typeof member>>['ctx'];

  const articleMap = (doc: Y.Doc) => articlesMap(doc).get(articleId) as Y.Map<unknown>;

  it('refuses an editor’s or a lead’s rewrite of an imported article’s text, and its deletion', async () => {
    const forged = 'The mayor admitted he lied about unemployment, which rose to 9 percent.';
    for (const role of ['editor', 'lead'] as const) {
      const reason = await expectRefused(role, (doc) =>
        doc.transact(() => articleMap(doc).set(ARTICLE_KEYS.text, forged)),
      );
      expect(reason).toMatch(/stays as it was imported/);
    }
    await expectRefused('editor', (doc) =>
      doc.transact(() => articleMap(doc).delete(ARTICLE_KEYS.text)),
    );
    // The same text written again is a change of the text all the same (a new item).
    await expectRefused('editor', (doc) =>
      doc.transact(() => articleMap(doc).set(ARTICLE_KEYS.text, TEXT)),
    );
    const board = await stored();
    expect(board.articles.find((a) => a.id === articleId)?.text).toBe(TEXT);
    const history = await readAllHistory(server.storage, boardId);
    expect(history.filter((e) => e.type.startsWith('article.')).map((e) => e.type)).toEqual([
      'article.added',
    ]);
  });

  it('refuses a card whose sentence is not its article’s text at its offsets, or of no article', async () => {
    const cases = [
      // Words the article never printed, at real offsets.
      { articleId, start: 0, end: 10, sentence: 'The mayor confessed to fraud.' },
      // The article's words, at offsets where they are not.
      { articleId, start: 5, end: 5 + FIRST.length, sentence: FIRST },
      // An article the board never had.
      { articleId: 'no-such-article', start: 0, end: FIRST.length, sentence: FIRST },
    ];
    for (const source of cases) {
      const reason = await expectRefused('editor', (doc, ctx) =>
        addClaim(doc, { claim: 'A claim', source }, ctx),
      );
      expect(reason).toMatch(/quotes its article/);
    }
    expect(Object.values((await stored()).cards).map((c) => c.claim)).not.toContain('A claim');
  });

  it('refuses an article replaced under its id without its text, and a card’s source changed or cleared', async () => {
    expect(
      await expectRefused('lead', (doc) =>
        doc.transact(() => {
          const copy = new Y.Map<unknown>();
          for (const [key, value] of articleMap(doc).entries()) {
            if (key !== ARTICLE_KEYS.text) copy.set(key, value);
          }
          articlesMap(doc).set(articleId, copy);
        }),
      ),
    ).toMatch(/comes back only as it was removed/);
    const second = TEXT.indexOf('The ministry');
    const elsewhere = { articleId, start: second, end: TEXT.length, sentence: TEXT.slice(second) };
    for (const source of [elsewhere, null]) {
      const reason = await expectRefused('editor', (doc) =>
        doc.transact(() => {
          const card = [...cardsMap(doc).values()].find(
            (c) => (c.get(CARD_KEYS.source) as { start?: number } | null)?.start === 0,
          );
          card?.set(CARD_KEYS.source, source);
        }),
      );
      expect(reason).toMatch(/source stays as it was made/);
    }
    const board = await stored();
    expect(board.articles.find((a) => a.id === articleId)?.text).toBe(TEXT);
    expect(Object.values(board.cards).map((c) => c.source?.sentence)).toContain(FIRST);
  });

  it('refuses offsets past the end of the text, which slice() would clamp', async () => {
    const cases = [
      { articleId, start: 0, end: TEXT.length + 5000, sentence: TEXT },
      { articleId, start: TEXT.length + 100, end: TEXT.length + 200, sentence: '' },
    ];
    for (const source of cases) {
      expect(
        await expectRefused('editor', (doc, ctx) =>
          addClaim(doc, { claim: 'Past the end', source }, ctx),
        ),
      ).toMatch(/quotes its article/);
    }
  });

  it('takes a card made from a selection of the article, as the article view makes it', async () => {
    const { raw, ctx } = await member('editor', 'Edie');
    const start = TEXT.indexOf('prices rose');
    const sentence = 'prices rose 12 percent';
    let id = '';
    raw.sendUpdate(
      updateFrom(raw, (doc) => {
        id = addClaim(
          doc,
          { claim: 'Prices rose 12%', source: { articleId, start, end: start + 22, sentence } },
          ctx,
        );
      }),
    );
    await waitFor(async () => (await stored()).cards[id] !== undefined, { what: 'card stored' });
    expect((await stored()).cards[id]?.source?.sentence).toBe(sentence);
  });

  it('takes the Undo of an article’s removal, with its cards, also after the board loaded again', async () => {
    const { client, undo } = await page('editor', 'Edie');
    const importCards = Object.keys(readBoard(client.doc).cards);
    expect(importCards.length).toBeGreaterThan(0);
    removeArticle(client.doc, articleId, client.as);
    await articleGone();
    await awayWhileTheRoomUnloads(client);
    undo.undo();
    await client.allSaved();
    expect(client.closes).toEqual([]);
    const board = await stored();
    expect(board.articles.map((a) => [a.id, a.text])).toEqual([[articleId, TEXT]]);
    expect(Object.keys(board.cards).sort()).toEqual([...importCards].sort());
    // Activity says it was restored, not imported; the same words imported again are an import.
    const articleEvents = async () =>
      (await readAllHistory(server.storage, boardId))
        .filter((e) => e.type.startsWith('article.'))
        .map((e) => [e.type, e.actor.name]);
    expect(await articleEvents()).toEqual([
      ['article.added', 'Lea'],
      ['article.removed', 'Edie'],
      ['article.restored', 'Edie'],
    ]);
    removeArticle(client.doc, articleId, client.as);
    await articleGone();
    await server.sync.change(boardId, client.as.actor, (doc) =>
      importArticle(
        doc,
        client.as.actor,
        { id: articleId, title: 'Local news', url: null, text: TEXT },
        [],
      ),
    );
    expect((await articleEvents()).slice(3)).toEqual([
      ['article.removed', 'Edie'],
      ['article.added', 'Edie'],
    ]);
  });

  it('takes a removal that anchors the cards in a newer version with their sentence, and its Undo, also after the board loaded again', async () => {
    const newer = `Update: figures checked. ${TEXT}`;
    const v2 = await server.sync.change(boardId, { id: 'x', name: 'Lea' }, (doc) =>
      addArticle(
        doc,
        { id: articleIdFor(newer), title: 'Local news, updated', text: newer },
        {
          actor: { id: 'x', name: 'Lea' },
        },
      ),
    );
    const { client, undo } = await page('lead', 'Lee');
    await waitFor(() => articlesMap(client.doc).has(v2), { what: 'the newer version at the page' });
    const before = readBoard(client.doc).cards;
    const result = removeArticle(client.doc, articleId, client.as);
    expect(result.moved).toHaveLength(2);
    await waitFor(async () => (await stored()).articles.length === 1, { what: 'article removed' });
    const board = await stored();
    for (const card of Object.values(board.cards)) {
      expect(card.source?.articleId).toBe(v2);
      expect(newer.slice(card.source!.start, card.source!.end)).toBe(card.source?.sentence);
    }
    await awayWhileTheRoomUnloads(client);
    undo.undo();
    await client.allSaved();
    expect(client.closes).toEqual([]);
    const back = await stored();
    expect(back.articles.map((a) => a.id).sort()).toEqual([articleId, v2].sort());
    for (const [id, card] of Object.entries(before)) {
      expect(back.cards[id]?.source).toEqual(card.source);
    }
  });

  it('refuses a card anchored back in the removed article with no Undo that brings it back, while the room lives and after', async () => {
    const newer = `Update: figures checked. ${TEXT}`;
    const v2 = await server.sync.change(boardId, { id: 'x', name: 'Lea' }, (doc) =>
      addArticle(
        doc,
        { id: articleIdFor(newer), title: 'Local news, updated', text: newer },
        { actor: { id: 'x', name: 'Lea' } },
      ),
    );
    const { client } = await page('lead', 'Lee');
    await waitFor(() => articlesMap(client.doc).has(v2), { what: 'the newer version at the page' });
    const before = readBoard(client.doc).cards;
    expect(removeArticle(client.doc, articleId, client.as).moved).toHaveLength(2);
    await waitFor(async () => (await stored()).articles.length === 1, { what: 'article removed' });
    // Each card's source as it was, in the article now gone: its sentence at its offsets.
    const anchorBack = (doc: Y.Doc) =>
      doc.transact(() => {
        for (const [id, card] of Object.entries(before)) {
          cardsMap(doc).get(id)?.set(CARD_KEYS.source, card.source);
        }
      });
    const onlyOnBoard = /anchored only in an article on the board/;
    expect(await expectRefused('editor', anchorBack)).toMatch(onlyOnBoard);
    client.destroy();
    for (const r of raws.splice(0)) r.close();
    await waitFor(() => server.sync.stats().rooms === 0, { what: 'room unloaded' });
    expect(await expectRefused('editor', anchorBack)).toMatch(onlyOnBoard);
    for (const card of Object.values((await stored()).cards)) {
      expect(card.source?.articleId).toBe(v2);
    }
  });

  it('takes an article written back in place of itself, as it is, and records nothing for it', async () => {
    const { client, undo } = await page('editor', 'Edie');
    const articleEvents = async () =>
      (await readAllHistory(server.storage, boardId))
        .filter((e) => e.type.startsWith('article.'))
        .map((e) => [e.type, e.actor.name]);
    // Written back three times, every field as it is: the board does not change.
    for (let i = 0; i < 3; i++) {
      client.doc.transact(() => {
        const copy = new Y.Map<unknown>();
        for (const [key, value] of articleMap(client.doc).entries()) copy.set(key, value);
        articlesMap(client.doc).set(articleId, copy);
      });
      await client.allSaved();
    }
    // A removal and its Undo made offline reach the server as one update of the same shape.
    client.provider.disconnect();
    removeArticle(client.doc, articleId, client.as);
    undo.undo();
    client.provider.connect();
    await client.synced();
    await client.allSaved();
    expect(client.closes).toEqual([]);
    const board = await stored();
    expect(board.articles.map((a) => [a.id, a.text])).toEqual([[articleId, TEXT]]);
    expect(Object.keys(board.cards)).toHaveLength(2);
    // Only the import is in Activity, not an "added" in Edie's name per write.
    expect(await articleEvents()).toEqual([['article.added', 'Lea']]);
  });

  it('refuses a card anchored elsewhere with another sentence, or its sentence where the article does not have it', async () => {
    const newer = `Update: figures checked. ${TEXT}`;
    const v2 = await server.sync.change(boardId, { id: 'x', name: 'Lea' }, (doc) =>
      addArticle(
        doc,
        { id: articleIdFor(newer), title: 'Updated', text: newer },
        {
          actor: { id: 'x', name: 'Lea' },
        },
      ),
    );
    const at = newer.indexOf(FIRST);
    const cases = [
      // The same sentence, at offsets of the newer text where it is not.
      { articleId: v2, start: 0, end: FIRST.length, sentence: FIRST },
      // Words of the newer text, but not the card's sentence.
      { articleId: v2, start: 0, end: at - 1, sentence: newer.slice(0, at - 1) },
    ];
    for (const source of cases) {
      const reason = await expectRefused('lead', (doc) =>
        doc.transact(() => {
          const card = [...cardsMap(doc).values()].find(
            (c) => (c.get(CARD_KEYS.source) as { start?: number } | null)?.start === 0,
          );
          card?.set(CARD_KEYS.source, source);
        }),
      );
      expect(reason).toMatch(/quotes its article|source stays as it was made/);
    }
    const board = await stored();
    expect(Object.values(board.cards).map((c) => c.source?.articleId)).toEqual([
      articleId,
      articleId,
    ]);
  });

  it('refuses an article put back under its id with another text, title, link or maker, while the room lives and after', async () => {
    const { client } = await page('editor', 'Edie');
    const { createdBy, createdAt } = readBoard(client.doc).articles[0]!;
    removeArticle(client.doc, articleId, client.as);
    await articleGone();
    // The article as it was removed, but for one field.
    const removed = { title: 'Local news', url: null, text: TEXT, createdBy, createdAt };
    // A maker in the writer's own name passes checkActors: it is refused here.
    const forges = [
      () => ({ text: 'The mayor admitted he lied.' }),
      () => ({ title: 'Mayor admits he lied' }),
      () => ({ url: 'https://forged.example/story' }),
      (ctx: RawCtx) => ({ createdBy: ctx.actor }),
      () => ({ createdAt: createdAt + 1 }),
    ].map((change) => (doc: Y.Doc, ctx: RawCtx) => {
      doc.transact(() => {
        const article = new Y.Map<unknown>();
        article.set(ARTICLE_KEYS.id, articleId);
        for (const [key, value] of Object.entries({ ...removed, ...change(ctx) })) {
          article.set(key, value);
        }
        articlesMap(doc).set(articleId, article);
      });
    });
    for (const forge of forges) {
      expect(await expectRefused('editor', forge)).toMatch(/comes back only as it was removed/);
    }
    client.destroy();
    for (const r of raws.splice(0)) r.close();
    await waitFor(() => server.sync.stats().rooms === 0, { what: 'room unloaded' });
    for (const forge of forges) {
      expect(await expectRefused('editor', forge)).toMatch(/comes back only as it was removed/);
    }
    expect((await stored()).articles).toEqual([]);
  });

  it('takes the Undo of a removal recorded before digests were kept, with the words its id was made from only', async () => {
    const { client, undo } = await page('editor', 'Edie');
    const removed = articleMap(client.doc).toJSON() as Record<string, unknown>;
    removeArticle(client.doc, articleId, client.as);
    await articleGone();
    removalsWithoutDigests = true;
    await awayWhileTheRoomUnloads(client);
    // Nothing but the article's id is left to check a put-back against: other words are refused.
    const reason = await expectRefused('editor', (doc) => {
      doc.transact(() => {
        const article = new Y.Map<unknown>();
        for (const [key, value] of Object.entries({ ...removed, text: 'The mayor lied.' })) {
          article.set(key, value);
        }
        articlesMap(doc).set(articleId, article);
      });
    });
    expect(reason).toMatch(/comes back only as it was removed/);
    undo.undo();
    await client.allSaved();
    expect(client.closes).toEqual([]);
    expect((await stored()).articles.map((a) => [a.id, a.text])).toEqual([[articleId, TEXT]]);
  });

  it('refuses a put-back whose field the same update empties under a second client id, or with fields of its own', async () => {
    const { client } = await page('editor', 'Edie');
    const removed = articleMap(client.doc).toJSON() as Record<string, unknown>;
    removeArticle(client.doc, articleId, client.as);
    await articleGone();
    /**
     * The article put back under client x without `field`; then, concurrently, x writes the
     * field as it was removed, and client y (which saw only the put-back, and sorts after x,
     * so Yjs keeps its value) writes it and deletes it; the three updates sent as one. The
     * field ends up empty, while x's value, the one removed, is the only live one the update
     * holds (x's is deleted only as the server integrates y's).
     */
    const emptied = (field: string) => (raw: RawClient) => {
      const [x, y] = [new Y.Doc(), new Y.Doc()];
      x.clientID = 7_000_001;
      y.clientID = 7_000_002;
      const base = Y.encodeStateAsUpdate(raw.mirror);
      Y.applyUpdate(x, base);
      Y.applyUpdate(y, base);
      const sv = Y.encodeStateVector(raw.mirror);
      x.transact(() => {
        const article = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(removed)) {
          if (key !== field) article.set(key, value);
        }
        articlesMap(x).set(articleId, article);
      });
      const putBack = Y.encodeStateAsUpdate(x, sv);
      Y.applyUpdate(y, putBack);
      const afterPutBack = Y.encodeStateVector(x);
      const map = articlesMap(y).get(articleId)!;
      y.transact(() => map.set(field, removed[field]));
      y.transact(() => map.delete(field));
      x.transact(() => articlesMap(x).get(articleId)!.set(field, removed[field]));
      return Y.mergeUpdates([
        putBack,
        Y.encodeStateAsUpdate(x, afterPutBack),
        Y.encodeStateAsUpdate(y, afterPutBack),
      ]);
    };
    for (const field of [ARTICLE_KEYS.text, ARTICLE_KEYS.title]) {
      const reason = await expectRefused('editor', () => undefined, emptied(field));
      expect(reason).toMatch(/comes back only as it was/);
    }
    const extra = await expectRefused('editor', (doc) =>
      doc.transact(() => {
        const article = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(removed)) article.set(key, value);
        article.set('note', 'Also printed: the mayor lied.');
        articlesMap(doc).set(articleId, article);
      }),
    );
    expect(extra).toBe('a key the board layout does not name: note');
    // Nor anything in the articles root without a key, which no reader of the board sees.
    const keyless = await expectRefused('lead', (doc) => {
      // Written as a list under the root's name: in the board's doc, the articles map's list
      // part, which Yjs keeps and no reader of the board sees.
      const list = new Y.Doc();
      const article = new Y.Map<unknown>();
      list.getArray('articles').insert(0, [article]);
      article.set(ARTICLE_KEYS.text, 'Words nobody imported.');
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(list));
    });
    expect(keyless).toMatch(/outside the board layout/);
    expect((await stored()).articles).toEqual([]);
  });

  it('puts an article back only as its last removal took it, not an earlier version', async () => {
    const { client, undo } = await page('editor', 'Edie');
    removeArticle(client.doc, articleId, client.as);
    await articleGone();
    undo.undo();
    await waitFor(async () => (await stored()).articles.length === 1, { what: 'back' });
    const first = articleMap(client.doc).toJSON() as Record<string, unknown>;
    // The same text imported again with its link: the board's article gets it.
    const url = 'https://news.example/local';
    await server.sync.change(boardId, client.as.actor, (doc) =>
      importArticle(
        doc,
        client.as.actor,
        { id: articleId, title: 'Local news', url, text: TEXT },
        [],
      ),
    );
    await waitFor(() => articleMap(client.doc).get(ARTICLE_KEYS.url) === url, { what: 'link' });
    removeArticle(client.doc, articleId, client.as);
    await articleGone();
    const earlier = (doc: Y.Doc) =>
      doc.transact(() => {
        const article = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(first)) article.set(key, value);
        articlesMap(doc).set(articleId, article);
      });
    expect(await expectRefused('editor', earlier)).toMatch(/comes back only as it was removed/);
    client.provider.disconnect();
    for (const r of raws.splice(0)) r.close();
    await waitFor(() => server.sync.stats().rooms === 0, { what: 'room unloaded' });
    expect(await expectRefused('editor', earlier)).toMatch(/comes back only as it was removed/);
    client.provider.connect();
    await client.synced();
    undo.undo();
    await client.allSaved();
    expect(client.closes).toEqual([]);
    expect((await stored()).articles.map((a) => a.url)).toEqual([url]);
  });

  it('refuses a change of a live article’s title, link or maker, and a copy put in its place', async () => {
    const [article] = (await stored()).articles;
    const changes: [string, unknown][] = [
      [ARTICLE_KEYS.title, 'Mayor admits he lied'],
      [ARTICLE_KEYS.url, 'https://forged.example/story'],
      [ARTICLE_KEYS.createdAt, article!.createdAt + 1],
    ];
    for (const [key, value] of changes) {
      const reason = await expectRefused('lead', (doc) =>
        doc.transact(() => articleMap(doc).set(key, value)),
      );
      expect(reason).toMatch(/stays as it was imported/);
    }
    expect(
      await expectRefused('lead', (doc, ctx) =>
        doc.transact(() => articleMap(doc).set(ARTICLE_KEYS.createdBy, ctx.actor)),
      ),
    ).toMatch(/creator does not change/);
    await expectRefused('editor', (doc) =>
      doc.transact(() => articleMap(doc).delete(ARTICLE_KEYS.url)),
    );
    // The same text under a new title, in the writer's own name.
    expect(
      await expectRefused('lead', (doc, ctx) =>
        doc.transact(() => {
          const copy = new Y.Map<unknown>();
          for (const [key, value] of articleMap(doc).entries()) copy.set(key, value);
          copy.set(ARTICLE_KEYS.title, 'Mayor admits he lied');
          copy.set(ARTICLE_KEYS.createdBy, ctx.actor);
          articlesMap(doc).set(articleId, copy);
        }),
      ),
    ).toMatch(/comes back only as it was removed/);
    expect((await stored()).articles).toEqual([article]);
  });

  it('takes an editor’s day for the article, and its change, clearing and Undo, each in Activity', async () => {
    const { client, undo } = await page('editor', 'Edie');
    setArticlePublished(client.doc, { articleId, published: '2021-09-01' }, client.as);
    await client.allSaved();
    setArticlePublished(client.doc, { articleId, published: '2021-09-02' }, client.as);
    await client.allSaved();
    setArticlePublished(client.doc, { articleId, published: null }, client.as);
    await client.allSaved();
    undo.undo();
    await client.allSaved();
    expect(client.closes).toEqual([]);
    expect((await stored()).articles.map((a) => a.published)).toEqual(['2021-09-02']);
    const dated = (await readAllHistory(server.storage, boardId))
      .filter((e) => e.type === 'article.dated')
      .map((e) => [e.actor.name, e.data.title, e.data.published, e.data.was]);
    expect(dated).toEqual([
      ['Edie', 'Local news', '2021-09-01', null],
      ['Edie', 'Local news', '2021-09-02', '2021-09-01'],
      ['Edie', 'Local news', null, '2021-09-02'],
      ['Edie', 'Local news', '2021-09-02', null],
    ]);
    // A dated article removed comes back with its day, also after the board loaded again.
    removeArticle(client.doc, articleId, client.as);
    await articleGone();
    await awayWhileTheRoomUnloads(client);
    undo.undo();
    await client.allSaved();
    expect(client.closes).toEqual([]);
    expect((await stored()).articles.map((a) => a.published)).toEqual(['2021-09-02']);
  });

  it('refuses a raw client’s day that is no day, too old, or after tomorrow, and a reviewer’s', async () => {
    for (const value of [
      '2021-02-30',
      '1799-12-31',
      '2999-01-01',
      'last week',
      1_630_454_400_000,
    ]) {
      const reason = await expectRefused('editor', (doc) =>
        doc.transact(() => articleMap(doc).set(ARTICLE_KEYS.published, value)),
      );
      expect(reason).toBe('a value that does not fit the board’s published');
    }
    expect(
      await expectRefused('reviewer', (doc) =>
        doc.transact(() => articleMap(doc).set(ARTICLE_KEYS.published, '2021-09-01')),
      ),
    ).toMatch(/reviewers may only write comments/);
    await expectRefused('viewer', (doc) =>
      doc.transact(() => articleMap(doc).set(ARTICLE_KEYS.published, '2021-09-01')),
    );
    expect((await stored()).articles.map((a) => a.published)).toEqual([null]);
    // A lead's raw client with a real day is taken, as the command writes it.
    const { raw } = await member('lead', 'Lea raw');
    raw.sendUpdate(
      updateFrom(raw, (doc) =>
        doc.transact(() => articleMap(doc).set(ARTICLE_KEYS.published, '2021-09-01')),
      ),
    );
    await waitFor(async () => (await stored()).articles[0]?.published === '2021-09-01', {
      what: 'day stored',
    });
  });

  it('refuses an article under an id the board never had, which the import of its text would then find', async () => {
    const other = 'The council said the new bridge will cost 2 billion euros by 2027.';
    // A squatter's article under the id the import of `other` is given, with words of its own.
    const reason = await expectRefused('lead', (doc, ctx) =>
      addArticle(doc, { id: articleIdFor(other), title: 'Bridge', text: 'Forged words.' }, ctx),
    );
    expect(reason).toMatch(/articles come from an import/);
    await expectRefused('editor', (doc, ctx) =>
      addArticle(doc, { title: 'Mine', text: 'Words nobody imported.' }, ctx),
    );
    const lead = await server.invite(boardId, 'lead', 'Lea');
    const imported = await server.sync.change(boardId, lead.as.actor, (doc) =>
      importArticle(
        doc,
        lead.as.actor,
        { id: articleIdFor(other), title: 'Bridge', url: null, text: other },
        [],
      ),
    );
    expect(imported.created).toBe(true);
    expect((await stored()).articles.map((a) => a.text)).toEqual([TEXT, other]);
  });

  it('takes the Undo of the deletion of a card that outlived its article', async () => {
    const { client, undo } = await page('editor', 'Edie');
    // Worked on, the card stays when its article goes (articleRemoval).
    const cardId = Object.keys(readBoard(client.doc).cards)[0]!;
    moveCard(client.doc, cardId, { column: 'disputed', index: 0 }, client.as);
    removeArticle(client.doc, articleId, client.as);
    await articleGone();
    // The room unloads, and forgets the article's text: only its digest is kept.
    await awayWhileTheRoomUnloads(client);
    // Another page deletes the card, later, and its own Undo puts it back.
    const other = await page('editor', 'Otto');
    deleteCard(other.client.doc, cardId, other.client.as);
    await waitFor(async () => (await stored()).cards[cardId] === undefined, { what: 'deleted' });
    other.undo.undo();
    await other.client.allSaved();
    expect(other.client.closes).toEqual([]);
    const card = (await stored()).cards[cardId];
    expect(card?.source?.articleId).toBe(articleId);
    expect(cardsMap(client.doc).get(cardId)?.get(CARD_KEYS.source)).toEqual(card?.source);
    undo.undo(); // the removal's Undo brings the article back under the kept card
    await client.allSaved();
    expect((await stored()).articles.map((a) => a.text)).toEqual([TEXT]);
  });

  it('takes it also when the article went and the card was deleted before the board loaded again', async () => {
    const { client, undo } = await page('editor', 'Edie');
    const cardId = Object.keys(readBoard(client.doc).cards)[0]!;
    moveCard(client.doc, cardId, { column: 'disputed', index: 0 }, client.as);
    removeArticle(client.doc, articleId, client.as);
    await articleGone();
    deleteCard(client.doc, cardId, client.as);
    await waitFor(async () => (await stored()).cards[cardId] === undefined, { what: 'deleted' });
    // The page is away while the room unloads: neither the card nor its article is there to
    // compare with, and only the history's digests are.
    await awayWhileTheRoomUnloads(client);
    undo.undo();
    await client.allSaved();
    expect(client.closes).toEqual([]);
    expect((await stored()).cards[cardId]?.source?.sentence).toBe(FIRST);
    // Another card quoting the same words of the gone article is refused: the digest is the
    // deleted card's, for that card only.
    const source = { articleId, start: 0, end: FIRST.length, sentence: FIRST };
    const reason = await expectRefused('editor', (doc, ctx) =>
      addClaim(doc, { claim: 'A copy', source }, ctx),
    );
    expect(reason).toMatch(/quotes its article’s text/);
  });
});
