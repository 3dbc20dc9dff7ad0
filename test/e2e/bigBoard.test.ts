/**
 * A board of 10,000 realistic cards in the browser: it opens, the columns render only the rows
 * on screen, scrolling reaches the last card, and a keyboard move works where most cards are
 * not in the DOM.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, type BrowserSession } from '../helpers/browser';
import { bigBoardUpdate } from './support/bigBoard';
import { column, waitSaved } from './support/boardPage';
import { type BoardServer, startBoardServer } from './support/boardServer';

const RUN = chromiumAvailable();
const CARDS = 10_000;
/** bench/sync/cardModel deals cards round-robin: Unverified gets indexes 0, 3, 6 … 9999. */
const UNVERIFIED = Math.ceil(CARDS / 3);

describe.skipIf(!RUN)('a board of 10,000 cards', () => {
  let server: BoardServer;
  let browser: BrowserSession;
  let page: Page;
  let openedIn: number;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBoardServer(), launchBrowser()]);
    const board = await server.createBoard('Big board', 'Ana');
    await server.seed(board.id, [bigBoardUpdate(CARDS)]);
    const context = await browser.newContext();
    page = await context.newPage();
    const started = Date.now();
    await page.goto(board.leadUrl);
    await page.locator('li[data-card-id]').first().waitFor({ timeout: 30_000 });
    openedIn = Date.now() - started;
    await waitSaved(page, 30_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens with every card counted and only the visible rows rendered', async () => {
    expect(openedIn).toBeLessThan(15_000);
    await expect
      .poll(() => column(page, 'Unverified').getByRole('heading').textContent())
      .toBe(`Unverified ${UNVERIFIED} cards`);
    const rendered = await page.locator('li[data-card-id]').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(150);
  });

  it('scrolls a column to its last card', async () => {
    const scroller = column(page, 'Unverified').locator('.column-scroll');
    const last = column(page, 'Unverified').locator(`li[data-card-id="card-${CARDS - 1}"]`);
    expect(await last.count()).toBe(0);
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await last.waitFor({ timeout: 5_000 });
    expect(await last.getAttribute('aria-posinset')).toBe(String(UNVERIFIED));
    expect(await page.locator('li[data-card-id]').count()).toBeLessThan(150);
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await column(page, 'Unverified').locator('li[data-card-id="card-0"]').waitFor();
  });

  it('moves a card with the keyboard among thousands', async () => {
    const first = column(page, 'Unverified').locator('li[data-card-id="card-0"]');
    await first.focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toMatch(new RegExp(`in Unverified, position 4 of ${UNVERIFIED}\\.`));
    await expect.poll(() => first.getAttribute('aria-posinset')).toBe('4');
    await waitSaved(page);
  });
});
