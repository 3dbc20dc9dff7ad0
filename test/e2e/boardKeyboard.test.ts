/**
 * The board from the keyboard, after one's own changes: Undo and Redo say which card and where
 * it went, keep the focused card in view when they bring a card back above it, and keep focus
 * on a card they move to another column (of a long, virtualised one); an arrow key at an edge
 * says so; a card one's own change takes out of the filter leaves focus in a sensible place,
 * not on the page, and does not take focus back when it shows again. Built app, real server,
 * headless Chromium, driven by role and accessible name.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  announced,
  card,
  clickCardAction,
  column,
  type ColumnName,
  expectCardIn,
  keyboardMove,
  openBoard,
  waitSaved,
} from './support/boardPage';
import { bigBoardUpdate } from './support/bigBoard';
import { useBoardBrowser } from './support/useBoardBrowser';
import { audibleLiveText } from './support/liveRegions';

const RUN = chromiumAvailable();

/** Ten claims, added in this order: a column taller than the screen. */
const CLAIMS = Array.from(
  { length: 10 },
  (_, i) => `Ferry ${i + 1} carried ${(i + 2) * 1000} passengers a week in 2024`,
);

const focusedCardId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-card-id') ?? null);

describe.skipIf(!RUN)('the keyboard after one’s own changes', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;

  beforeAll(async () => {
    const board = await server.createBoard('Ferries', 'Lea');
    page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
    page.setDefaultTimeout(10_000);
    for (const claim of CLAIMS) await addClaim(page, claim);
  }, 120_000);

  it('a move, and its Undo and Redo, say which card, where from and where it is now', async () => {
    const moved = CLAIMS[0]!;
    await keyboardMove(page, moved, ['ArrowRight', 'ArrowRight']);
    await expectCardIn(page, moved, 'Disputed');
    await expect
      .poll(() => announced(page))
      .toBe(`Moved ${moved} from Unverified to Disputed, position 1 of 1.`);
    await card(page, CLAIMS[1]!).focus();
    await page.keyboard.press('Control+z');
    await expectCardIn(page, moved, 'Unverified');
    await expect
      .poll(() => announced(page))
      .toContain(`Undone: the move of “${moved}” (back to Unverified, position 1 of 10).`);
    await page.keyboard.press('Control+Shift+z');
    await expectCardIn(page, moved, 'Disputed');
    await expect
      .poll(() => announced(page))
      .toContain(`Redone: the move of “${moved}” (to Disputed, position 1 of 1).`);

    // Within a column: the new position, and Undo says the one it is back at.
    const reordered = CLAIMS[1]!;
    await keyboardMove(page, reordered, ['ArrowDown']);
    await expect
      .poll(() => announced(page))
      .toBe(`Moved ${reordered} to position 2 of 9 in Unverified.`);
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => announced(page))
      .toContain(`Undone: the move of “${reordered}” (back to position 1 of 9 in Unverified).`);
  });

  it('keeps the focused card in view when Undo brings back a card above it', async () => {
    const [deleted, below] = [CLAIMS[5]!, CLAIMS[6]!];
    const belowId = await card(page, below).getAttribute('data-card-id');
    await clickCardAction(page, deleted, 'Delete card');
    await expect.poll(() => focusedCardId(page)).toBe(belowId);
    // The card below, which has focus, at the bottom of the column's view.
    await card(page, below).evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const shown = () =>
      card(page, below).evaluate((el) => {
        const row = el.getBoundingClientRect();
        const view = el.closest('.column-scroll')!.getBoundingClientRect();
        return (
          Math.max(0, Math.min(row.bottom, view.bottom) - Math.max(row.top, view.top)) / row.height
        );
      });
    expect(await shown()).toBeGreaterThan(0.99);

    await page.keyboard.press('Control+z');
    await expectCardIn(page, deleted, 'Unverified');
    expect(await focusedCardId(page)).toBe(belowId);
    await page.waitForTimeout(300);
    expect(await shown()).toBeGreaterThan(0.99);
    expect(await announced(page)).toContain(
      `Undone: the deletion of “${deleted}” (back in Unverified).`,
    );
  });

  it('says so when an arrow key meets an edge, with or without a card in hand', async () => {
    await card(page, CLAIMS[0]!).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => announced(page)).toContain('Disputed is the last column.');
    await card(page, CLAIMS[1]!).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => announced(page)).toContain('Top of Unverified.');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => announced(page)).toContain('Unverified is the first column.');

    await card(page, CLAIMS[0]!).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => announced(page)).toMatch(/^Picked up/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => announced(page)).toContain('Disputed is the last column.');
    await page.keyboard.press('Escape');
    await expect.poll(() => announced(page)).toMatch(/^Move cancelled/);
  });

  it('puts focus beside a card that a saved verdict takes out of the filter, and keeps it where the person goes next', async () => {
    const verdictFilter = page.getByRole('combobox', { name: 'Filter by verdict' });
    await verdictFilter.selectOption({ label: 'No verdict' });
    const [judged, next] = [CLAIMS[2]!, CLAIMS[3]!];
    const judgedId = await card(page, judged).getAttribute('data-card-id');
    const nextId = await card(page, next).getAttribute('data-card-id');
    await card(page, judged).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: judged });
    await dialog.getByRole('combobox', { name: 'Verdict label' }).selectOption('Unproven');
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await expect.poll(() => card(column(page, 'Unverified'), judged).count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedCardId(page)).toBe(nextId);
    await expect.poll(() => announced(page)).toContain('The card no longer matches the filter.');

    // Back to every verdict: the card shows again, and does not take focus from the filter.
    await verdictFilter.focus();
    await verdictFilter.selectOption({ label: 'Any verdict' });
    await card(page, judged).waitFor();
    await page.waitForTimeout(300);
    expect(await verdictFilter.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await focusedCardId(page)).not.toBe(judgedId);
  });

  it('puts focus on Clear filters when a claim edited in place leaves the search empty', async () => {
    const search = page.getByRole('searchbox', { name: 'Search cards' });
    await search.fill('9000');
    await expect.poll(() => column(page, 'Unverified').locator('li[data-card-id]').count()).toBe(1);
    await card(page, CLAIMS[7]!).focus();
    await page.keyboard.press('e');
    const editor = page.getByRole('textbox', { name: 'Claim text' });
    await editor.fill('The eighth ferry carried nine thousand passengers a week');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Clear filters');
    await expect.poll(() => announced(page)).toContain('The card no longer matches the filter.');
    await page.keyboard.press('Enter');
    await card(page, 'The eighth ferry').waitFor();
    // Clear filters says so, with the count, as focus goes to the search.
    await expect.poll(() => audibleLiveText(page)).toContain('Filters cleared: 10 cards.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Search cards',
    );
  });

  // QA45: a search emptied by hand took the count away in silence: the last thing a screen
  // reader had said was "1 of 10 cards".
  it('says the filters are cleared when the search is emptied by hand', async () => {
    // The cases before leave a verdict filter set.
    const clear = page.getByRole('button', { name: 'Clear filters' });
    if ((await clear.count()) > 0) await clear.click();
    const search = page.getByRole('searchbox', { name: 'Search cards' });
    await search.fill('6000');
    await expect.poll(() => audibleLiveText(page)).toContain('1 of 10 cards');
    await search.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await expect.poll(() => audibleLiveText(page)).toContain('Filters cleared: 10 cards.');
  });

  // QA45: deleting the board's last card left focus on the page, and the next Tab started
  // from the top of it; so did Undo bringing the card back.
  it('puts focus on the columns when the board’s last card is deleted', async () => {
    const board = await server.createBoard('One ferry', 'Lea');
    const alone = await (await browser.newContext()).newPage();
    alone.setDefaultTimeout(10_000);
    await openBoard(alone, board.leadUrl);
    const claim = 'The last ferry left at 23:10 every night in 2024';
    await addClaim(alone, claim);
    await card(alone, claim)
      .getByRole('button', { name: /^Delete card/ })
      .focus();
    await alone.keyboard.press('Enter');
    await expect.poll(() => card(alone, claim).count()).toBe(0);
    await expect.poll(() => alone.evaluate(() => document.activeElement?.id)).toBe('main');
    await alone.keyboard.press('Control+z');
    await expectCardIn(alone, claim, 'Unverified');
    expect(await alone.evaluate(() => document.activeElement?.id)).toBe('main');
    await alone.context().close();
  });
});

/** bench/sync/cardModel deals cards round-robin: Corroborated gets card-1, card-4, card-7 … */
const corroborated = (position: number) => `card-${1 + 3 * (position - 1)}`;

describe.skipIf(!RUN)('focus after Undo and Redo of a keyboard move between columns', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;

  beforeAll(async () => {
    const board = await server.createBoard('Long columns', 'Lea');
    // 100 cards a column: the columns render only the rows in view.
    await server.seed(board.id, [bigBoardUpdate(300)]);
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(board.leadUrl);
    await page.locator('li[data-card-id]').first().waitFor({ timeout: 30_000 });
    await waitSaved(page, 30_000);
  }, 120_000);

  /** The focused card: its id, the column's list it is in and its position there. */
  const focusedRow = () =>
    page.evaluate(() => {
      const row = document.activeElement;
      if (!(row instanceof HTMLLIElement)) return null;
      return {
        id: row.dataset.cardId,
        list: row.closest('ul')?.getAttribute('aria-label'),
        position: Number(row.getAttribute('aria-posinset')),
      };
    });
  /** Whether the focused row is wholly within its column's view. */
  const focusedInView = () =>
    page.evaluate(() => {
      const row = document.activeElement!.getBoundingClientRect();
      const view = document.activeElement!.closest('.column-scroll')!.getBoundingClientRect();
      return row.top >= view.top && row.bottom <= view.bottom;
    });
  const expectFocus = (id: string, column: ColumnName, position: number) =>
    expect.poll(focusedRow).toEqual({ id, list: `${column} cards`, position });

  it('keeps focus on the moved card in its column, where the arrow keys go on from it', async () => {
    // Down the column from its first card, past the rows first rendered.
    await column(page, 'Corroborated')
      .locator(`li[data-card-id="${corroborated(1)}"]`)
      .focus();
    for (let position = 2; position <= 20; position++) {
      await page.keyboard.press('ArrowDown');
      await expectFocus(corroborated(position), 'Corroborated', position);
    }
    const moved = corroborated(20);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    // As a person drops it: once it shows, with focus, where it is carried.
    await expectFocus(moved, 'Disputed', 20);
    await page.keyboard.press('Space');
    await expect
      .poll(() => announced(page))
      .toMatch(/^Moved .* to Disputed, position 20 of 101\.$/);
    await expectFocus(moved, 'Disputed', 20);
    // Corroborated scrolled back to its top: the row Undo brings the card back to is not rendered.
    const corroboratedRows = column(page, 'Corroborated').locator('li[data-card-id]');
    await column(page, 'Corroborated')
      .locator('.column-scroll')
      .evaluate((el) => el.scrollTo({ top: 0 }));
    await expect
      .poll(() => corroboratedRows.evaluateAll((rows) => rows.map((r) => r.ariaPosInSet)))
      .not.toContain('20');

    await page.keyboard.press('Control+z');
    await expect
      .poll(() => announced(page))
      .toMatch(/^Undone: the move of .* \(back to Corroborated, position 20 of 100\)\.$/);
    await expectFocus(moved, 'Corroborated', 20);
    await expect.poll(focusedInView).toBe(true);

    await page.keyboard.press('Control+Shift+z');
    await expect
      .poll(() => announced(page))
      .toMatch(/^Redone: the move of .* \(to Disputed, position 20 of 101\)\.$/);
    await expectFocus(moved, 'Disputed', 20);
    // The card Disputed had at position 20 is now below it.
    await page.keyboard.press('ArrowDown');
    await expectFocus(`card-${2 + 3 * 19}`, 'Disputed', 21);

    await page.keyboard.press('ArrowUp');
    await expectFocus(moved, 'Disputed', 20);
    await page.keyboard.press('Control+z');
    await expectFocus(moved, 'Corroborated', 20);
    await page.keyboard.press('ArrowDown');
    await expectFocus(corroborated(21), 'Corroborated', 21);
  });
});
