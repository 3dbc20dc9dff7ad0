/**
 * The board's four folds (useFold, FoldToggle) from the keyboard, in a window both narrow and
 * short (640 × 450: 200 % zoom on a small laptop), where all four fold: Board menu, Filters,
 * New claim and the selection's Actions. Each is a Tab stop that says whether its panel is
 * open (aria-expanded) and which panel that is (aria-controls); Enter unfolds it and folds it
 * again; Board menu and New claim also fold on an Escape from inside, focus back on the button.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { createBoardWithClaims } from './support/boardWithClaims';
import { waitSaved } from './support/boardPage';
import { keyboardWalk, type KeyboardWalk } from './support/keyboardOnly';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const CLAIMS = ['Bus fares rose 3 percent', 'Rents doubled in ten years'];

describe.skipIf(!RUN)('the board’s folds from the keyboard', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;
  let walk: KeyboardWalk;

  beforeAll(async () => {
    const board = await createBoardWithClaims(server, 'Folds', 'Ana', CLAIMS);
    page = await (
      await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 })
    ).newPage();
    page.setDefaultTimeout(10_000);
    walk = await keyboardWalk(page);
    await page.goto(board.leadUrl);
    // A first page of a run on loaded cores: its client's start took over 10 s once.
    await waitSaved(page, 30_000);
  }, 60_000);

  const isFocused = (el: Locator) => el.evaluate((e) => e === document.activeElement);

  /** The panel the button names as the one it folds, by its aria-controls. */
  async function panelOf(toggle: Locator): Promise<Locator> {
    const id = await toggle.getAttribute('aria-controls');
    expect(id).toBeTruthy();
    const panel = page.locator(`[id="${id}"]`);
    expect(await panel.count()).toBe(1);
    return panel;
  }

  /** Folded, the button on focus: Enter unfolds it, its panel shown. */
  async function unfold(toggle: Locator, panel: Locator) {
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isVisible()).toBe(false);
    await walk.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await panel.isVisible()).toBe(true);
  }

  /** Unfolded, the button on focus: Enter folds it again, focus staying on it. */
  async function enterFolds(toggle: Locator, panel: Locator) {
    await walk.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(toggle)).toBe(true);
    expect(await panel.isVisible()).toBe(false);
  }

  /** Focus in the panel: Escape folds it, focus back on the button. */
  async function escapeFolds(toggle: Locator, panel: Locator) {
    expect(await panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await walk.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(toggle)).toBe(true);
    expect(await panel.isVisible()).toBe(false);
  }

  it('Board menu: Enter unfolds its tools, Tab goes into them, Escape folds them back', async () => {
    await walk.pressUntil('Tab', 'button', 'Board menu', 10);
    const toggle = page.getByRole('button', { name: 'Board menu' });
    const panel = await panelOf(toggle);
    await unfold(toggle, panel);
    await walk.press('Tab');
    await escapeFolds(toggle, panel);
  });

  it('Filters: Enter unfolds the selects, Enter again folds them', async () => {
    await walk.pressUntil('Tab', 'button', /^Filters/, 10);
    const toggle = page.getByRole('button', { name: /^Filters/ });
    const panel = await panelOf(toggle);
    await unfold(toggle, panel);
    expect(await panel.getByRole('combobox', { name: 'Filter by speaker' }).isVisible()).toBe(true);
    await enterFolds(toggle, panel);
  });

  it('New claim: Enter unfolds it into the claim box, Escape folds it back', async () => {
    await walk.pressUntil('Tab', 'button', 'New claim', 20);
    const toggle = page.getByRole('button', { name: 'New claim', exact: true });
    const panel = await panelOf(toggle);
    await unfold(toggle, panel);
    await expect.poll(() => isFocused(page.getByRole('textbox', { name: 'New claim' }))).toBe(true);
    await escapeFolds(toggle, panel);
  });

  it('Actions: with a card selected, Enter unfolds the selection’s actions, Enter again folds them', async () => {
    await walk.pressUntil('Tab', 'listitem', new RegExp(`^${CLAIMS[0]}`), 10);
    await walk.press('x');
    const toggle = page.getByRole('button', { name: 'Actions' });
    await toggle.waitFor();
    await walk.pressUntil('Shift+Tab', 'button', 'Actions', 30);
    const panel = await panelOf(toggle);
    await unfold(toggle, panel);
    expect(await panel.getByRole('button', { name: 'Clear selection' }).isVisible()).toBe(true);
    await enterFolds(toggle, panel);
  });

  it('met no stop without a name or a ring, never the page, and no pointer', async () => {
    expect(walk.problems).toEqual([]);
    expect(await walk.pointerEvents()).toBe(0);
  });
});
