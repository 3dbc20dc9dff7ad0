/**
 * A browser whose localStorage is full (another app of the origin, or years of use) still opens
 * a board from its invite link: the token it cannot store is kept in the page, which says so,
 * rather than main.tsx throwing before the first render and leaving a blank page. One that
 * fills up while the board is open says that what the page keeps for after a reload (lost-edit
 * notices, refused changes) lasts only until it is closed, until space is freed and it is
 * stored again. The boards a full page keeps to itself are laid over the stored list, not a
 * copy of it: a board another tab stores meanwhile is listed there and survives the page's next
 * write.
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

  it('an invite link still opens the board, which says, in one line, its invite and notices are not kept', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/`);
    expect(await fillStorage(page)).toBeGreaterThan(0);

    await openBoard(page, await server.invite(board, 'Eddie', 'editor'));
    // Its whole text below: the page's own records may be refused already, or not yet.
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'board’s invite' }).count())
      .toBe(1);
    await addClaim(page, 'The ferry carries 2,000 people a day');
    await waitSaved(page);
    // What the page keeps for after a reload is refused too: one line tells both, not two.
    const full = page.getByRole('status').filter({ hasText: 'storage is full' });
    await expect
      .poll(() => full.allTextContents())
      .toEqual([
        'This browser’s storage is full, so it could not keep this board’s invite: once this ' +
          'page is closed, open the invite link again to come back. Notices of lost edits and ' +
          'changes the server refused are kept only until then too.',
      ]);
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

    // Space freed: the next save stores all the page held, so it is kept again.
    await page.evaluate(() => localStorage.clear());
    await addClaim(page, 'The tunnel closes at night');
    await waitSaved(page);
    await expect.poll(() => banner.count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('a board another tab stores meanwhile is listed, and the full page’s next write keeps it', async () => {
    const context = await browser.newContext();
    const full = await context.newPage();
    full.setDefaultTimeout(10_000);
    await full.goto(`${server.url}/`);
    await full.evaluate(() => localStorage.setItem('factboard.name', 'Lea'));
    await fillStorage(full);
    await openBoard(full, await server.invite(board, 'Ann', 'editor'));

    // Another tab frees some space and opens a second board: that one is stored.
    const other = await context.newPage();
    other.setDefaultTimeout(10_000);
    await other.goto(`${server.url}/`);
    await other.evaluate(() => localStorage.removeItem('filler-0'));
    const second = await server.createBoard('Second desk', 'Lea');
    await openBoard(other, await server.invite(second, 'Ann', 'editor'));

    await full.getByRole('link', { name: 'Boards' }).click();
    const listed = full.getByRole('region', { name: 'Your boards' }).getByRole('listitem');
    await expect.poll(() => listed.count()).toBe(2);
    expect((await listed.allTextContents()).join('|')).toContain('Second desk');
    const notKept = full.getByRole('status').filter({ hasText: 'list is not kept' });
    expect(await notKept.textContent()).toBe(
      'This browser’s storage is full, so this list is not kept in full: a board added, ' +
        'changed or forgotten on this page since is so only until the page is closed. This ' +
        'goes once the list can be stored again, at its next change.',
    );

    // The full page writes its list (a board created), now with room: all three are stored.
    await full.getByRole('textbox', { name: 'Board title' }).fill('Third desk');
    await full.getByRole('button', { name: 'Create board' }).click();
    await waitSaved(full);
    const stored = await full.evaluate(() =>
      Object.values(
        JSON.parse(localStorage.getItem('factboard.boards') ?? '{}') as Record<
          string,
          { title: string }
        >,
      )
        .map((b) => b.title)
        .sort(),
    );
    expect(stored).toEqual(['Full desk', 'Second desk', 'Third desk']);
    await full.getByRole('link', { name: 'Boards' }).click();
    await expect.poll(() => listed.count()).toBe(3);
    expect(await notKept.count()).toBe(0);
    await context.close();
  }, 90_000);
});
