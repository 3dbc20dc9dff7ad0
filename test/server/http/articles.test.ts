import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaims, deleteCard } from '../../../shared/board/commands/cards';
import { addArticle, removeArticle } from '../../../shared/board/commands/meta';
import { sentenceKey } from '../../../server/articles/importArticle';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { errorCode, request } from '../../helpers/http/request';

const ARTICLE = [
  'Treasury reports record deficit',
  '',
  'The national deficit rose to $1.2 trillion in 2023, the Treasury said on Tuesday.',
  '',
  'Unemployment fell to 3.9 percent in December, according to the Bureau of Labor Statistics.',
  '',
  'The city council approved 42 new housing projects last year, said Maria Lopez, a council spokesperson.',
].join('\n');

let server: TestServer;
let boardId: string;
let leadToken: string;
let tokens: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  const created = await request(server.url, 'POST', '/api/boards', { json: { title: 'News' } });
  ({ id: boardId, leadToken } = created.body);
  tokens = { lead: leadToken };
  for (const role of ['editor', 'reviewer', 'viewer']) {
    const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: leadToken,
      json: { name: role, role },
    });
    tokens[role] = res.body.token;
  }
});
afterAll(() => server.stop());

const post = (options: Parameters<typeof request>[3]) =>
  request(server.url, 'POST', `/api/boards/${boardId}/articles`, options);

describe('POST /api/boards/:id/articles', () => {
  it('stores the article and turns its claims into cards in Unverified, with exact offsets', async () => {
    const res = await post({
      token: tokens.editor,
      json: { text: ARTICLE, url: 'https://example.org/deficit' },
    });
    expect(res.status).toBe(201);
    const { articleId, cards } = res.body;
    expect(articleId).toMatch(/^a[0-9a-f]{24}$/);
    expect(cards.length).toBeGreaterThanOrEqual(2);
    expect(res.body.existingCards).toEqual([]);
    const board = await server.board(boardId);
    const article = board.articles.find((a) => a.id === articleId)!;
    expect(article.text).toBe(ARTICLE);
    expect(article.url).toBe('https://example.org/deficit');
    expect(article.createdBy.name).toBe('editor');
    for (const card of cards) {
      expect(card.column).toBe('unverified');
      expect(card.source.articleId).toBe(articleId);
      expect(ARTICLE.slice(card.source.start, card.source.end)).toBe(card.source.sentence);
      expect(board.cards[card.id]).toBeDefined();
    }
    expect(
      cards.some((c: { source: { sentence: string } }) =>
        c.source.sentence.includes('3.9 percent'),
      ),
    ).toBe(true);
    // The headline is not a claim.
    expect(
      cards.some((c: { claim: string }) => c.claim === 'Treasury reports record deficit'),
    ).toBe(false);
  });

  it('says which language it read: an article in a language without extraction makes no cards', async () => {
    const english = await post({ token: tokens.editor, json: { text: `${ARTICLE}\n\nEnd.` } });
    expect(english.body.language).toBe('en');
    const french = await post({
      token: tokens.editor,
      json: {
        text:
          'Le gouvernement a annoncé mardi que le nombre de détenus a dépassé les 110 000 ' +
          'personnes, selon les chiffres du ministère de la Justice.',
      },
    });
    expect(french.status).toBe(201);
    expect(french.body).toMatchObject({ language: 'other', cards: [] });
    const board = await server.board(boardId);
    expect(board.articles.some((a) => a.id === french.body.articleId)).toBe(true);
  });

  it('does not duplicate cards when the same text is imported again: none in cards, the article’s in existingCards', async () => {
    const before = Object.values((await server.board(boardId)).cards);
    const again = await post({ token: tokens.lead, json: { text: ARTICLE, title: 'Other title' } });
    expect(again.status).toBe(200);
    // A client counting `cards` as new ones counts none.
    expect(again.body).toMatchObject({ cards: [], found: 0 });
    const existing = before.filter((c) => c.source?.articleId === again.body.articleId);
    expect(existing.length).toBeGreaterThan(0);
    expect(again.body.existingCards.map((c: { id: string }) => c.id).sort()).toEqual(
      existing.map((c) => c.id).sort(),
    );
    const board = await server.board(boardId);
    expect(Object.keys(board.cards).length).toBe(before.length);
    expect(board.articles.filter((a) => a.id === again.body.articleId)).toHaveLength(1);
  });

  it('a new version of an article proposes only the claims the board has no card for', async () => {
    const made = await request(server.url, 'POST', '/api/boards', { json: { title: 'Versions' } });
    const postTo = (text: string) =>
      request(server.url, 'POST', `/api/boards/${made.body.id}/articles`, {
        token: made.body.leadToken,
        json: { text },
      });
    const first = await postTo(ARTICLE);
    expect(first.status).toBe(201);
    const sentences = first.body.cards.map(
      (c: { source: { sentence: string } }) => c.source.sentence,
    );
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    // The corrected story: one figure changed, one claim added, other typographic quotes and
    // spacing (pasted from an e-mail), and an editor's note on top.
    const corrected = [
      'Correction: an earlier version of this story gave the wrong rate.',
      ARTICLE.replace('3.9 percent', '3.7 percent').replace(/  +/g, ' '),
      '',
      'Rents in the capital rose 14 percent in 2023, the housing ministry said.',
    ].join('\n\n');
    const second = await postTo(corrected);
    expect(second.status).toBe(201);
    expect(second.body.articleId).not.toBe(first.body.articleId);
    const fresh = second.body.cards.map((c: { source: { sentence: string } }) => c.source.sentence);
    expect(fresh.some((s: string) => s.includes('3.7 percent'))).toBe(true);
    expect(fresh.some((s: string) => s.includes('Rents in the capital'))).toBe(true);
    expect(fresh.some((s: string) => s.includes('$1.2 trillion'))).toBe(false);
    expect(second.body.alreadyOnBoard).toBe(sentences.length - 1);
    expect(second.body.similarTo).toEqual({ id: first.body.articleId, title: first.body.title });
    const board = await server.board(made.body.id);
    expect(Object.keys(board.cards)).toHaveLength(sentences.length + fresh.length);
    expect(board.articles).toHaveLength(2);
    // Nothing in common: nothing named.
    const other = await postTo('Exports of coffee fell 8 percent in 2024, the central bank said.');
    expect(other.body).toMatchObject({ alreadyOnBoard: 0, similarTo: null });
  });

  it('a claim the board has a card for is not proposed again under another attribution', async () => {
    const made = await request(server.url, 'POST', '/api/boards', { json: { title: 'Repeats' } });
    const postTo = (text: string) =>
      request(server.url, 'POST', `/api/boards/${made.body.id}/articles`, {
        token: made.body.leadToken,
        json: { text },
      });
    const first = await postTo(
      [
        'Homicides fell 57 percent in 2023, the ministry said on Monday.',
        '',
        '"We have closed 14 prisons this year," said Gustavo Villatoro.',
      ].join('\n'),
    );
    expect(first.status).toBe(201);
    expect(first.body.cards).toHaveLength(2);
    // Another outlet's story: the same claims, given to other speakers.
    const second = await postTo(
      [
        'Homicides fell 57 percent in 2023, according to Cristosal.',
        '',
        '“We have closed 14 prisons this year,” Nayib Bukele wrote on X.',
        '',
        'Rents in the capital rose 14 percent in 2023, the housing ministry said.',
      ].join('\n'),
    );
    expect(second.status).toBe(201);
    expect(second.body.cards.map((c: { claim: string }) => c.claim)).toEqual([
      'Rents in the capital rose 14 percent in 2023.',
    ]);
    expect(second.body.alreadyOnBoard).toBe(2);
    expect(second.body.similarTo).toEqual({ id: first.body.articleId, title: first.body.title });
    // A claim whose words differ is a claim of its own.
    const third = await postTo('Homicides fell 52 percent in 2023, according to Cristosal.');
    expect(third.body).toMatchObject({ alreadyOnBoard: 0, similarTo: null });
    expect(third.body.cards).toHaveLength(1);
  });

  it('matches a card whose sentence ends in a footnote reference, as sentences did before', async () => {
    // Sentences used to end after a footnote reference ("…earlier.¹"); they end at their stop
    // now. The card below was proposed then, and a person has reworded its claim since.
    const made = await request(server.url, 'POST', '/api/boards', { json: { title: 'Notes' } });
    const id = made.body.id as string;
    const old = [
      'Unemployment fell to 3.8% in January, down from 5.1% a year earlier.¹',
      'Wages rose 3% in 2024, according to the Federal Statistical Office.2',
    ];
    const text = old.join('\n\n');
    const actor = { id: 'inv-old', name: 'Old import' };
    await server.syncServer.change(id, actor, (doc) => {
      addArticle(doc, { id: 'aold', title: 'Jobs', text }, { actor });
      addClaims(
        doc,
        old.map((sentence) => ({
          claim: `Reworded: ${sentence}`,
          source: {
            articleId: 'aold',
            start: text.indexOf(sentence),
            end: text.indexOf(sentence) + sentence.length,
            sentence,
          },
        })),
        { actor },
      );
    });
    const again = await request(server.url, 'POST', `/api/boards/${id}/articles`, {
      token: made.body.leadToken,
      json: { text: `${text}\n\n¹ Seasonally adjusted.\n\n² Provisional.` },
    });
    expect(again.status).toBe(201);
    expect(again.body.cards).toEqual([]);
    expect(again.body.alreadyOnBoard).toBe(2);
    expect(again.body.similarTo).toEqual({ id: 'aold', title: 'Jobs' });
    // The other references a sentence may end with; one inside it counts.
    const key = sentenceKey('Rents rose 14 percent in 2023, the ministry said.');
    for (const marker of ['[1]', '[^1]', '*', '†', ' [12]']) {
      expect(sentenceKey(`Rents rose 14 percent in 2023, the ministry said.${marker}`)).toBe(key);
    }
    expect(sentenceKey('Rents rose 14 percent in 2023.[1] The ministry said so.')).not.toBe(
      sentenceKey('Rents rose 14 percent in 2023. The ministry said so.'),
    );
    expect(sentenceKey('Rents rose to 14.')).not.toBe(sentenceKey('Rents rose to 1.'));
  });

  it('a new version of an article does not propose again a claim whose card was deleted: it names it in deletedBefore', async () => {
    const made = await request(server.url, 'POST', '/api/boards', { json: { title: 'Deleted' } });
    const id = made.body.id as string;
    const postTo = (text: string) =>
      request(server.url, 'POST', `/api/boards/${id}/articles`, {
        token: made.body.leadToken,
        json: { text },
      });
    const first = await postTo(ARTICLE);
    expect(first.status).toBe(201);
    const cards = first.body.cards as { id: string; claim: string; source: { sentence: string } }[];
    const deficit = cards.find((c) => c.source.sentence.includes('$1.2 trillion'))!;
    const editor = { id: 'inv-edie', name: 'Edie' };
    await server.syncServer.change(id, editor, (doc) =>
      deleteCard(doc, deficit.id, { actor: editor }),
    );

    const corrected = `${ARTICLE.replace('3.9 percent', '3.7 percent')}\n\nRents rose 14 percent in 2023, the ministry said.`;
    const second = await postTo(corrected);
    expect(second.status).toBe(201);
    const fresh = (second.body.cards as { source: { sentence: string } }[]).map(
      (c) => c.source.sentence,
    );
    expect(fresh.some((s) => s.includes('$1.2 trillion'))).toBe(false);
    expect(fresh.some((s) => s.includes('3.7 percent'))).toBe(true);
    expect(second.body.deletedBefore).toEqual([{ cardId: deficit.id, claim: deficit.claim }]);
    expect(second.body.alreadyOnBoard).toBe(cards.length - 2);
    expect(second.body.found).toBe(fresh.length);
    const board = await server.board(id);
    expect(Object.values(board.cards).some((c) => c.claim === deficit.claim)).toBe(false);
    // The first text again adds nothing (200), and names the deleted card all the same.
    const again = await postTo(ARTICLE);
    expect(again.status).toBe(200);
    expect(again.body.deletedBefore).toEqual([{ cardId: deficit.id, claim: deficit.claim }]);

    // Restored, the card is on the board again: the next version counts it there.
    const restored = await request(
      server.url,
      'POST',
      `/api/boards/${id}/cards/${deficit.id}/restore`,
      { token: made.body.leadToken },
    );
    expect(restored.status).toBe(201);
    const third = await postTo(`${corrected}\n\nExports fell 8 percent in 2024, the bank said.`);
    expect(third.body.deletedBefore).toEqual([]);
    expect(third.body.alreadyOnBoard).toBe(cards.length + fresh.length - 1);
  });

  it('proposes again the claims whose cards went with their article’s removal (a wrong paste)', async () => {
    const made = await request(server.url, 'POST', '/api/boards', { json: { title: 'Removed' } });
    const id = made.body.id as string;
    const postTo = (text: string) =>
      request(server.url, 'POST', `/api/boards/${id}/articles`, {
        token: made.body.leadToken,
        json: { text },
      });
    const wrong = await postTo(ARTICLE);
    const lead = { id: 'inv-lea', name: 'Lea' };
    await server.syncServer.change(id, lead, (doc) =>
      removeArticle(doc, wrong.body.articleId, { actor: lead }),
    );
    expect((await server.board(id)).cards).toEqual({});

    const right = await postTo(`${ARTICLE}\n\nRents rose 14 percent in 2023, the ministry said.`);
    expect(right.status).toBe(201);
    expect(right.body).toMatchObject({ deletedBefore: [], alreadyOnBoard: 0 });
    expect(right.body.cards.length).toBe(wrong.body.cards.length + 1);
  });

  it('makes cards of the 500 most check-worthy claims only, and says how many it found', async () => {
    // A paste of a whole report: hundreds of sentences with figures.
    const towns = ['Apopa', 'Izalco', 'Ilopango', 'Mariona', 'Usulután'];
    const text = Array.from(
      { length: 620 },
      (_, i) =>
        `The prison in ${towns[i % 5]} district ${i + 1} held ${1_000 + i * 7} inmates in ` +
        `${1990 + (i % 30)}, up ${(i % 40) + 2}% from the year before, the Ministry of Justice said.`,
    ).join('\n\n');
    const res = await post({ token: tokens.editor, json: { text } });
    expect(res.status).toBe(201);
    expect(res.body.found).toBeGreaterThan(500);
    expect(res.body.cards).toHaveLength(500);
    const board = await server.board(boardId);
    const made = Object.values(board.cards).filter(
      (card) => card.source?.articleId === res.body.articleId,
    );
    expect(made).toHaveLength(500);
    // The most check-worthy: ranks 1 to 500, none of the rest.
    expect(made.map((card) => card.extraction?.rank).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 500 }, (_, i) => i + 1),
    );
  });

  it('reads the same story with other line endings, blank space or accents as the same article', async () => {
    const story = [
      'Café prices rose 12 percent in 2024, the Coffee Board of Colombia said on Monday.',
      '',
      'Exports fell to 10.5 million bags, according to the National Federation.',
    ];
    const first = await post({ token: tokens.editor, json: { text: story.join('\r\n') } });
    expect(first.status).toBe(201);
    const before = Object.keys((await server.board(boardId)).cards).length;
    const variants = [
      story.join('\n'), // pasted into the dialog's text box: LF
      `\n${story.join('\n')}\n\n\n`, // copied with blank lines around it
      story.join('\n').normalize('NFD'), // "é" as e + combining accent
      story.join('\n\n\n'), // more blank lines between paragraphs
      story.filter(Boolean).join('\n'), // one line break between paragraphs
      story.map((l) => `${l}   `).join('\n'), // spaces at the ends of lines
      story.map((l) => (l ? `\t${l}` : l)).join('\n'), // paragraphs indented with a tab
      story.join('\n').replace('Coffee Board', 'Coffee\u00a0Board'), // a no-break space
    ];
    for (const text of variants) {
      const again = await post({ token: tokens.editor, json: { text } });
      expect(again.status).toBe(200);
      expect(again.body.articleId).toBe(first.body.articleId);
    }
    const raw = await post({
      token: tokens.editor,
      raw: Buffer.from(`\uFEFF${story.join('\r\n')}\r\n`),
      contentType: 'text/plain',
    });
    expect(raw.status).toBe(200);
    expect(raw.body.articleId).toBe(first.body.articleId);
    const board = await server.board(boardId);
    expect(Object.keys(board.cards).length).toBe(before);
    const article = board.articles.find((a) => a.id === first.body.articleId)!;
    expect(article.text).toBe(story.join('\n'));
    for (const card of first.body.cards as {
      source: { start: number; end: number; sentence: string };
    }[]) {
      expect(article.text.slice(card.source.start, card.source.end)).toBe(card.source.sentence);
    }
  });

  it('finds an article stored under the id of its exact text, as articles were before', async () => {
    const text = 'Ferry fares rose 6 percent in June, the port authority said on Monday.';
    const legacyId = `a${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 24)}`;
    const actor = { id: 'inv-old', name: 'Old import' };
    await server.syncServer.change(boardId, actor, (doc) =>
      addArticle(doc, { id: legacyId, title: 'Ferries', text }, { actor }),
    );
    const again = await post({ token: tokens.editor, json: { text } });
    expect(again.status).toBe(200);
    expect(again.body.articleId).toBe(legacyId);
    const board = await server.board(boardId);
    expect(board.articles.filter((a) => a.text === text)).toHaveLength(1);
  });

  it('the same text again with a link gives the article the link it lacked, and keeps its title', async () => {
    const text = 'Bus fares rose 8 percent in March, the transit authority said on Friday.';
    const first = await post({ token: tokens.editor, json: { text, title: 'Fares' } });
    expect(first.body).toMatchObject({ title: 'Fares', url: null });
    const linked = await post({
      token: tokens.editor,
      json: { text, title: 'Another title', url: 'https://example.org/fares' },
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({
      title: 'Fares',
      url: 'https://example.org/fares',
      linked: true,
    });
    // A link it already has is kept.
    const other = await post({
      token: tokens.lead,
      json: { text, url: 'https://example.org/elsewhere' },
    });
    expect(other.body).toMatchObject({ url: 'https://example.org/fares', linked: false });
    const board = await server.board(boardId);
    expect(board.articles.find((a) => a.id === first.body.articleId)).toMatchObject({
      title: 'Fares',
      url: 'https://example.org/fares',
    });
    const history = await request(server.url, 'GET', `/api/boards/${boardId}/history`, {
      token: tokens.lead,
    });
    const linkedEvents = history.body.events.filter(
      (e: { type: string }) => e.type === 'article.linked',
    );
    expect(linkedEvents).toHaveLength(1);
    expect(linkedEvents[0]).toMatchObject({
      actor: { name: 'editor' },
      data: { articleId: first.body.articleId, title: 'Fares', url: 'https://example.org/fares' },
    });
  });

  it('accepts HTML as JSON and as a raw text/html body', async () => {
    const html =
      '<html><head><title>Port traffic | Example</title></head><body><nav>Home &gt; News</nav>' +
      '<article><h1>Port traffic grows</h1><p>Container traffic at the port grew by 14 percent in 2024, the port authority said.</p>' +
      '<p>The authority expects 2.5 million containers in 2025, said director John Smith.</p></article></body></html>';
    const asJson = await post({ token: tokens.editor, json: { html } });
    expect(asJson.status).toBe(201);
    expect(asJson.body.title).toBe('Port traffic grows');
    expect(asJson.body.cards.length).toBeGreaterThan(0);
    const board = await server.board(boardId);
    const stored = board.articles.find((a) => a.id === asJson.body.articleId)!;
    expect(stored.text).not.toContain('<p>');

    const raw = await post({
      token: tokens.editor,
      raw: html,
      contentType: 'text/html; charset=utf-8',
    });
    expect(raw.status).toBe(200); // the same reduced text: already on the board
    expect(raw.body.articleId).toBe(asJson.body.articleId);
  });

  it('reads a Markdown file as its text: no **, > or list markers in claims or speakers', async () => {
    const markdown = [
      '# Egg prices keep climbing',
      '',
      'Egg prices rose **38 percent** in the past year, the *Labor Department* said.',
      '',
      '> "We lost 40 million hens to avian flu in 2022," said farmer Ana Ruiz.',
      '',
      '- Cal-Maine Foods reported [record profits](https://example.org/cal) of $1.2 billion in 2023.',
      '1. The company sold 1.1 billion dozen eggs, according to its `annual report`.',
    ].join('\n');
    const res = await request(server.url, 'POST', `/api/boards/${boardId}/articles`, {
      token: tokens.editor,
      raw: markdown,
      contentType: 'text/markdown',
    });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('Egg prices keep climbing');
    const cards = res.body.cards as { claim: string; speaker: string | null }[];
    expect(cards.length).toBeGreaterThanOrEqual(3);
    for (const c of cards) {
      expect(`${c.claim} ${c.speaker ?? ''}`).not.toMatch(/\*|^[>-]|\s[>-]\s|\[|\]\(|`/);
    }
    expect(cards.map((c) => [c.claim, c.speaker])).toContainEqual([
      'Egg prices rose 38 percent in the past year.',
      'Labor Department',
    ]);
    const board = await server.board(boardId);
    const stored = board.articles.find((a) => a.id === res.body.articleId)!;
    expect(stored.text).not.toContain('**');
    expect(stored.text).toContain(
      'Cal-Maine Foods reported record profits of $1.2 billion in 2023.',
    );
  });

  it('accepts a raw text/plain body with title and url in the query', async () => {
    const text = 'Wheat exports doubled to 8 million tonnes in 2022, the ministry said on Friday.';
    const res = await request(
      server.url,
      'POST',
      `/api/boards/${boardId}/articles?title=Wheat&url=${encodeURIComponent('https://example.org/w')}`,
      { token: tokens.editor, raw: text, contentType: 'text/plain' },
    );
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('Wheat');
    const board = await server.board(boardId);
    expect(board.articles.find((a) => a.id === res.body.articleId)?.url).toBe(
      'https://example.org/w',
    );
  });

  it('400 empty_article for empty or blank text', async () => {
    for (const text of ['', '   \n  ', '   \u200b ', '\u200b\u200c\u2060\ufeff']) {
      const res = await post({ token: tokens.editor, json: { text } });
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('empty_article');
    }
  });

  it('takes the headline, not a title that shows nothing', async () => {
    const text = 'Rice exports fell to 2 million tonnes in 2021, the ministry said on Monday.';
    const res = await post({ token: tokens.editor, json: { title: ' \u200b ', text } });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe(text);
  });

  it('400 invalid_input for a body that is neither text nor html, or a bad url', async () => {
    for (const json of [
      {},
      { text: 'x', html: 'y' },
      { text: 'A fine sentence here.', url: 'javascript:alert(1)' },
      { text: 'A fine sentence here.', titel: 'A misspelt key' },
    ]) {
      const res = await post({ token: tokens.editor, json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(errorCode(res)).toBe('invalid_input');
    }
  });

  it('413 article_too_large over 1 MB, however large the body, pasted or as a file; nothing stored', async () => {
    const before = await server.board(boardId);
    const story = 'Prices rose 5 percent in 2023, the bank said. ';
    const big = story.repeat(22_000); // ~1.01 MB: read, then refused by the article limit
    // ~5 MB: past the 2 MiB request limit, refused before it is read, said as the article's.
    const huge = story.repeat(110_000);
    for (const body of [
      { json: { text: big } },
      { json: { text: huge } },
      { json: { html: `<p>${huge}</p>` } },
      { raw: huge, contentType: 'text/plain' },
      { raw: huge, contentType: 'text/markdown' },
      { raw: `<p>${huge}</p>`, contentType: 'text/html' },
    ]) {
      const what = `${'json' in body ? 'JSON' : body.contentType} of ${JSON.stringify(body).length}`;
      const res = await post({ token: tokens.editor, ...body });
      expect(res.status, what).toBe(413);
      expect(errorCode(res), what).toBe('article_too_large');
      expect(res.body.error.message, what).toBe(
        'The article is larger than 1 MB: import it in parts, or paste only the story.',
      );
    }
    const after = await server.board(boardId);
    expect(after.articles).toEqual(before.articles);
    expect(after.cards).toEqual(before.cards);
  });

  it('415 for binary content or a non-text content type', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
    ]);
    const binary = await post({
      token: tokens.editor,
      raw: png,
      contentType: 'application/octet-stream',
    });
    expect(binary.status).toBe(415);
    expect(errorCode(binary)).toBe('binary_content');
    const image = await post({ token: tokens.editor, raw: png, contentType: 'image/png' });
    expect(image.status).toBe(415);
    const controls = await post({
      token: tokens.editor,
      json: { text: 'abc\u0000\u0001\u0002def' },
    });
    expect(controls.status).toBe(415);
  });

  it.each(['reviewer', 'viewer'])('refuses a %s with 403 and changes nothing', async (role) => {
    const before = Object.keys((await server.board(boardId)).cards).length;
    const res = await post({
      token: tokens[role],
      json: { text: 'Exports rose 7 percent in 2021, the statistics office said.' },
    });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('forbidden');
    expect(Object.keys((await server.board(boardId)).cards).length).toBe(before);
  });
});
