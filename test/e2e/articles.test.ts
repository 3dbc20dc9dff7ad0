/**
 * Articles on a board, in the browser: removing a wrong paste (and undoing that), telling two
 * articles of one headline apart, and going from a card to its passage in the article.
 * Built app, real server, headless Chromium, driven by role and accessible name.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { postJson } from '../helpers/restApi';
import { announced, card, expectCardIn, moveTo, openBoard, openCard } from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const WRONG =
  'Wrong article pasted by mistake. The company sold 3 million phones in 2024, its chief ' +
  'executive said. Its profit rose 12% to $4 billion, the annual report shows. ' +
  'The firm employs 45,000 people in 30 countries, according to its website.';
const RIGHT =
  'The city council approved a budget of $2.1 billion on Tuesday, the mayor said. ' +
  'Spending on police rises 6%, to $1.1 billion, according to the budget office.';

interface Imported {
  articleId: string;
  cards: { id: string; claim: string }[];
}

describe.skipIf(!RUN)('articles on a board', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let page: Page;
  let reviewerUrl: string;
  let right: Imported;

  const importArticle = (body: { title?: string; url?: string; text: string }) =>
    postJson<Imported>(`${server.url}/api/boards/${board.id}/articles`, body, board.leadToken);
  const notice = () => page.getByRole('group', { name: 'Notice' });
  const articleView = () => page.getByRole('region', { name: 'Article view' });
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  const openArticleView = async () => {
    if ((await articleView().count()) === 0) {
      await page.getByRole('button', { name: 'Article view' }).click();
    }
    await articleView().waitFor();
  };

  beforeAll(async () => {
    board = await server.createBoard('City desk', 'Ana');
    const editorUrl = await server.invite(board, 'Ed', 'editor');
    reviewerUrl = await server.invite(board, 'Rita', 'reviewer');
    page = await openBoardPage(browser, editorUrl);
  }, 120_000);

  describe('removing an article', () => {
    it('takes a wrong paste back with its untouched cards, keeps the worked-on one, and undoes', async () => {
      right = await importArticle({ title: 'Budget', text: RIGHT });
      const wrong = await importArticle({ title: 'Phones', text: WRONG });
      expect(wrong.cards.length).toBeGreaterThanOrEqual(3);
      const [worked, ...untouched] = wrong.cards as [Imported['cards'][0], ...Imported['cards']];
      await expectCardIn(page, worked.claim, 'Unverified');
      await moveTo(page, worked.claim, 'Corroborated');
      await expectCardIn(page, worked.claim, 'Corroborated');

      await openArticleView();
      await articleView()
        .getByRole('combobox', { name: 'Article' })
        .selectOption({ label: 'Phones' });
      const remove = articleView().getByRole('button', { name: 'Remove article…' });
      await remove.click();
      const confirm = page.getByRole('dialog', { name: 'Remove “Phones”?' });
      await confirm.waitFor();
      const text = await confirm.textContent();
      expect(text).toContain(`${untouched.length} cards its import proposed and nobody has`);
      // Its move, once: not again as an edit (QA20), nor counted as for several cards.
      expect(text).toContain(
        '1 card stays on the board, because someone worked on it (moved out of Unverified).',
      );
      // Focus starts on the harmless answer; Escape cancels and gives focus back.
      await expect.poll(focusedText).toBe('Cancel');
      await page.keyboard.press('Escape');
      await expect.poll(() => confirm.count()).toBe(0);
      await expect.poll(focusedText).toBe('Remove article…');

      await page.keyboard.press('Enter');
      await confirm.waitFor();
      await confirm.getByRole('button', { name: 'Remove article' }).click();
      await expect.poll(() => confirm.count()).toBe(0);
      await expect
        .poll(() => notice().textContent())
        .toMatch(/^Removed “Phones”: \d+ cards deleted, 1 kept/);
      // The panel shows the article left, its heading focused; no picker for one article.
      await expect.poll(focusedText).toBe('Budget');
      expect(await articleView().getByRole('combobox', { name: 'Article' }).count()).toBe(0);
      expect(await page.getByRole('combobox', { name: 'Filter by article' }).count()).toBe(0);
      for (const c of untouched) expect(await card(page, c.claim).count()).toBe(0);
      await expectCardIn(page, worked.claim, 'Corroborated');

      // The kept card still shows its quoted sentence, and says where it came from.
      const detail = await openCard(page, worked.claim);
      const source = detail.getByRole('region', { name: 'Source' });
      expect(await source.textContent()).toContain('From an article since removed from the board.');
      // Its rank, without a count of the claims its article proposed: they went with it.
      expect(await detail.getByRole('region', { name: 'Check-worthiness' }).textContent()).toMatch(
        /^Check-worthinessRank \d+ among the claims proposed from its article, since removed from the board \(/,
      );
      await page.keyboard.press('Escape');

      // Activity: one entry for the removal, with its counts.
      await page.getByRole('button', { name: 'Activity' }).click();
      const feed = page.getByRole('list', { name: 'Board activity, newest first' });
      await expect
        .poll(() => feed.getByRole('listitem').first().locator('p').first().textContent())
        .toBe(
          `Ed removed the article “Phones” and deleted ${untouched.length} cards nobody had ` +
            'worked on; 1 card someone worked on stayed',
        );
      await page.getByRole('button', { name: 'Close activity' }).click();

      // Undo brings the article and its cards back.
      await page.keyboard.press('Control+z');
      await expect
        .poll(() => notice().textContent())
        .toContain('Undone: the removal of the article.');
      for (const c of untouched) await expectCardIn(page, c.claim, 'Unverified');
      await expect
        .poll(() => page.getByRole('combobox', { name: 'Filter by article' }).count())
        .toBe(1);
    });

    it('gives focus to "Import article" when the last article goes with its Article view', async () => {
      const desk = await server.createBoard('Night desk', 'Nia');
      await postJson(
        `${server.url}/api/boards/${desk.id}/articles`,
        { title: 'Only one', text: RIGHT },
        desk.leadToken,
      );
      const lead = await openBoardPage(browser, desk.leadUrl);
      await lead.getByRole('button', { name: 'Article view' }).click();
      const view = lead.getByRole('region', { name: 'Article view' });
      await view.getByRole('button', { name: 'Remove article…' }).click();
      await lead
        .getByRole('dialog', { name: 'Remove “Only one”?' })
        .getByRole('button', { name: 'Remove article' })
        .click();
      // The header's "Article view" goes with it: focus is not left on the page's body.
      await expect.poll(() => lead.getByRole('button', { name: 'Article view' }).count()).toBe(0);
      await expect
        .poll(() => lead.evaluate(() => document.activeElement?.textContent ?? ''))
        .toBe('Import article');
      await lead.context().close();
    });

    it('is not offered to a reviewer', async () => {
      const reviewer = await (await browser.newContext()).newPage();
      await openBoard(reviewer, reviewerUrl);
      await reviewer.getByRole('button', { name: 'Article view' }).click();
      const view = reviewer.getByRole('region', { name: 'Article view' });
      await view.getByRole('heading', { level: 3 }).waitFor();
      expect(await view.getByRole('button', { name: 'Remove article…' }).count()).toBe(0);
      await reviewer.context().close();
    });
  });

  it('two articles of one headline read apart in the Article picker and the article filter', async () => {
    const text = 'Spending on parks rises 9%, to $80 million, the parks department said.';
    await importArticle({ title: 'Budget', url: 'https://www.tribune.example/budget', text });
    const optionsOf = (name: string) =>
      page.getByRole('combobox', { name, exact: true }).locator('option').allTextContents();
    await expect
      .poll(() => optionsOf('Filter by article'))
      .toEqual(['Any article', 'No article', 'Budget', 'Phones', 'Budget · tribune.example']);
    await openArticleView();
    expect(await optionsOf('Article')).toEqual(['Budget', 'Phones', 'Budget · tribune.example']);
    await articleView()
      .getByRole('combobox', { name: 'Article' })
      .selectOption({ label: 'Budget · tribune.example' });
    expect(await articleView().textContent()).toMatch(/Imported by Ana, .+\. 1 card comes from/);
    // And in Activity, which said "imported the article “Budget”" of both.
    await page.getByRole('button', { name: 'Activity' }).click();
    const feed = page.getByRole('list', { name: 'Board activity, newest first' });
    await expect
      .poll(() => feed.getByRole('listitem').first().locator('p').first().textContent())
      .toMatch(/^Ana imported the article “Budget · tribune\.example” and added its 1 card/);
    await page.getByRole('button', { name: 'Close activity' }).click();
  });

  it("a card's dialog goes to its sentence in the article, focused and highlighted, by keyboard", async () => {
    const target = right.cards[0]!;
    const { cards } = await server.exportJson(board);
    const sentence = cards.find((c) => c.id === target.id)!.source!.sentence;
    const detail = await openCard(page, target.claim);
    const show = detail.getByRole('button', { name: 'Show in the article' });
    await show.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => detail.count()).toBe(0);
    await articleView().waitFor();
    // The panel had shown another article: it turns to the card's.
    expect(await articleView().getByRole('combobox', { name: 'Article' }).inputValue()).toBe(
      right.articleId,
    );
    await expect.poll(focusedText).toBe(sentence);
    const focused = () =>
      page.evaluate(() => ({
        current: document.activeElement?.getAttribute('aria-current'),
        highlighted: document.activeElement?.classList.contains('seg-target'),
      }));
    expect(await focused()).toEqual({ current: 'location', highlighted: true });
    expect(await articleView().locator('[aria-current="location"]').count()).toBe(1);
    // Enter on it opens the card again, as on any highlighted passage.
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: target.claim }).waitFor();
    await page.keyboard.press('Escape');

    // With the panel closed, it opens on the passage (focus past the panel's own heading).
    await page.getByRole('button', { name: 'Close article view' }).click();
    await expect.poll(() => articleView().count()).toBe(0);
    await (
      await openCard(page, target.claim)
    )
      .getByRole('button', { name: 'Show in the article' })
      .click();
    await expect.poll(focusedText).toBe(sentence);
    expect(await focused()).toEqual({ current: 'location', highlighted: true });

    // Closed while it shows the card's passage, the view gives focus back to the card the
    // reader came from, not to the header's "Article view".
    await page.keyboard.press('Escape');
    await expect.poll(() => articleView().count()).toBe(0);
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.closest('[data-card-id]')?.getAttribute('data-card-id'),
        ),
      )
      .toBe(target.id);
  });

  it('a colleague’s removal of the article being read is said, not a silent turn to another', async () => {
    const desk = await server.createBoard('Copy desk', 'Nia');
    const post = (body: { title: string; url: string; text: string }) =>
      postJson(`${server.url}/api/boards/${desk.id}/articles`, body, desk.leadToken);
    // Two of one headline: the panel's heading alone would not tell the reader it changed.
    await post({ title: 'Budget', url: 'https://www.tribune.example/budget', text: RIGHT });
    await post({ title: 'Budget', url: 'https://news.example.org/budget', text: WRONG });
    const [lead, reader] = await Promise.all([
      openBoardPage(browser, desk.leadUrl),
      openBoardPage(browser, await server.invite(desk, 'Rea', 'reviewer')),
    ]);
    const viewOf = (p: Page) => p.getByRole('region', { name: 'Article view' });
    for (const p of [lead, reader]) {
      await p.getByRole('button', { name: 'Article view' }).click();
      await viewOf(p)
        .getByRole('combobox', { name: 'Article', exact: true })
        .selectOption({ label: 'Budget · tribune.example' });
    }
    await viewOf(lead).getByRole('button', { name: 'Remove article…' }).click();
    await lead
      .getByRole('dialog', { name: 'Remove “Budget · tribune.example”?' })
      .getByRole('button', { name: 'Remove article' })
      .click();

    const said = '“Budget · tribune.example”, which you were reading, was removed from the board.';
    await viewOf(reader).getByText(said).waitFor();
    expect(await viewOf(reader).textContent()).toContain('Source: https://news.example.org/budget');
    await expect.poll(() => announced(reader)).toBe(said);
    // The remover has their own notice ("Removed …"), not this one.
    expect(await viewOf(lead).textContent()).not.toContain('which you were reading');
    await Promise.all([lead.context().close(), reader.context().close()]);
  });

  it('a colleague’s import leaves the reader on the article they are reading', async () => {
    const desk = await server.createBoard('Late desk', 'Nia');
    const post = (body: { title: string; text: string }) =>
      postJson(`${server.url}/api/boards/${desk.id}/articles`, body, desk.leadToken);
    await post({ title: 'Budget', text: RIGHT });
    const reader = await openBoardPage(browser, await server.invite(desk, 'Ed', 'editor'));
    await reader.getByRole('button', { name: 'Article view' }).click();
    const view = reader.getByRole('region', { name: 'Article view' });
    const heading = view.getByRole('heading', { level: 3 });
    await expect.poll(() => heading.textContent()).toBe('Budget');
    // A passage selected to make a card of, as a colleague imports another article.
    await view.locator('.article-body').selectText();
    const make = view.getByRole('button', { name: 'Make a card of the selected text' });
    await expect.poll(() => make.isEnabled()).toBe(true);

    await post({ title: 'Phones', text: WRONG });
    const picker = view.getByRole('combobox', { name: 'Article', exact: true });
    await picker.waitFor();
    expect(await picker.locator('option:checked').textContent()).toBe('Budget');
    expect(await heading.textContent()).toBe('Budget');
    expect(await make.isEnabled()).toBe(true);
    await reader.context().close();
  });

  /** A new board with the article "Budget", read in Article view by Ned, an editor. */
  async function nedReadsBudget(title: string) {
    const desk = await server.createBoard(title, 'Nia');
    await postJson(
      `${server.url}/api/boards/${desk.id}/articles`,
      { title: 'Budget', text: RIGHT },
      desk.leadToken,
    );
    const editor = await openBoardPage(browser, await server.invite(desk, 'Ned', 'editor'));
    await editor.getByRole('button', { name: 'Article view' }).click();
    return { desk, editor, view: editor.getByRole('region', { name: 'Article view' }) };
  }

  it('a claim typed from a passage stays read-only to copy once the invite is revoked, and makes no card', async () => {
    const { desk, editor, view } = await nedReadsBudget('Sports desk');
    await view.locator('.article-body').selectText();
    await view.getByRole('button', { name: 'Make a card of the selected text' }).click();
    const form = view.getByRole('form', { name: 'New card from this passage' });
    const claim = form.getByRole('textbox', { name: 'Claim' });
    await claim.fill('The budget is $2.1 billion');

    await server.revoke(desk, 'Ned');
    await form
      .getByRole('alert')
      .getByText(/You can no longer make cards here \(Nia \(lead\) revoked your invite at [^)]+\)/)
      .waitFor();
    expect(await claim.inputValue()).toBe('The budget is $2.1 billion');
    expect(await claim.getAttribute('readonly')).not.toBeNull();
    expect(await form.getByRole('button', { name: 'Create card' }).count()).toBe(0);
    await editor.context().close();
  });

  it('“Remove article…” asked of an editor made a reviewer goes, and is not asked again by itself', async () => {
    const { desk, editor, view } = await nedReadsBudget('Weekend desk');
    await view.getByRole('button', { name: 'Remove article…' }).click();
    const question = editor.getByRole('dialog', { name: 'Remove “Budget”?' });
    await question.waitFor();

    await server.changeRole(desk, 'Ned', 'reviewer');
    await question.waitFor({ state: 'detached' });
    await server.changeRole(desk, 'Ned', 'editor');
    await view.getByRole('button', { name: 'Remove article…' }).waitFor();
    expect(await question.count()).toBe(0);
    await editor.context().close();
  });
});
