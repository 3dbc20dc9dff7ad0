/**
 * The history while the board's connection is down, in headless Chromium against the real
 * server: offline, the Activity panel and a card's History read nothing (every read would
 * fail, and Chromium logs each failed request as a console error), say calmly that they will
 * update when the connection is back, and read once it is; "Load older activity" asks for
 * nothing until then, and says so.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_PAGE_SIZE } from '../../client/history/createHistoryFeed';
import { REFRESH_TIMING } from '../../client/history/refresher';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  latestActivity,
  moveTo,
  openBoard,
  openCard,
  status,
  waitSaved,
} from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

/** The history requests the page makes and the console errors it logs, from now on. */
function watch(page: Page) {
  const historyRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/history')) historyRequests.push(r.url());
  });
  page.on('console', (m) => {
    // Not the favicon, which Chromium fetches again when the address changes (a card opens).
    if (m.type() !== 'error' || m.location().url.endsWith('/favicon.svg')) return;
    consoleErrors.push(`${m.text()} ${m.location().url}`);
  });
  return { historyRequests, consoleErrors };
}

/** Offline until the status pill says so. */
async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await expect.poll(() => status(page).textContent()).toMatch(/^Offline/);
}

/** Long enough for any read a change asks for to have been made (createRefresher). */
const pastRefreshes = (page: Page) => page.waitForTimeout(REFRESH_TIMING.settled + 1_000);

describe.skipIf(!RUN)('the history while the connection is down', () => {
  const { server, browser } = useBoardBrowser();
  let context: BrowserContext;
  let page: Page;
  let board: { id: string; leadUrl: string };

  // A board and browser of its own for each test: one left offline by a failure spoils no other.
  beforeEach(async () => {
    board = await server.createBoard('Night desk', 'Ana');
    context = await browser.newContext();
    page = await context.newPage();
    await openBoard(page, board.leadUrl);
  });

  afterEach(() => context.close());

  it('Activity reads nothing offline, says it will update, and does once the connection is back', async () => {
    const claim = 'Crime rose 40% last year';
    await addClaim(page, claim);
    await waitSaved(page);
    await page.getByRole('button', { name: 'Activity' }).click();
    const panel = page.getByRole('region', { name: 'Activity' });
    await expect
      .poll(() => latestActivity(panel).textContent())
      .toMatch(/^Ana added the card to Unverified/);
    await pastRefreshes(page);

    const seen = watch(page);
    await goOffline(context, page);
    // A change offline is a change of the board: online, the feed reads the history after it.
    await moveTo(page, claim, 'Disputed');
    await pastRefreshes(page);
    expect(seen.historyRequests).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    const waiting = panel
      .getByRole('status')
      .filter({ hasText: 'Activity will update when the connection is back.' });
    expect(await waiting.count()).toBe(1);
    // What the panel held stays listed meanwhile.
    await expect
      .poll(() => latestActivity(panel).textContent())
      .toMatch(/^Ana added the card to Unverified/);

    await context.setOffline(false);
    await waitSaved(page, 15_000);
    await expect
      .poll(() => latestActivity(panel).textContent())
      .toMatch(/^Ana moved the card from Unverified to Disputed/);
    await expect.poll(() => waiting.count()).toBe(0);
    expect(await panel.getByText(/could not be loaded/).count()).toBe(0);
  });

  it("a card's History opened offline waits for the connection, then reads it", async () => {
    const claim = 'Exports doubled since 2020';
    await addClaim(page, claim);
    await waitSaved(page);

    const seen = watch(page);
    await goOffline(context, page);
    const dialog = await openCard(page, claim);
    const history = dialog.getByRole('region', { name: 'History' });
    await pastRefreshes(page);
    expect(seen.historyRequests).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    const waiting = history
      .getByRole('status')
      .filter({ hasText: 'History will update when the connection is back.' });
    expect(await waiting.count()).toBe(1);
    expect(await history.getByText('Loading history…').count()).toBe(0);

    await context.setOffline(false);
    await expect
      .poll(() => history.getByRole('list', { name: 'Card history' }).textContent(), {
        timeout: 15_000,
      })
      .toMatch(/Ana added the card to Unverified/);
    expect(await history.getByRole('status').count()).toBe(0);
  });

  it('"Load older activity" asks for nothing offline and says why, then loads once it is back', async () => {
    // Long ago, more cards than one page holds: the panel offers the older ones.
    const olga = { id: 'old', name: 'Olga' };
    await server.appendHistory(
      Array.from({ length: HISTORY_PAGE_SIZE + 1 }, (_, k) => ({
        boardId: board.id,
        cardId: `old${k}`,
        type: 'card.created',
        actor: olga,
        at: Date.now() - 86_400_000,
        data: { claim: `Old claim ${k}`, column: 'unverified' },
      })),
    );
    await page.getByRole('button', { name: 'Activity' }).click();
    const panel = page.getByRole('region', { name: 'Activity' });
    const older = panel.getByRole('button', { name: 'Load older activity' });
    await older.waitFor();

    const seen = watch(page);
    await goOffline(context, page);
    // From the keyboard: Playwright's click waits for an aria-disabled button to be enabled.
    await older.focus();
    await page.keyboard.press('Enter');
    await pastRefreshes(page);
    expect(seen.historyRequests).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    expect(await older.getAttribute('aria-disabled')).toBe('true');
    const why = await older.evaluate(
      (b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(why).toBe('Older activity loads when the connection is back.');

    await context.setOffline(false);
    await waitSaved(page, 15_000);
    await expect.poll(() => older.getAttribute('aria-disabled')).toBe('false');
    await older.click();
    await expect
      .poll(() => seen.historyRequests.filter((u) => u.includes('before=')).length)
      .toBe(1);
    await expect.poll(() => older.count()).toBe(0);
  });
});
