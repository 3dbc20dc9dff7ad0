/**
 * The Theme choice (System, Light, Dark) in the board's header: Dark on a light system turns
 * the board dark, and stays so on reload, before the app's script runs (index.html's inline
 * script, allowed by the server's Content-Security-Policy): no light flash; a second tab of the
 * browser follows. Light on a dark system; System follows the system's scheme as it changes;
 * printed, the board stays light. Axe's audit of the board and a card's dialog in both
 * choices. Where site storage is blocked, the choice works and lasts for the tab. Built app,
 * real server, headless Chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { card, closeCard, openBoard, openCard, waitSaved } from './support/boardPage';
import { addCheckedCards, CHECKED } from './support/checkedCards';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const LIGHT = { theme: 'light', colorScheme: 'light', page: 'rgb(241, 243, 246)' };
const DARK = { theme: 'dark', colorScheme: 'dark', page: 'rgb(14, 19, 26)' };

/** The scheme the page is marked with, and what its root is drawn in. */
const schemeOf = (page: Page) =>
  page.evaluate(() => {
    const root = getComputedStyle(document.documentElement);
    return {
      theme: document.documentElement.dataset.theme,
      colorScheme: root.colorScheme,
      page: root.backgroundColor,
    };
  });

const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Theme', exact: true });

async function choose(page: Page, label: 'System' | 'Light' | 'Dark'): Promise<string> {
  const said = page.getByTestId('theme-announcer');
  // A sentence said again differs by the region's invisible mark: any change is the new one.
  const before = await said.textContent();
  await themeSelect(page).selectOption({ label });
  await expect.poll(() => said.textContent()).not.toBe(before);
  return ((await said.textContent()) ?? '').replace(/\u00a0/g, '');
}

/** The board and a card's dialog, audited by axe (contrast included) in the page's scheme. */
async function audit(page: Page): Promise<string[]> {
  await card(page, CHECKED[0].claim).waitFor();
  const board = await axeViolations(page);
  const dialog = await openCard(page, CHECKED[1].claim);
  await dialog.getByText(CHECKED[1].rationale).waitFor();
  const inDialog = await axeViolations(page);
  await closeCard(page);
  return [...board, ...inDialog];
}

describe.skipIf(!RUN)('the Theme choice', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };

  beforeAll(async () => {
    board = await server.createBoard('Night desk', 'Lea Lopez');
    await addCheckedCards(server, board);
  }, 60_000);

  it('Dark on a light system: dark at once, on reload before the app’s script, in a second tab; audited', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await openBoard(page, board.leadUrl);
    const second = await context.newPage();
    await openBoard(second, `${server.url}/b/${board.id}`);
    expect(await schemeOf(page)).toEqual(LIGHT);
    expect(await themeSelect(page).inputValue()).toBe('system');

    expect(await choose(page, 'Dark')).toBe('Theme: dark.');
    expect(await schemeOf(page)).toEqual(DARK);
    expect(
      await card(page, CHECKED[0].claim).evaluate((c) => getComputedStyle(c).backgroundColor),
    ).toBe('rgb(23, 29, 38)');
    // The other tab follows: at once (the storage event), and on its reload.
    await expect.poll(() => schemeOf(second)).toEqual(DARK);
    await second.reload();
    await second.getByRole('heading', { level: 1, name: 'Night desk' }).waitFor();
    expect(await schemeOf(second)).toEqual(DARK);
    expect(await themeSelect(second).inputValue()).toBe('dark');

    // On reload the page is marked dark while its head is read: before its body exists, so
    // before anything of it is painted, and before the app's script (which runs once the whole
    // page is read). Not so, it would show light first.
    await page.addInitScript(() => {
      const w = window as unknown as { marked?: object };
      // On the document: its root element is not there yet when this runs.
      new MutationObserver((_, observer) => {
        w.marked = {
          theme: document.documentElement.dataset.theme,
          body: document.body !== null,
          readyState: document.readyState,
        };
        observer.disconnect();
      }).observe(document, { subtree: true, attributeFilter: ['data-theme'] });
    });
    await page.reload();
    await waitSaved(page);
    expect(await page.evaluate(() => (window as unknown as { marked?: object }).marked)).toEqual({
      theme: 'dark',
      body: false,
      readyState: 'loading',
    });
    expect(await schemeOf(page)).toEqual(DARK);
    expect(refused).toEqual([]);

    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('Light on a dark system, kept on reload; audited', async () => {
    const page = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
    await openBoard(page, board.leadUrl);
    expect(await schemeOf(page)).toEqual(DARK);
    expect(await choose(page, 'Light')).toBe('Theme: light.');
    expect(await schemeOf(page)).toEqual(LIGHT);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Night desk' }).waitFor();
    expect(await schemeOf(page)).toEqual(LIGHT);
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });

  it('System follows the system’s scheme as it changes, and on reload', async () => {
    const page = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
    await openBoard(page, board.leadUrl);
    await choose(page, 'Light');
    expect(await choose(page, 'System')).toBe('Theme follows the system: dark now.');
    expect(await schemeOf(page)).toEqual(DARK);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => schemeOf(page)).toEqual(LIGHT);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => schemeOf(page)).toEqual(DARK);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Night desk' }).waitFor();
    expect(await schemeOf(page)).toEqual(DARK);
    expect(await themeSelect(page).inputValue()).toBe('system');
    await page.context().close();
  });

  it('printed, a board chosen Dark is light on paper', async () => {
    const page = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
    await openBoard(page, board.leadUrl);
    await choose(page, 'Dark');
    await page.emulateMedia({ media: 'print' });
    await page.locator('.print-board').waitFor();
    // The palette's light: the dark one is for screens only (styles.css).
    expect(await schemeOf(page)).toEqual({ ...LIGHT, theme: 'dark' });
    await page.context().close();
  });

  it('on the start page too, by keyboard', async () => {
    const page = await (await browser.newContext({ colorScheme: 'light' })).newPage();
    await openBoard(page, board.leadUrl);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await themeSelect(page).focus();
    // A closed select's arrow keys change its value (Windows and Linux).
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => themeSelect(page).inputValue()).toBe('light');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => schemeOf(page)).toEqual(DARK);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!RUN)('the Theme choice where site storage is blocked', () => {
  const { server, browser } = useBoardBrowser({}, { siteDataBlocked: true });

  it('works, and lasts for the tab', async () => {
    const board = await server.createBoard('Blocked desk', 'Lea');
    const page = await (await browser.newContext({ colorScheme: 'light' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openBoard(page, board.leadUrl);
    expect(await schemeOf(page)).toEqual(LIGHT);
    expect(await choose(page, 'Dark')).toBe('Theme: dark.');
    expect(await schemeOf(page)).toEqual(DARK);
    // Within the tab, from page to page of the app: still dark.
    await page.getByRole('link', { name: 'Boards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Factboard' }).waitFor();
    expect(await schemeOf(page)).toEqual(DARK);
    expect(await themeSelect(page).inputValue()).toBe('dark');
    // Nothing kept on the device: a reload is back to the system's.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Factboard' }).waitFor();
    expect(await schemeOf(page)).toEqual(LIGHT);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
