/**
 * From article to cards in the browser (issue 5): an editor imports the seed article through
 * the "Import article" dialog, its claims appear in Unverified with their speakers, the
 * article view highlights the sentences that became cards and opens them, and a sentence or
 * a selected passage without a card becomes one. Built app, real server, headless Chromium.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/extractArticle';
import { chromiumAvailable } from '../helpers/browser';
import { card, expectCardIn, openCard } from './support/boardPage';
import { afterFailedTest } from './support/afterFailedTest';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const SEED_FILE = new URL('../fixtures/seed/000_90c871332769486b.txt', import.meta.url);
const SEED = readFileSync(SEED_FILE, 'utf8');
// What the server will propose: the same pipeline, run here.
const EXPECTED = extractArticle({ body: SEED, contentType: 'text/plain' }).claims;

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('importing an article in the browser', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let editorUrl: string;
  let page: Page;

  const exported = () => server.exportJson(board);
  const dialog = () => page.getByRole('dialog', { name: 'Import article' });
  const articleView = () => page.getByRole('region', { name: 'Article view' });

  beforeAll(async () => {
    board = await server.createBoard('Prison watch', 'Ana');
    editorUrl = await server.invite(board, 'Ed', 'editor');
    page = await openBoardPage(browser, editorUrl);
  }, 120_000);

  // A test that failed may leave its dialog open over the board: the tests after it get a
  // fresh page on the same board, which keeps what they build on (CI, on a loaded machine: the
  // first test's 2.4 MB paste timed out, and the eleven after it failed on its open dialog).
  afterFailedTest(async () => {
    await page.context().close();
    page = await openBoardPage(browser, editorUrl);
  });

  // Its own budget: the 2.4 MB text and file and the four refusals after them took more than
  // the default 30 s on two loaded cores.
  it("shows the server's refusals in the dialog", async () => {
    await page.getByRole('button', { name: 'Import article' }).click();
    await dialog().waitFor();
    // Focus starts in the dialog, on the text field.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('id') ?? ''))
      .toBe(await dialog().getByRole('textbox', { name: 'Article text' }).getAttribute('id'));

    // The result's status region is there, empty, before there is a result: one that appears
    // already holding its text is often not read.
    expect(await dialog().getByRole('status').textContent()).toBe('');
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog().getByRole('alert').textContent()).toMatch(/Paste the article/);

    // Text past the article limit that reaches the field other than by a paste (the paste's
    // own refusal: importPasteLimit.test): the field's value set and one input event, which
    // React reads as a change, is undone, and said; laid out, 2.4 MB kept the page busy for
    // seconds (native work, not the app's script).
    const big = 'Crime fell. '.repeat(200_000);
    await dialog()
      .getByRole('textbox', { name: 'Article text' })
      .evaluate((field: HTMLTextAreaElement, text) => {
        const setValue = Object.getOwnPropertyDescriptor(
          HTMLTextAreaElement.prototype,
          'value',
        )?.set;
        setValue?.call(field, text);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }, big);
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toBe(
        'The article text would be 2.4 MB; an article can be at most 1 MB: paste only the story, or import it in parts.',
      );
    expect(await dialog().getByRole('textbox', { name: 'Article text' }).inputValue()).toBe('');

    // 413 before the article is read (a file over the request limit): the article's limit.
    await dialog()
      .getByLabel('Or a file (.txt, .md, .html)')
      .setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toBe('The article is larger than 1 MB: import it in parts, or paste only the story.');
    await dialog().getByRole('button', { name: 'Remove file' }).click();

    // 415: a binary file.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]);
    await dialog()
      .getByLabel('Or a file (.txt, .md, .html)')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toMatch(/not a text article|binary/i);
    await dialog().getByRole('button', { name: 'Remove file' }).click();

    // 400: a source URL that is not http(s), named by its label.
    await dialog().getByRole('textbox', { name: 'Article text' }).fill('Crime fell 40% in 2023.');
    await dialog()
      .getByRole('textbox', { name: 'Source URL (optional)' })
      .fill('ftp://example.org/a');
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog().getByRole('alert').textContent()).toMatch(/^Source URL: /);
    expect((await exported()).articles).toHaveLength(0);

    // Escape with an article pasted asks first; Escape again keeps it.
    await page.keyboard.press('Escape');
    const ask = dialog().getByRole('alertdialog', { name: 'Close without saving?' });
    expect(await ask.textContent()).toContain('the article text; the title and source URL');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await dialog().getByRole('textbox', { name: 'Article text' }).inputValue()).toBe(
      'Crime fell 40% in 2023.',
    );
    await page.keyboard.press('Escape');
    await ask.getByRole('button', { name: 'Discard and close' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    // Focus goes back to the button that opened the dialog.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Import article');
  }, 120_000);

  it('imports the seed article from a file: its claims become cards in Unverified, with speakers', async () => {
    await page.getByRole('button', { name: 'Import article' }).click();
    await dialog()
      .getByLabel('Or a file (.txt, .md, .html)')
      .setInputFiles({ name: 'prisons.txt', mimeType: 'text/plain', buffer: Buffer.from(SEED) });
    await dialog()
      .getByRole('textbox', { name: 'Source URL (optional)' })
      // As copied from a browser's bar, without its scheme: a web page all the same.
      .fill('insightcrime.org/');
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog().getByRole('status').textContent(), { timeout: 15_000 })
      .toBe(`${EXPECTED.length} claims became cards in Unverified.`);
    expect(EXPECTED.length).toBeGreaterThanOrEqual(15);

    await page
      .getByRole('region', { name: `Unverified ${EXPECTED.length} cards`, exact: true })
      .waitFor();
    // The most check-worthy claims come first; the first attributed one shows its speaker.
    const attributed = EXPECTED.slice(0, 5).find((c) => c.speaker)!;
    await expectCardIn(page, attributed.claim, 'Unverified');
    expect(await card(page, attributed.claim).textContent()).toContain(attributed.speaker);

    const { articles, cards } = await exported();
    expect(articles).toHaveLength(1);
    expect(articles[0]!.url).toBe('https://insightcrime.org/');
    expect(cards).toHaveLength(EXPECTED.length);
    expect(cards.filter((c) => c.speaker).length).toBe(EXPECTED.filter((c) => c.speaker).length);
    for (const c of cards) {
      expect(articles[0]!.text.slice(c.source!.start, c.source!.end)).toBe(c.source!.sentence);
    }
  });

  it('the article view highlights the sentences that became cards and opens their cards', async () => {
    await dialog().getByRole('button', { name: 'Show the article' }).click();
    await articleView().waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Article view');
    const view = articleView();
    expect(await view.getByRole('heading', { level: 3 }).textContent()).toContain(
      'Fired El Salvador Prison Workers',
    );
    expect(await view.locator('.seg-card').count()).toBe(EXPECTED.length);
    // Furniture is hidden until asked for.
    expect(await view.getByText('share icon icon icon').count()).toBe(0);

    const best = EXPECTED[0]!;
    await view.getByRole('button', { name: best.sentence, exact: true }).click();
    const detail = page.getByRole('dialog', { name: best.claim });
    await detail.waitFor();
    expect(await detail.getByRole('region', { name: 'Check-worthiness' }).textContent()).toMatch(
      /Rank 1 of \d+/,
    );
    await detail.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => detail.count()).toBe(0);

    // By keyboard: one tab stop in the text, arrows between sentences, Enter opens.
    const inTextOrder = [...EXPECTED].sort((a, b) => a.start - b.start);
    await view.getByRole('button', { name: inTextOrder[0]!.sentence, exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const next = page.getByRole('dialog', { name: inTextOrder[1]!.claim });
    await next.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => next.count()).toBe(0);
  });

  it('an editor makes a card of a sentence that has none', async () => {
    const view = articleView();
    await view.getByRole('button', { name: 'InSight Crime Analysis', exact: true }).click();
    const form = view.getByRole('form', { name: 'New card from this passage' });
    await form.waitFor();
    expect(await form.getByRole('textbox', { name: 'Claim' }).inputValue()).toBe(
      'InSight Crime Analysis',
    );
    await form.getByRole('button', { name: 'Create card' }).click();
    // The column is virtualised: the search brings the 23rd card into view.
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('InSight Crime Analysis');
    await expectCardIn(page, 'InSight Crime Analysis', 'Unverified');
    await expect.poll(() => view.locator('.seg-card').count()).toBe(EXPECTED.length + 1);
  });

  it('and of a passage selected in text the clean-up had set aside', async () => {
    const view = articleView();
    await view.getByRole('checkbox', { name: /^Show page furniture/ }).check();
    const passage =
      'This week InSight Crime investigators Sara García and María Fernanda Ramírez led a discussion';
    await page.evaluate((wanted) => {
      const piece = [...document.querySelectorAll('.article-furniture [data-start]')].find((el) =>
        el.textContent?.includes(wanted),
      )!;
      const node = piece.firstChild!;
      const at = node.textContent!.indexOf(wanted);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, passage);
    const make = view.getByRole('button', { name: 'Make a card of the selected text' });
    await expect.poll(() => make.isEnabled()).toBe(true);
    await make.click();
    await view
      .getByRole('form', { name: 'New card from this passage' })
      .getByRole('button', { name: 'Create card' })
      .click();
    await page.getByRole('searchbox', { name: 'Search cards' }).fill(passage);
    await expectCardIn(page, passage, 'Unverified');

    await expect
      .poll(async () => (await exported()).cards.find((c) => c.claim === passage)?.source ?? null)
      .not.toBeNull();
    const { articles, cards } = await exported();
    const made = cards.find((c) => c.claim === passage)!;
    expect(articles[0]!.text.slice(made.source!.start, made.source!.end)).toBe(passage);
    expect(made.source!.sentence).toBe(passage);
  });

  it('from the keyboard alone, a card quotes only part of a sentence', async () => {
    const view = articleView();
    // Every sentence of the seed has a card by now: a second article, in French, gets none
    // (extraction does not propose claims in French).
    const res = await fetch(`${server.url}/api/boards/${board.id}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.leadToken}` },
      body: JSON.stringify({
        title: 'Nota',
        text: "Le comité s'est réuni mardi après-midi. Les membres ont parlé pendant des heures.",
      }),
    });
    expect(res.status).toBe(201);
    await view.getByRole('combobox', { name: 'Article' }).selectOption({ label: 'Nota' });
    const sentence = view.locator('.seg-sentence').first();
    const full = (await sentence.textContent())!;
    await sentence.focus();
    await page.keyboard.press('Enter');
    const form = view.getByRole('form', { name: 'New card from this passage' });
    const box = form.getByRole('textbox', { name: 'Source passage' });
    await box.focus();
    // The passage is not editable: typing and deleting change nothing.
    await page.keyboard.type('xyz');
    await page.keyboard.press('Backspace');
    expect(await box.inputValue()).toBe(full.trim());
    // Select the second word onwards, to the end: Home, past the first word, then Shift+End.
    const firstWord = full.trim().split(/\s+/)[0]!;
    await page.keyboard.press('Home');
    for (let i = 0; i <= firstWord.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+End');
    const keep = form.getByRole('button', { name: 'Keep only the selected part' });
    await expect.poll(() => keep.isEnabled()).toBe(true);
    expect(await box.getAttribute('aria-readonly')).toBe('true');
    await keep.focus();
    await page.keyboard.press('Enter');

    const part = full.trim().slice(firstWord.length).trim();
    await expect
      .poll(() =>
        view
          .getByRole('form', { name: 'New card from this passage' })
          .getByRole('textbox', { name: 'Source passage' })
          .inputValue(),
      )
      .toBe(part);
    await view.getByRole('button', { name: 'Create card' }).focus();
    await page.keyboard.press('Enter');

    await expect
      .poll(async () => (await exported()).cards.find((c) => c.source?.sentence === part) ?? null)
      .not.toBeNull();
    const { articles, cards } = await exported();
    const made = cards.find((c) => c.source?.sentence === part)!;
    const nota = articles.find((a) => a.id === made.source!.articleId)!;
    expect(nota.text.slice(made.source!.start, made.source!.end)).toBe(part);
    expect(made.claim).toBe(part);
  });

  it("every speaker field suggests the board's speakers, one spelling per person", async () => {
    // After the article view's tests: nothing may stay open over the board.
    while ((await page.getByRole('dialog').count()) > 0) await page.keyboard.press('Escape');
    const { cards } = await exported();
    const speakers = [...new Set(cards.flatMap((c) => (c.speaker ? [c.speaker] : [])))].sort();
    // "Treasury said …" is the US Treasury Department the article names before it.
    expect(speakers).toContain('US Treasury Department');
    expect(speakers).not.toContain('Treasury');
    const suggested = (field: Locator) =>
      field.evaluate((el: HTMLInputElement) =>
        [...(el.list?.options ?? [])].map((o) => o.value).sort(),
      );
    expect(await suggested(page.getByRole('combobox', { name: 'Who said it' }))).toEqual(speakers);
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('');
    const detail = await openCard(page, EXPECTED[0]!.claim);
    expect(await suggested(detail.getByRole('combobox', { name: 'Speaker', exact: true }))).toEqual(
      speakers,
    );
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await detail.waitFor({ state: 'detached' });
  });

  it('an import that makes no cards says why, and the article is there to make them by hand', async () => {
    await page.getByRole('button', { name: 'Import article' }).click();
    await dialog()
      .getByRole('textbox', { name: 'Article text' })
      .fill(
        'Le gouvernement a annoncé mardi que le nombre de détenus a dépassé les 110 000 ' +
          'personnes, selon les chiffres du ministère de la Justice.',
      );
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog().getByRole('status').textContent())
      .toMatch(/^No cards were made: this article does not read as English or Spanish.*make cards/);
    await dialog().getByRole('button', { name: 'Show the article' }).click();
    await expect
      .poll(() => articleView().locator('.seg-sentence').first().textContent())
      .toMatch(/^Le gouvernement a annoncé/);
  });

  it('the activity feed shows an import as one entry that lists its cards on demand', async () => {
    // One side panel at a time: the Activity panel takes the article view's place and focus.
    if ((await articleView().count()) === 0) {
      await page.getByRole('button', { name: 'Article view' }).click();
    }
    await articleView().waitFor();
    await page.getByRole('button', { name: 'Activity' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Activity');
    await expect.poll(() => articleView().count()).toBe(0);
    const feed = page.getByRole('list', { name: 'Board activity, newest first' });
    const entry = feed
      .getByRole('listitem')
      .filter({ hasText: /^Ed imported the article “[^”]+” and added its \d+ cards/ });
    await expect
      .poll(() => entry.locator('p').first().textContent())
      .toMatch(new RegExp(`and added its ${EXPECTED.length} cards to Unverified$`));
    // None of those cards has an entry of its own (the cards made by hand above do).
    const own = feed.getByRole('listitem').filter({ hasText: /added the card to Unverified/ });
    expect(await own.count()).toBeGreaterThan(0);
    expect(await own.filter({ hasText: EXPECTED[0]!.claim }).count()).toBe(0);
    const show = entry.getByRole('button', { name: `Cards added (${EXPECTED.length})` });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    expect(await show.getAttribute('aria-expanded')).toBe('true');
    const listed = entry.getByRole('list').getByRole('button');
    await expect.poll(() => listed.count()).toBe(EXPECTED.length);
    await listed.filter({ hasText: EXPECTED[0]!.claim }).click();
    await page.getByRole('dialog', { name: EXPECTED[0]!.claim }).waitFor();
  });

  it('on a board of several articles, the cards of one article are a filter away', async () => {
    while ((await page.getByRole('dialog').count()) > 0) await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Close activity' }).click();
    const { articles, cards } = await exported();
    const nota = articles.find((a) => a.text.startsWith("Le comité s'est réuni"))!;
    const fromNota = cards.filter((c) => c.source?.articleId === nota.id);
    expect(fromNota).toHaveLength(1);
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('');
    await page.getByRole('combobox', { name: 'Filter by article' }).selectOption({ label: 'Nota' });
    await expect
      .poll(() =>
        page.getByRole('search', { name: 'Filter cards' }).getByRole('status').textContent(),
      )
      .toBe(`1 of ${cards.length} cards`);
    await expectCardIn(page, fromNota[0]!.claim, 'Unverified');
    expect(await page.locator('[data-card-id]').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('[data-card-id]').count()).toBeGreaterThan(1);
  });

  it("a Spanish article's text and its cards' claims, on the board and in Activity, say they are Spanish, for screen readers", async () => {
    const text = readFileSync(
      new URL('../fixtures/articles/honduras-carceles.es.txt', import.meta.url),
      'utf8',
    );
    const res = await fetch(`${server.url}/api/boards/${board.id}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.leadToken}` },
      body: JSON.stringify({ text }),
    });
    const { language, cards } = (await res.json()) as {
      language: string;
      cards: { id: string; claim: string }[];
    };
    expect(language).toBe('es');
    // The columns render only the cards in view: search brings each into it.
    const search = page.getByRole('searchbox', { name: 'Search cards' });
    await search.fill(cards[0]!.claim);
    const spanish = page.locator(`[data-card-id="${cards[0]!.id}"] .claim`);
    await expect.poll(() => spanish.getAttribute('lang')).toBe('es');
    // English claims keep the page's language.
    await search.fill(EXPECTED[0]!.claim);
    expect(await card(page, EXPECTED[0]!.claim).locator('.claim').getAttribute('lang')).toBeNull();
    await search.fill(cards[0]!.claim);
    const detail = await openCard(page, cards[0]!.claim);
    expect(await detail.locator('blockquote').getAttribute('lang')).toBe('es');
    expect(
      await detail.getByRole('heading', { level: 2 }).locator('span').getAttribute('lang'),
    ).toBe('es');
    // A comment gives the card a group of its own in Activity, headed by its claim.
    await detail.getByRole('textbox', { name: 'New comment' }).fill('¿Quién lo confirmó?');
    await detail.getByRole('button', { name: 'Post comment' }).click();
    await detail.getByRole('listitem', { name: /^Thread by / }).waitFor();
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await search.fill('');
    await page.getByRole('button', { name: 'Activity' }).click();
    const feed = page.getByRole('list', { name: 'Board activity, newest first' });
    const heading = feed.getByRole('heading', { level: 3, name: cards[0]!.claim });
    await expect.poll(() => heading.getByRole('button').getAttribute('lang')).toBe('es');
    // The English claims' headings keep the page's language (the French card's says unknown).
    const langs = await feed
      .locator('h3.activity-card')
      .evaluateAll((hs) => hs.map((h) => h.querySelector('[lang]')?.getAttribute('lang') ?? null));
    expect(langs.filter((l) => l === null).length).toBeGreaterThan(0);
    expect(langs.filter((l) => l === 'es')).toEqual(['es']);
    await page.getByRole('button', { name: 'Close activity' }).click();
    await page.getByRole('button', { name: 'Article view' }).click();
    await articleView().getByRole('combobox', { name: 'Article' }).selectOption({ index: 3 });
    await expect.poll(() => articleView().locator('.article-body').getAttribute('lang')).toBe('es');
  });

  it('a right-to-left passage in an article reads right to left, the rest left to right', async () => {
    const arabic = 'قال المتحدث باسم الوزارة إن عدد السجناء تجاوز 110 آلاف.';
    const text = `The ministry published new prison figures on Monday, officials said.\n\n${arabic}\n\nThe prison population rose 12 percent in 2024, the ministry said.`;
    const res = await fetch(`${server.url}/api/boards/${board.id}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.leadToken}` },
      body: JSON.stringify({ text, title: 'Two scripts' }),
    });
    expect(res.status).toBe(201);
    const view = articleView();
    await view.getByRole('combobox', { name: 'Article' }).selectOption({ label: 'Two scripts' });
    const direction = (passage: string) =>
      view
        .locator('.article-text p')
        .filter({ hasText: passage })
        .evaluate((el) => getComputedStyle(el).direction);
    await expect.poll(() => direction('قال المتحدث')).toBe('rtl');
    expect(await direction('The prison population rose')).toBe('ltr');
  });
});
