/**
 * An editor used to importing a story from its link pastes only the link into "Import
 * article" (found by QA61: the address was stored as an article of one line, and the dialog
 * said only that it found no checkable claims). The dialog now says, before anything is sent,
 * that this is a web address and what to do instead; the address goes into Source URL when
 * that is empty (with https:// added to a bare domain), the text stays, nothing reaches the
 * server; a story pasted then imports as before. Built app, real server, headless Chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const ADDRESS = 'insightcrime.org/news/fired-el-salvador-prison-workers/';
const SAID =
  'This is a web address, not the article: Factboard does not open pages. Open it in your browser, copy the story’s text and paste it here, or save the page and choose the file.';

describe.skipIf(!RUN)('a web address pasted as the article', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let page: Page;
  const posted: string[] = [];

  const dialog = () => page.getByRole('dialog', { name: 'Import article' });
  const field = (name: string) => dialog().getByRole('textbox', { name });

  beforeAll(async () => {
    board = await server.createBoard('Links', 'Ana');
    page = await openBoardPage(browser, await server.invite(board, 'Ed', 'editor'));
    page.on('request', (req) => {
      if (req.url().includes('/articles')) posted.push(req.url());
    });
  }, 120_000);

  it('says what to do, moves the address to Source URL, and sends nothing', async () => {
    await page.getByRole('button', { name: 'Import article' }).click();
    await field('Article text').fill(`  ${ADDRESS}\n`);
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();

    await expect
      .poll(() => dialog().getByRole('alert').last().textContent())
      .toBe(`${SAID} The address is now in Source URL.`);
    expect(await field('Source URL (optional)').inputValue()).toBe(`https://${ADDRESS}`);
    expect(await field('Article text').inputValue()).toBe(`  ${ADDRESS}\n`);
    expect(await field('Article text').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(posted).toEqual([]);
    expect((await server.exportJson(board)).articles).toEqual([]);
  });

  it('a Source URL already typed is kept, and the story pasted then imports', async () => {
    await field('Source URL (optional)').fill('https://example.org/story');
    await field('Article text').fill('https://example.org/story');
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog().getByRole('alert').last().textContent()).toBe(SAID);
    expect(await field('Source URL (optional)').inputValue()).toBe('https://example.org/story');

    await field('Article text').fill(
      'The minister said unemployment fell to 4.1% in March, the lowest since 2008.',
    );
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await dialog().getByRole('button', { name: 'Done' }).waitFor();
    expect((await server.exportJson(board)).articles).toHaveLength(1);
  });
});
