/**
 * The board on a phone held upright (390 × 844, touch), where the page scrolls and the columns
 * are a screen tall, on a board of 1,000 cards: the header folds its tools behind "Board menu",
 * so that the cards get most of the screen from the start, a swipe over the cards scrolls the
 * page before a column, and the selection's Actions unfolded cover no card; in a short window
 * (200 % zoom, or a phone turned sideways) New claim folds; on a desktop screen nothing folds.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, chromiumAvailable } from '../helpers/browser';
import { bigBoardUpdate } from './support/bigBoard';
import { column, waitSaved } from './support/boardPage';
import { swipe } from './support/touch';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const CARDS = 1_000;
/** 200 % zoom on a laptop: a short window, whose page scrolls and whose columns are its height. */
const SHORT = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };
/** A phone turned sideways: as short a window, wider than a phone held upright. */
const SIDEWAYS = {
  viewport: { width: 844, height: 390 },
  deviceScaleFactor: 2,
  hasTouch: true,
  isMobile: true,
};
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  hasTouch: true,
  isMobile: true,
};

/**
 * Where the page and Unverified's list are scrolled to once they stand still (a swipe's
 * momentum may carry them on a few frames), and how far the page can scroll.
 */
const scrolled = (page: Page) =>
  page.evaluate(async () => {
    const list = document.querySelector('.column-unverified .column-scroll');
    const root = document.documentElement;
    const now = () => `${Math.round(scrollY)} ${list?.scrollTop ?? -1}`;
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    let was = '';
    for (let still = 0; still < 5; was = now()) {
      await frame();
      still = now() === was ? still + 1 : 0;
    }
    return {
      page: Math.round(scrollY),
      pageEnd: root.scrollHeight - root.clientHeight,
      column: list?.scrollTop ?? -1,
    };
  });

/** Whether a finger on the middle of the element would touch it: on screen, nothing over it. */
const touchable = (element: Locator): Promise<boolean> =>
  element.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.x + r.width / 2;
    const y = r.y + r.height / 2;
    return (
      y > 0 && y < innerHeight && x > 0 && x < innerWidth && el === document.elementFromPoint(x, y)
    );
  });

/**
 * How many px of the screen's height show Unverified's cards: its list's box within the
 * screen, below the selection bar where that stays at the top.
 */
const cardsShown = (page: Page): Promise<number> =>
  column(page, 'Unverified')
    .locator('.column-scroll')
    .evaluate((list) => {
      const box = list.getBoundingClientRect();
      const bar = document.querySelector('.selection-bar:not(.empty)')?.getBoundingClientRect();
      const top = Math.max(box.top, bar && bar.top <= 0 ? bar.bottom : 0);
      return Math.round(Math.min(box.bottom, innerHeight) - top);
    });

/** The board, opened and saved, in a new context of these options. */
async function openBig(
  browser: BrowserSession,
  url: string,
  options: Parameters<BrowserSession['newContext']>[0],
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  await page.locator('li[data-card-id]').first().waitFor({ timeout: 30_000 });
  await waitSaved(page, 30_000);
  return page;
}

describe.skipIf(!RUN)('the board on small screens', () => {
  const { server, browser } = useBoardBrowser();
  let url: string;

  beforeAll(async () => {
    const board = await server.createBoard('Small screens', 'Ana');
    await server.seed(board.id, [bigBoardUpdate(CARDS)]);
    url = board.leadUrl;
  }, 120_000);

  // Its title, Your access, the header's five rows of tools, the status pill and the filters
  // left Unverified's cards 347 px of 844 until the page was scrolled.
  it('on a phone the header is the title, Board menu and the status pill: the cards get most of the screen', async () => {
    const page = await openBig(browser, url, PHONE);
    expect(await cardsShown(page)).toBeGreaterThanOrEqual(0.55 * 844);
    const menu = page.getByRole('button', { name: 'Board menu' });
    const shortcuts = page.getByRole('button', { name: 'Keyboard shortcuts' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await shortcuts.isVisible()).toBe(false);
    expect(await page.locator('[data-status]').isVisible()).toBe(true);
    await column(page, 'Unverified').getByRole('listitem').first().getByRole('checkbox').tap();
    await page.getByRole('region', { name: 'Selected cards' }).waitFor();
    expect(await cardsShown(page)).toBeGreaterThanOrEqual(0.55 * 844);

    // By keyboard: Enter opens it, its tools follow it in the tab order, Escape closes it and
    // focus is back on it.
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await shortcuts.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.board-menu') !== null)).toBe(
      true,
    );
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await shortcuts.isVisible()).toBe(false);
    // A tap opens it too; folded, a tool's dialog still shows ("?" from anywhere).
    await menu.tap();
    expect(await shortcuts.isVisible()).toBe(true);
    await menu.tap();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(
      await dialog.evaluate((d) => {
        const r = d.getBoundingClientRect();
        return d.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
      }),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.context().close();
  }, 60_000);

  // The short window's rule lost to .columns' flex: the columns were 88,064 px tall, every
  // card of the board drawn (1,000 li), the column no scroller of its own.
  it('in a short window (200 % zoom, 640 × 450) the columns are its height and draw only the cards in view', async () => {
    const page = await openBig(browser, url, SHORT);
    const columns = await page.locator('main.columns').boundingBox();
    if (!columns) throw new Error('no columns on screen');
    expect(columns.height).toBeLessThanOrEqual(450 + 1);
    expect(await page.locator('li[data-card-id]').count()).toBeLessThan(60);
    // The page scrolls the header away and the column scrolls its cards, still few drawn.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const list = column(page, 'Unverified').locator('.column-scroll');
    await list.evaluate((el) => el.scrollTo({ top: 20_000 }));
    await expect
      .poll(() =>
        column(page, 'Unverified').getByRole('listitem').first().getAttribute('aria-posinset'),
      )
      .not.toBe('1');
    expect(await page.locator('li[data-card-id]').count()).toBeLessThan(60);
    await page.context().close();
  }, 60_000);

  // Open, New claim's 144 px left Unverified's cards 145 px above a notice, less than a card.
  it.each([
    ['a short window (640 × 450)', SHORT],
    ['a phone turned sideways (844 × 390)', SIDEWAYS],
  ])(
    'in %s New claim folds behind its button: Enter opens it in the claim box, Escape folds it back',
    async (_, options) => {
      const page = await openBig(browser, url, options);
      const toggle = page.getByRole('button', { name: 'New claim', exact: true });
      const claim = page.getByRole('textbox', { name: 'New claim' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await claim.isVisible()).toBe(false);
      // On screen as the board opens, nothing over it; the columns the window's height, a card
      // of Unverified in view under it.
      expect(await touchable(toggle)).toBe(true);
      const columns = await page.locator('main.columns').boundingBox();
      expect(columns?.height).toBeLessThanOrEqual(options.viewport.height + 1);
      expect(await cardsShown(page)).toBeGreaterThan(0);
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => claim.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.type('A claim typed at 200 % zoom');
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await claim.isVisible()).toBe(false);
      // What was typed is kept: opened again, it is there to add.
      await page.keyboard.press('Enter');
      await expect.poll(() => claim.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await claim.inputValue()).toBe('A claim typed at 200 % zoom');
      await page.context().close();
    },
    60_000,
  );

  it('on a desktop screen nothing folds: no Board menu, every tool in the header', async () => {
    const page = await openBig(browser, url, { viewport: { width: 1280, height: 800 } });
    expect(await page.getByRole('button', { name: 'Board menu' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'New claim', exact: true }).isVisible()).toBe(
      false,
    );
    expect(await page.getByRole('textbox', { name: 'New claim' }).isVisible()).toBe(true);
    for (const name of ['Keyboard shortcuts', 'Undo', 'Activity']) {
      expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    await page.context().close();
  }, 60_000);

  // A swipe over a card scrolled its column first: the header and filters stayed over the
  // cards until the column's end, 333 cards down.
  it('on a phone a swipe scrolls the page until the cards fill the screen, then the column, which draws only what is in view', async () => {
    const page = await openBig(browser, url, PHONE);
    const cdp = await page.context().newCDPSession(page);
    const list = await column(page, 'Unverified').locator('.column-scroll').boundingBox();
    if (!list) throw new Error('no column on screen');
    const at = { x: Math.round(list.x + list.width / 2), y: 700 };
    const up = { x: 0, y: -250 };
    const down = { x: 0, y: 250 };

    await swipe(cdp, at, up);
    const first = await scrolled(page);
    expect(first.column).toBe(0);
    expect(first.page).toBeGreaterThan(0);
    expect(first.page).toBe(first.pageEnd);
    // The header and filters are gone: the cards fill the screen below the column's head.
    expect(await cardsShown(page)).toBeGreaterThanOrEqual(0.7 * 844);

    await swipe(cdp, at, up);
    const second = await scrolled(page);
    expect(second.page).toBe(first.page);
    expect(second.column).toBeGreaterThan(100);
    expect(await page.locator('li[data-card-id]').count()).toBeLessThan(60);

    // Down: the column to its start first, then the page, the header back.
    for (let i = 0; i < 5 && (await scrolled(page)).column > 0; i++) await swipe(cdp, at, down);
    expect((await scrolled(page)).page).toBe(first.page);
    await swipe(cdp, at, down);
    expect(await scrolled(page)).toMatchObject({ page: 0, column: 0 });
    expect(await page.getByRole('button', { name: 'Board menu' }).isVisible()).toBe(true);
    await page.context().close();
  }, 60_000);

  // Taken as one row (50 px), the bar with Actions unfolded (174 px), at the top of the
  // screen, covered the top 124 px of the columns, and the cards it acts on there.
  it('on a phone the selection’s Actions, unfolded at the top of the screen, cover no card', async () => {
    const page = await openBig(browser, url, PHONE);
    const firstBox = (name: 'Unverified' | 'Corroborated') =>
      column(page, name).getByRole('listitem').first().getByRole('checkbox');
    await firstBox('Corroborated').tap();
    const bar = page.getByRole('region', { name: 'Selected cards' });
    await bar.waitFor();
    // The page at its end: the header gone, the bar at the top of the screen.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const actions = bar.getByRole('button', { name: 'Actions' });
    await actions.tap();
    expect(await actions.getAttribute('aria-expanded')).toBe('true');
    for (const name of ['Move', 'Give', 'Delete selected…', 'Clear selection']) {
      expect(await touchable(bar.getByRole('button', { name, exact: true }))).toBe(true);
    }
    const barBox = await bar.boundingBox();
    const columns = await page.locator('main.columns').boundingBox();
    if (!barBox || !columns) throw new Error('not on screen');
    expect(barBox.y).toBe(0);
    expect(columns.y).toBeGreaterThanOrEqual(barBox.y + barBox.height - 1);
    expect(columns.y + columns.height).toBeLessThanOrEqual(844 + 1);
    // The selected card, first in Corroborated, and Unverified's first, beside it.
    expect(await firstBox('Corroborated').isChecked()).toBe(true);
    expect(await touchable(firstBox('Corroborated'))).toBe(true);
    expect(await touchable(firstBox('Unverified'))).toBe(true);
    await page.context().close();
  }, 60_000);
});
