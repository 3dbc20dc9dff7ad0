/**
 * The Activity panel on a board with more history than one page, in headless Chromium against
 * the real server: it shows the latest 200 events, "Load older activity" (reached and pressed
 * with the keyboard) brings older pages and moves focus to the first of them, and a change on
 * the board adds only the new events, once each.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim } from '../../../shared/board';
import type { HistoryEvent } from '../../../server/storage/Storage';
import { staticClient } from '../../../server/http/staticClient';
import { type RunningServer, startServer } from '../../../server/startServer';
import { chromiumAvailable, launchBrowser, type BrowserSession } from '../../helpers/browser';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { openBoard } from '../../e2e/support/boardPage';
import { type BuiltClient, buildClient } from '../../e2e/support/buildClient';

const RUN = chromiumAvailable();
const EVENTS = 450;

/** The seq of each entry of the feed, top to bottom. */
const feedSeqs = (page: Page) =>
  page
    .getByRole('list', { name: 'Board activity, newest first' })
    .evaluate((ol) => [...ol.querySelectorAll('li')].map((li) => Number(li.dataset.seq)));

describe.skipIf(!RUN)('the Activity panel pages through a long history', () => {
  let client: BuiltClient;
  let dir: TempDir;
  let server: RunningServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    client = buildClient();
    dir = makeTempDir();
    server = await startServer(
      { port: 0, host: '127.0.0.1', dataDir: dir.path, publicUrl: null, adminToken: null },
      { client: staticClient(client.dir) },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    dir?.remove();
    client?.remove();
  });

  it('loads the latest page, older pages with the keyboard, then only what is new', async () => {
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Long history', name: 'Lea' }),
    });
    const board = (await res.json()) as { id: string; leadUrl: string };
    await server.storage.appendHistory(
      Array.from({ length: EVENTS }, (_, i): HistoryEvent => ({
        boardId: board.id,
        cardId: null,
        type: 'article.added',
        actor: { id: 'old', name: 'Olga' },
        at: Date.now() - (EVENTS - i) * 60_000,
        data: { title: `Article ${i}` },
      })),
    );

    const page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
    await page.getByRole('button', { name: 'Activity' }).click();
    const feed = page.getByRole('region', { name: 'Activity' });
    await expect.poll(() => feedSeqs(page)).toHaveLength(200);
    const latest = await feedSeqs(page);
    expect(latest).toEqual([...latest].sort((a, b) => b - a));
    await expect
      .poll(() => feed.getByRole('listitem').first().textContent())
      .toMatch(/^Olga imported the article “Article 449”/);

    // Keyboard only: focus the button, press Enter; focus lands on the first older entry.
    const older = feed.getByRole('button', { name: 'Load older activity' });
    await older.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => feedSeqs(page)).toHaveLength(400);
    const oldestBefore = latest.at(-1)!;
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-seq')))
      .toBe(String(oldestBefore - 1));
    await older.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => feedSeqs(page)).toHaveLength(EVENTS);
    await expect
      .poll(() => feed.getByRole('listitem').last().textContent())
      .toMatch(/^Olga imported the article “Article 0”/);
    expect(await older.count()).toBe(0);

    // A change on the board: the feed fetches what is new and holds every event once.
    await server.syncServer.change(board.id, { id: 'ed', name: 'Eddie' }, (doc) =>
      addClaim(doc, { claim: 'Wages rose 4% last year.' }, { actor: { id: 'ed', name: 'Eddie' } }),
    );
    await expect
      .poll(() => feed.getByRole('listitem').first().textContent(), { timeout: 10_000 })
      .toMatch(/^Eddie added the card/);
    const all = await feedSeqs(page);
    expect(all.length).toBeGreaterThan(EVENTS);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual([...all].sort((a, b) => b - a));
  });
});
