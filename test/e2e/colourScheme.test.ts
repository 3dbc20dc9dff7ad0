/**
 * The dark colour scheme, for a system that asks for it (prefers-color-scheme: dark, set on the
 * browser context as the system would): every screen in it through axe's contrast and other
 * checks (WCAG 2.x AA: 4.5:1 for text, 3:1 for the fields' borders), with cards of every verdict
 * colour and evidence stance, a card held, cards selected with their bar, the notice at the foot, the drag preview, the article
 * view, the invites dialog and the start page; forced colours keep their outlines in it too.
 * Built app, real server, headless Chromium.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations, faintFieldBorders } from './support/accessibilityChecks';
import { card, column, openBoard, waitSaved } from './support/boardPage';
import { addCheckedCards, CHECKED } from './support/checkedCards';
import { useBoardBrowser } from './support/useBoardBrowser';

const SEED = readFileSync(
  new URL('../fixtures/seed/000_90c871332769486b.txt', import.meta.url),
  'utf8',
);

const RUN = chromiumAvailable();

const [TRUE, FALSE] = CHECKED;

/** The page's scheme and the colours of its background, a card and its text. */
function schemeOf(page: Page) {
  return page.evaluate(() => {
    const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
    return {
      colorScheme: style(':root').colorScheme,
      page: style(':root').backgroundColor,
      card: style('.card').backgroundColor,
      text: style('.claim').color,
    };
  });
}

/** Opens a header tool, runs the check, and closes it again with Escape. */
async function withTool<T>(page: Page, name: string, check: () => Promise<T>): Promise<T> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.locator('dialog[open], .side-panel').first().waitFor();
  try {
    return await check();
  } finally {
    await page.keyboard.press('Escape');
    await page.locator('dialog[open], .side-panel').waitFor({ state: 'detached' });
  }
}

describe.skipIf(!RUN)('the dark colour scheme', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let page: Page;

  beforeAll(async () => {
    board = await server.createBoard('Night desk', 'Lea Lopez');
    // First: the article's claims come after them, and a column shows only its first cards.
    await addCheckedCards(server, board);
    await server.importArticle(board, { title: 'Fired prison workers', text: SEED });
    await server.invite(board, 'Rhea Ruiz', 'reviewer');
    page = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
    await openBoard(page, board.leadUrl);
  }, 120_000);

  it('follows the system: dark page, cards and native controls there, light ones here', async () => {
    const light = await (await browser.newContext({ colorScheme: 'light' })).newPage();
    await openBoard(light, board.leadUrl);
    expect({ dark: await schemeOf(page), light: await schemeOf(light) }).toEqual({
      dark: {
        colorScheme: 'dark',
        page: 'rgb(14, 19, 26)',
        card: 'rgb(23, 29, 38)',
        text: 'rgb(230, 233, 239)',
      },
      light: {
        colorScheme: 'light',
        page: 'rgb(241, 243, 246)',
        card: 'rgb(255, 255, 255)',
        text: 'rgb(17, 24, 39)',
      },
    });
    await light.context().close();
  });

  it('the board, with a verdict of each column’s colour, passes the audit', async () => {
    for (const c of CHECKED) await card(page, c.claim).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await faintFieldBorders(page)).toEqual([]);
  });

  it('a card held from the keyboard', async () => {
    await card(column(page, 'Corroborated'), TRUE.claim).focus();
    await page.keyboard.press('Space');
    await page.locator('.card.held').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('.card.held').waitFor({ state: 'detached' });
  });

  it('selected cards and the bar of the selection', async () => {
    await column(page, 'Unverified').getByRole('listitem').first().focus();
    await page.keyboard.press('x');
    await page.keyboard.press('Shift+ArrowDown');
    await page.locator('.selection-count').getByText('2 selected').waitFor();
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.keyboard.press('Escape');
      await page.locator('.card.selected').first().waitFor({ state: 'detached' });
    }
  });

  it('the drag preview is a card of the dark scheme', async () => {
    const grip = await card(page, FALSE.claim).locator('.grip').boundingBox();
    if (!grip) throw new Error('grip not on screen');
    const [x, y] = [grip.x + grip.width / 2, grip.y + grip.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    let preview: string[];
    try {
      await page.mouse.move(x - 30, y + 30, { steps: 5 });
      preview = await page
        .locator('.drag-overlay')
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    } finally {
      // Put back where it was: Escape cancels the drag before the button is let go.
      await page.keyboard.press('Escape');
      await page.mouse.up();
    }
    expect(preview).toEqual(['rgb(23, 29, 38)', 'rgb(230, 233, 239)']);
  });

  it('a card’s dialog, with verdict, evidence of two stances and a comment', async () => {
    await card(page, FALSE.claim)
      .getByRole('button', { name: /^Open:/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The audit puts the overrun at 12 %.').waitFor();
    expect(await dialog.evaluate((d) => getComputedStyle(d).backgroundColor)).toBe(
      'rgb(23, 29, 38)',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await faintFieldBorders(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the article view, with passages that have a card', async () => {
    const found = await withTool(page, 'Article view', async () => {
      await page.locator('.seg-card').first().waitFor();
      return axeViolations(page);
    });
    expect(found).toEqual([]);
  });

  it('the invites dialog', async () => {
    const found = await withTool(page, 'Invite people', async () => {
      await page.getByText('Rhea Ruiz').first().waitFor();
      return [...(await axeViolations(page)), ...(await faintFieldBorders(page))];
    });
    expect(found).toEqual([]);
  });

  it.each(['Import article', 'Rating scale', 'Activity', 'Export', 'Keyboard shortcuts'])(
    'the %s dialog or panel',
    async (name) => {
      expect(await withTool(page, name, () => axeViolations(page))).toEqual([]);
    },
  );

  it('the board offline: the connection pill in the warning’s colours', async () => {
    await page.context().setOffline(true);
    try {
      await page.locator('[data-status="offline"]').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.context().setOffline(false);
    }
    await waitSaved(page, 20_000);
  });

  it('in forced colours, columns and verdict chips keep their outline', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      const drawn = await page.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return [style('.column').borderLeftStyle, style('.card-summary .verdict').borderTopStyle];
      });
      expect(drawn).toEqual(['solid', 'solid']);
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });

  // Last on the board: the notice stays a while, and would be in the audits after it.
  it('the notice at the foot of the board', async () => {
    // A deletion's notice, with Undo: light on the dark page.
    const victim = column(page, 'Unverified').getByRole('listitem').first();
    await victim.getByRole('button', { name: /^Delete card/ }).click();
    await page.locator('.toast').waitFor();
    // Every rule, "region" too: the notice is in a landmark of its own, not loose at the foot.
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the start page', async () => {
    await waitSaved(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe('dark');
    expect(await axeViolations(page)).toEqual([]);
    expect(await faintFieldBorders(page)).toEqual([]);
  });
});
