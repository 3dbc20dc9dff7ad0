/**
 * The board from the keyboard, at 100 % and at 200 % zoom (a 640 × 450 window at device scale
 * 2): each column one tab stop, skip links, a side panel that is the page when there is no
 * room beside it, a notice that covers nothing that has focus, controls whose names say
 * which card or comment they act on, and a rating scale that asks before losing edits.
 * "Covered" is what a sighted keyboard user meets: the point at the middle of the focused
 * element shows something else.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, type BrowserSession } from '../helpers/browser';
import { openBoard } from './support/boardPage';
import { type BoardServer, startBoardServer } from './support/boardServer';

const SEED = readFileSync(
  new URL('../fixtures/seed/000_90c871332769486b.txt', import.meta.url),
  'utf8',
);

const RUN = chromiumAvailable();

interface Focus {
  /** The focused element's accessible name, near enough: aria-label, its labels, or its text. */
  readonly name: string;
  readonly tag: string;
  readonly cardId: string | null;
  /** The heading of the column it is in, if any. */
  readonly column: string | null;
  readonly inPanel: boolean;
  /** Out of the window, or something else shows at its middle. */
  readonly hidden: boolean;
  /** Overlaps the notice at the bottom (Toast), when one shows. */
  readonly underNotice: boolean;
}

function focusOf(page: Page): Promise<Focus | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
    const r = el.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    const outside = r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth;
    const notice = document.querySelector('.toast')?.getBoundingClientRect();
    return {
      name: (el.getAttribute('aria-label') ?? (labelledBy || el.textContent) ?? '').trim(),
      tag: el.tagName.toLowerCase(),
      cardId: el.closest<HTMLElement>('li[data-card-id]')?.dataset.cardId ?? null,
      column: el.closest('section.column')?.querySelector('h2')?.textContent ?? null,
      inPanel: el.closest('.side-panel') !== null,
      hidden: outside || !top || !(top === el || el.contains(top) || top.contains(el)),
      underNotice:
        !!notice &&
        r.left < notice.right &&
        r.right > notice.left &&
        r.top < notice.bottom &&
        r.bottom > notice.top,
    };
  });
}

describe.skipIf(!RUN)('the board from the keyboard, at 100 % and 200 % zoom', () => {
  let server: BoardServer;
  let browser: BrowserSession;
  let board: { id: string; leadUrl: string; leadToken: string };
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBoardServer(), launchBrowser()]);
    board = await server.createBoard('El Salvador prisons', 'Lea Lopez');
    const res = await fetch(`${server.url}/api/boards/${board.id}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.leadToken}` },
      body: JSON.stringify({ title: 'Fired prison workers', text: SEED }),
    });
    expect(res.status).toBe(201);
    page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Escape in the Rating scale dialog with a label renamed asks first', async () => {
    const open = page.getByRole('button', { name: 'Rating scale' });
    await open.click();
    const scale = page.getByRole('dialog', { name: 'Rating scale' });
    const label = scale.getByRole('textbox', { name: 'Label 1' });
    const before = await label.inputValue();
    await label.fill('Mostly accurate');
    await page.keyboard.press('Escape');
    const ask = scale.getByRole('alertdialog', { name: 'Close without saving?' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Not saved yet: your changes to the rating scale.');
    expect((await focusOf(page))?.name).toBe('Keep editing');
    // Escape again keeps editing, back in the field, the edit kept.
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await label.inputValue()).toBe('Mostly accurate');
    expect(await label.evaluate((el) => el === document.activeElement)).toBe(true);
    // Close asks too; discarding closes without saving.
    await scale.getByRole('button', { name: 'Close', exact: true }).click();
    await ask.getByRole('button', { name: 'Discard and close' }).click();
    await scale.waitFor({ state: 'detached' });
    await open.click();
    expect(await label.inputValue()).toBe(before);
    // Nothing changed: Escape closes at once, focus back on the opener.
    await page.keyboard.press('Escape');
    await scale.waitFor({ state: 'detached' });
    expect((await focusOf(page))?.name).toBe('Rating scale');
  });
});
