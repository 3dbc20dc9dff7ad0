/**
 * A board opened for the first time in a browser over a slow link (a hotel's Wi-Fi, a phone
 * connection): until the server's board has arrived, the page says it is loading. It showed an
 * empty "Untitled board" instead, "No cards yet. Import an article…" in Unverified, for as long
 * as the board took to come (found by QA: 30 s for a 300-card board at 30 KB/s), inviting the
 * reporter to import the article again. The empty device copy of a first visit is no board.
 * Its header said "Untitled board" meanwhile, a title the board does not have (QA, slow links
 * part two): it says that the board is loading, or the title this browser knows for it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { column, expectCardIn, waitSaved } from './support/boardPage';
import { createBoardWithClaims } from './support/boardWithClaims';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const CLAIM = 'The bridge cost $4 million in 2023';

/** Holds what the server sends on the page's sync sockets until the returned function is called. */
async function holdSync(page: Page): Promise<() => void> {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  await page.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => void arrived.then(() => ws.send(message)));
  });
  return arrive;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe.skipIf(!RUN)('a board opened for the first time over a slow link', () => {
  const { server, browser } = useBoardBrowser();

  it('says it is loading until the board has arrived, then shows it', async () => {
    const board = await createBoardWithClaims(server, 'Slow desk', 'Ana', [CLAIM]);
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    // What the server sends waits until let through, as on a link that brings it slowly.
    const arrive = await holdSync(page);
    await page.goto(board.leadUrl);
    const main = page.getByRole('main');
    await main.getByText('Loading board…').waitFor();
    // Long enough for the empty device copy to have loaded (IndexedDB: milliseconds).
    await page.waitForTimeout(1_500);
    expect(await main.getAttribute('aria-busy')).toBe('true');
    expect(await main.getByText('Loading board…').count()).toBe(1);
    expect(await main.getByText(/No cards yet/).count()).toBe(0);
    expect(await column(page, 'Unverified').count()).toBe(0);
    // An invite link opened for the first time: this browser knows no title for the board.
    expect(await heading(page)).toBe('Loading board…');

    arrive();
    await expectCardIn(page, CLAIM, 'Unverified');
    await waitSaved(page);
    expect(await main.getAttribute('aria-busy')).toBe('false');
    expect(await heading(page)).toBe('Slow desk');
  }, 30_000);

  it('shows the title this browser knows for the board while it loads', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    const arrive = await holdSync(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Dee');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Board title' }).fill('Budget speech');
    await page.getByRole('button', { name: 'Create board' }).click();
    await page.getByRole('main').getByText('Loading board…').waitFor();
    expect(await heading(page)).toBe('Budget speech');
    expect(await page.title()).toBe('Budget speech · Factboard');

    arrive();
    await waitSaved(page);
    expect(await heading(page)).toBe('Budget speech');
  }, 30_000);
});
