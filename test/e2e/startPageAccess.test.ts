/**
 * The start page's "Your boards" lists each board as this browser last learnt of it (QA15
 * finding 5): once a board page has been refused because the invite was revoked, the board is
 * no longer listed under the invite's old role, and a role a lead changed shows as the new
 * one; a start page open in another tab follows without a reload. The board opened last heads
 * the list.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { announced, openBoard, REVOKED_PILL, status } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('the start page after a revoke or a role change', () => {
  const { server, browser } = useBoardBrowser();
  const contexts: BrowserContext[] = [];

  /** The board's entry in "Your boards", as one line of text. */
  const entry = (page: Page, title: string) =>
    page
      .getByRole('region', { name: 'Your boards' })
      .getByRole('listitem')
      .filter({ hasText: title });
  const entryText = async (page: Page, title: string) =>
    ((await entry(page, title).textContent()) ?? '').replace(/\s+/g, ' ');

  async function eddieOn(title: string) {
    const board = await server.createBoard(title, 'Lea');
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await openBoard(page, await server.invite(board, 'Eddie', 'editor'));
    return { board, context, page };
  }

  it('a board whose invite was refused as revoked is no longer listed as Editor', async () => {
    const { board, context, page } = await eddieOn('Revoked while away');
    await page.close();
    await server.revoke(board, 'Eddie');

    // Before any page of it was refused, this browser cannot know: the role it had.
    const start = await context.newPage();
    await start.goto(`${server.url}/`);
    await entry(start, 'Revoked while away').waitFor();
    expect(await entryText(start, 'Revoked while away')).toContain('Editor');

    // Opened, the board is refused (its page says so, over the board this browser kept or
    // without it): the start page, open meanwhile in another tab, follows.
    const again = await context.newPage();
    await again.goto(`${server.url}/b/${board.id}`);
    await again
      .getByRole('heading', { level: 1, name: 'This invite no longer opens the board' })
      .or(again.getByText(/^(Your invite is no longer valid|Lea \(lead\) revoked your invite at)/))
      .first()
      .waitFor();
    await expect
      .poll(() => entryText(start, 'Revoked while away'))
      .toContain('Invite no longer valid');
    expect(await entryText(start, 'Revoked while away')).not.toContain('Editor');

    // And on a fresh load, with the way to forget it.
    await again.goto(`${server.url}/`);
    await entry(again, 'Revoked while away').waitFor();
    expect(await entryText(again, 'Revoked while away')).toContain('Invite no longer valid');
    again.on('dialog', (prompt) => void prompt.accept());
    await entry(again, 'Revoked while away')
      .getByRole('button', { name: /^Forget/ })
      .click();
    await entry(again, 'Revoked while away').waitFor({ state: 'detached' });
  }, 60_000);

  it('a board page refused while open marks the board; a new invite lists it again', async () => {
    const { board, context, page } = await eddieOn('Revoked while open');
    await server.revoke(board, 'Eddie');
    await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toMatch(REVOKED_PILL);
    const start = await context.newPage();
    await start.goto(`${server.url}/`);
    await entry(start, 'Revoked while open').waitFor();
    expect(await entryText(start, 'Revoked while open')).toContain('Invite no longer valid');

    await openBoard(page, await server.invite(board, 'Eddie', 'reviewer'));
    await expect.poll(() => entryText(start, 'Revoked while open')).toContain('Reviewer');
    expect(await entryText(start, 'Revoked while open')).not.toContain('no longer valid');
  }, 60_000);

  it('a role a lead changed, learnt by the board page, is the role listed', async () => {
    const { board, context, page } = await eddieOn('Demoted');
    const start = await context.newPage();
    await start.goto(`${server.url}/`);
    await entry(start, 'Demoted').waitFor();
    expect(await entryText(start, 'Demoted')).toContain('Editor');
    await server.changeRole(board, 'Eddie', 'reviewer');
    await expect.poll(() => announced(page)).toContain('changed your role to Reviewer');
    await expect.poll(() => entryText(start, 'Demoted')).toContain('Reviewer');
    await start.reload();
    await entry(start, 'Demoted').waitFor();
    expect(await entryText(start, 'Demoted')).toContain('Reviewer');
  }, 60_000);

  it('Forget asks a lead to keep their link first, and forgets nothing when they decline', async () => {
    const board = await server.createBoard('Led from here', 'Lea');
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await openBoard(page, await server.invite(board, 'Lou', 'lead'));
    await page.goto(`${server.url}/`);
    const asked: string[] = [];
    page.on('dialog', (prompt) => {
      asked.push(prompt.message());
      void prompt.dismiss();
    });
    await entry(page, 'Led from here')
      .getByRole('button', { name: /^Forget/ })
      .click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe(
      'Forget “Led from here”? This browser loses its invite and any change not yet saved on the server. You lead this board: keep your link first (on the board, your role’s badge, then Copy your link), or it may be left with no lead.',
    );
    await page.reload();
    await entry(page, 'Led from here').waitFor();
  });

  it('boards of one title are told apart by when this browser added them (QA: an imported copy beside its original)', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    for (const round of [1, 2]) {
      const board = await server.createBoard('Twin title', 'Lea');
      // A second apart at least, so the two never read alike, even to the second.
      if (round === 2) await page.waitForTimeout(1_100);
      await openBoard(page, await server.invite(board, 'Eddie', 'editor'));
    }
    await page.goto(`${server.url}/`);
    const twins = entry(page, 'Twin title');
    await expect.poll(() => twins.count()).toBe(2);
    const links = await twins.getByRole('link').allTextContents();
    const forgets = await twins
      .getByRole('button', { name: /^Forget Twin title/ })
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    for (const text of [...links, ...forgets]) expect(text).toMatch(/Twin title \(added .+\)$/);
    expect(new Set(links).size).toBe(2);
    expect(new Set(forgets).size).toBe(2);
  }, 60_000);

  it('the board opened last is listed first, not the one added last (QA50c)', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    for (const title of ['Opened first', 'Opened second', 'Opened third']) {
      const board = await server.createBoard(title, 'Lea');
      await openBoard(page, await server.invite(board, 'Eddie', 'editor'));
    }
    const titles = () =>
      page.getByRole('region', { name: 'Your boards' }).getByRole('link').allTextContents();
    await page.goto(`${server.url}/`);
    await expect.poll(titles).toEqual(['Opened third', 'Opened second', 'Opened first']);

    // Back to the first from the list, then back to the list: it heads it.
    await page.getByRole('link', { name: 'Opened first' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opened first' }).waitFor();
    await page.getByRole('link', { name: /Boards/ }).click();
    await expect.poll(titles).toEqual(['Opened first', 'Opened third', 'Opened second']);
  }, 30_000);
});
