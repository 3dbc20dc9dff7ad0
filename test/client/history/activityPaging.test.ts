/**
 * The Activity panel on a board with more history than one page, in headless Chromium against
 * the real server: it shows the latest 200 events, "Load older activity" (reached and pressed
 * with the keyboard) brings older pages and moves focus to the first of them, and a change on
 * the board adds only the new events, once each. The list is virtualised: only the rows in
 * view are in the DOM, each with its place in the whole list, and scrolling reaches them all.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim, moveCard } from '../../../shared/board';
import type { HistoryEvent } from '../../../server/storage/Storage';
import { staticClient } from '../../../server/http/staticClient';
import { chromiumAvailable, launchBrowser, type BrowserSession } from '../../helpers/browser';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { postJson } from '../../helpers/restApi';
import { latestActivity, openBoard } from '../../e2e/support/boardPage';
import { type BuiltClient, buildClient } from '../../e2e/support/buildClient';

const RUN = chromiumAvailable();
const EVENTS = 450;

const FEED = 'Board activity, newest first';
/** The keys the list's description ends with, whatever it holds. */
const KEYS =
  'Up and Down arrows move between changes and their buttons, Home and End to the first and last loaded; Tab goes on to the next control.';

/** The seqs of the rows in the DOM, top to bottom. */
const renderedSeqs = (page: Page) =>
  page
    .getByRole('list', { name: FEED })
    .evaluate((ol) =>
      [...ol.querySelectorAll<HTMLElement>(':scope > li')].map((li) => Number(li.dataset.seq)),
    );

/**
 * How many entries the feed holds, as every row states it (aria-setsize): -1, unknown, while
 * older events are not loaded.
 */
const feedSize = (page: Page) =>
  page
    .getByRole('list', { name: FEED })
    .evaluate((ol) => Number(ol.querySelector(':scope > li')?.getAttribute('aria-setsize') ?? 0));

/** The list's accessible description: how much of the history it holds (none once it all is), and its keys. */
const feedDescription = (page: Page) =>
  page.getByRole('list', { name: FEED }).evaluate((ol) =>
    (ol.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/**
 * Every entry's seq in list order, gathered by scrolling the feed from top to bottom a screen
 * at a time (each row is keyed by its aria-posinset), then back to the top.
 */
const allSeqs = (page: Page) =>
  page.getByRole('list', { name: FEED }).evaluate(async (ol) => {
    const scroller = ol.parentElement as HTMLElement;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    const seqs = new Map<number, number>();
    for (let top = 0; ; top += scroller.clientHeight / 2) {
      scroller.scrollTop = top;
      await frame();
      await frame();
      for (const li of ol.querySelectorAll<HTMLElement>(':scope > li')) {
        seqs.set(Number(li.getAttribute('aria-posinset')), Number(li.dataset.seq));
      }
      if (top >= scroller.scrollHeight) break;
    }
    scroller.scrollTop = 0;
    await frame();
    return [...seqs].sort((a, b) => a[0] - b[0]).map(([, seq]) => seq);
  });

const descending = (seqs: readonly number[]) => [...seqs].sort((a, b) => b - a);

/** Page-side: waits three frames, for the list to render and anchor what changed. */
const frames = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

const eddie = { id: 'ed', name: 'Eddie' };

describe.skipIf(!RUN)('the Activity panel pages through a long history', () => {
  let client: BuiltClient;
  let server: TestServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    client = buildClient();
    server = await startTestServer({}, { client: staticClient(client.dir) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    client?.remove();
  });

  /** The lead's page on the board, in a fresh profile, with the Activity panel open. */
  async function leadsActivity(leadUrl: string) {
    const page = await (await browser.newContext()).newPage();
    await openBoard(page, leadUrl);
    await page.getByRole('button', { name: 'Activity' }).click();
    return { page, feed: page.getByRole('region', { name: 'Activity' }) };
  }

  it('loads the latest page, older pages with the keyboard, then only what is new', async () => {
    const board = await postJson<{ id: string; leadUrl: string }>(`${server.url}/api/boards`, {
      title: 'Long history',
      name: 'Lea',
    });
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

    const { page, feed } = await leadsActivity(board.leadUrl);
    // The whole history's length is told, exactly, without loading it; the rows' number is not
    // known until it is (events group into rows): unknown, not "of 200".
    await expect
      .poll(() => feedDescription(page))
      .toBe(
        `The latest 200 of 450 changes are listed. Load older activity, after the list, brings older ones. ${KEYS}`,
      );
    expect(await feedSize(page)).toBe(-1);
    // Only the rows in view are rendered, newest first.
    const shown = await renderedSeqs(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(100);
    expect(shown).toEqual(descending(shown));
    await expect
      .poll(() => feed.getByRole('listitem').first().textContent())
      .toMatch(/^Olga imported the article “Article 449”/);
    const latest = await allSeqs(page);
    expect(latest).toHaveLength(200);
    expect(latest).toEqual(descending(latest));

    // Keyboard only: focus the button, press Enter; focus lands on the first older entry,
    // scrolled into view though it was not rendered before.
    const older = feed.getByRole('button', { name: 'Load older activity' });
    await older.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => feedDescription(page)).toMatch(/^The latest 400 of 450 changes/);
    const oldestBefore = latest.at(-1)!;
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-seq')))
      .toBe(String(oldestBefore - 1));
    // Scrolled back to the top (a mouse wheel), the focused entry stays rendered and focused.
    await feed.getByRole('list', { name: FEED }).evaluate(async (ol) => {
      (ol.parentElement as HTMLElement).scrollTop = 0;
      for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(await renderedSeqs(page)).toContain(latest[0]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-seq'))).toBe(
      String(oldestBefore - 1),
    );
    await older.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => feedSize(page)).toBe(EVENTS);
    expect(await feedDescription(page)).toBe(KEYS);
    expect(await older.count()).toBe(0);
    const everything = await allSeqs(page);
    expect(everything).toHaveLength(EVENTS);
    expect(new Set(everything).size).toBe(EVENTS);
    expect(everything).toEqual(descending(everything));
    expect(await renderedSeqs(page)).toContain(everything[0]);

    // A change on the board: the feed fetches what is new and holds every event once.
    await server.syncServer.change(board.id, eddie, (doc) =>
      addClaim(doc, { claim: 'Wages rose 4% last year.' }, { actor: eddie }),
    );
    await expect
      .poll(() => latestActivity(feed).textContent(), { timeout: 10_000 })
      .toMatch(/^Eddie added the card/);
    const all = await allSeqs(page);
    expect(all.length).toBeGreaterThan(EVENTS);
    expect(all.length).toBe(await feedSize(page));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(descending(all));
    // The last row is the oldest event: scrolled to, it is there.
    await feed.getByRole('list', { name: FEED }).evaluate((ol) => {
      const scroller = ol.parentElement as HTMLElement;
      scroller.scrollTop = scroller.scrollHeight;
    });
    await expect
      .poll(() => feed.getByRole('listitem').last().textContent())
      .toMatch(/^Olga imported the article “Article 0”/);

    // Reading old entries down there, new events arriving at the top do not move the view.
    const list = feed.getByRole('list', { name: FEED });
    const topRow = () =>
      list.evaluate((ol) => {
        const top = (ol.parentElement as HTMLElement).getBoundingClientRect().top;
        const rows = [...ol.querySelectorAll<HTMLElement>(':scope > li')];
        const row = rows.find((li) => li.getBoundingClientRect().top >= top) as HTMLElement;
        return { seq: row.dataset.seq, y: row.getBoundingClientRect().top };
      });
    const before = await topRow();
    const size = await feedSize(page);
    let prices = '';
    await server.syncServer.change(board.id, eddie, (doc) => {
      prices = addClaim(doc, { claim: 'Prices fell 2% in May.' }, { actor: eddie });
    });
    await expect.poll(() => feedSize(page), { timeout: 10_000 }).toBeGreaterThan(size);
    await list.evaluate(frames);
    expect(await topRow()).toEqual(before);

    // Back at the top, focus on the card's entry: a change to the card joins its row, above the
    // entry, which keeps its place on screen and the focus.
    await list.evaluate(async (ol) => {
      (ol.parentElement as HTMLElement).scrollTop = 0;
      for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    const pricesRow = list.locator(':scope > li').first();
    const added = pricesRow.getByRole('listitem').filter({ hasText: 'Eddie added the card' });
    await added.focus();
    const top = () => added.evaluate((el) => el.getBoundingClientRect().top);
    const y = await top();
    await server.syncServer.change(board.id, eddie, (doc) =>
      moveCard(doc, prices, { column: 'disputed', index: 0 }, { actor: eddie }),
    );
    await expect.poll(() => pricesRow.getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);
    await list.evaluate(frames);
    expect(Math.abs((await top()) - y)).toBeLessThan(1);
    expect(await added.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('tells the number of entries, not of events, once an import has grouped its cards', async () => {
    const board = await postJson<{ id: string; leadUrl: string }>(`${server.url}/api/boards`, {
      title: 'Imported history',
      name: 'Lea',
    });
    const olga = { id: 'old', name: 'Olga' };
    const start = Date.now() - 1_000 * 60_000;
    const edit = (i: number): HistoryEvent => ({
      boardId: board.id,
      cardId: null,
      type: 'article.added',
      actor: olga,
      at: start + i * 60_000,
      data: { title: `Article ${i}` },
    });
    // An import long ago (its 22 cards, one change: one entry), then 260 single changes.
    await server.storage.appendHistory([
      edit(0),
      ...Array.from({ length: 22 }, (_, k): HistoryEvent => ({
        boardId: board.id,
        cardId: `card${k}`,
        type: 'card.created',
        actor: olga,
        at: start,
        data: { claim: `Claim ${k}`, column: 'unverified' },
      })),
      ...Array.from({ length: 260 }, (_, i) => edit(i + 1)),
    ]);
    const { page, feed } = await leadsActivity(board.leadUrl);
    await expect
      .poll(() => feedDescription(page))
      .toMatch(/^The latest 200 of 283 changes are listed/);
    expect(await feedSize(page)).toBe(-1);

    await feed.getByRole('button', { name: 'Load older activity' }).click();
    // 283 events, 261 entries: every row says so, and the last is the import.
    await expect.poll(() => feedSize(page)).toBe(261);
    expect(await feedDescription(page)).toBe(KEYS);
    const list = feed.getByRole('list', { name: FEED });
    await list.evaluate((ol) => {
      const scroller = ol.parentElement as HTMLElement;
      scroller.scrollTop = scroller.scrollHeight;
    });
    const last = list.locator(':scope > li[aria-posinset="261"]');
    await expect.poll(() => last.textContent()).toMatch(/^Olga imported the article “Article 0”/);
  });
});
