/**
 * A browser whose localStorage is full (another app of the origin, or years of use) still opens
 * a board from its invite link: the token it cannot store is kept in the page, which says so,
 * rather than main.tsx throwing before the first render and leaving a blank page. One that
 * fills up while the board is open says that what the page keeps for after a reload (lost-edit
 * notices, refused changes) lasts only until it is closed.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { addClaim, openBoard, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

/** Fills the origin's localStorage until not one more character fits. */
const fillStorage = (page: Page): Promise<number> =>
  page.evaluate(() => {
    let size = 1 << 20;
    let keys = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${keys}`, 'x'.repeat(size));
        keys += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return keys;
  });

describe.skipIf(!RUN)('localStorage full', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadToken: string; leadUrl: string };

  beforeAll(async () => {
    board = await server.createBoard('Full desk', 'Lea');
  }, 120_000);

  it('an invite link still opens the board, which says its invite is not kept', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/`);
    expect(await fillStorage(page)).toBeGreaterThan(0);

    await openBoard(page, await server.invite(board, 'Eddie', 'editor'));
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'board’s invite' }).textContent())
      .toBe(
        'This browser’s storage is full, so it could not keep this board’s invite: once this ' +
          'page is closed, open the invite link again to come back.',
      );
    await addClaim(page, 'The ferry carries 2,000 people a day');
    await waitSaved(page);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('storage that fills up while the board is open: the page says what it no longer keeps', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await openBoard(page, await server.invite(board, 'Bo', 'editor'));
    const banner = page.getByRole('status').filter({ hasText: 'storage is full' });
    expect(await banner.count()).toBe(0);

    await fillStorage(page);
    await addClaim(page, 'The bridge toll doubled in 2024');
    await waitSaved(page);
    await expect
      .poll(() => banner.textContent())
      .toBe(
        'This browser’s storage is full: notices of lost edits and changes the server ' +
          'refused are kept only until this page is closed.',
      );
    await page.context().close();
  }, 60_000);
});
