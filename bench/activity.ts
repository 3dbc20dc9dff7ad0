/**
 * Activity bench: the Activity panel on a board with a long history, in headless Chromium
 * against the real server. With about 200, 1,000 and 9,000 events loaded in the feed (its
 * latest page, then "Load older activity"), 8 changes are made on the server, one card added
 * each; for each, the time until its event heads the feed, and the page's long tasks (over
 * 50 ms) meanwhile. Every change of the board re-renders the panel, so the long tasks are
 * what the feed's length costs the page; 200 events (one page) is the baseline.
 *
 * `activitySection()` is its `npm run bench` section; `node --import tsx bench/activity.ts`
 * runs it alone.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { addClaim } from '../shared/board/commands/cards';
import { bigBoardUpdate } from '../test/e2e/support/bigBoard';
import { type BoardServer, startBoardServer } from '../test/e2e/support/boardServer';
import { chromiumAvailable, launchBrowser } from '../test/helpers/browser';
import { takeLongTasks, WATCH_LONG_TASKS } from './longTasks';
import type { Section } from './section';
import { median, percentile } from './stats';
import { stopWithin } from './stopWithin';
import { formatNumber, formatRatio, renderMarkdown, type Table } from './table';

/** Cards of bench/sync/cardModel: each is created and commented twice, 3 events a card. */
const CARDS = 3_000;
/** Events to load before each round of changes; the last means all of them. */
const TARGETS = [200, 1_000, Infinity] as const;
const CHANGES = 8;
const TIMEOUT = 60_000;
const ACTOR = { id: 'bench', name: 'Bench colleague' };

/**
 * Page-side: the events the feed holds and the whole history's count, from the list's
 * description ("The latest 200 of 9,024 changes are listed"); null once it holds them all (the
 * description is gone). Rows say nothing of it: events group into rows, and a row gives the
 * list's size as unknown (-1) until the whole history is held.
 */
const FEED_COUNTS = `(() => {
  const list = document.querySelector('.activity-feed');
  for (const id of (list?.getAttribute('aria-describedby') ?? '').split(' ')) {
    const text = document.getElementById(id)?.textContent ?? '';
    const m = /The latest ([\\d,]+) (?:of ([\\d,]+) )?changes are listed/.exec(text);
    if (m) {
      const count = (digits) => Number(digits.replaceAll(',', ''));
      return { held: count(m[1]), total: m[2] === undefined ? null : count(m[2]) };
    }
  }
  return null;
})()`;

interface FeedCounts {
  readonly held: number;
  readonly total: number | null;
}

const feedCounts = (page: Page) => page.evaluate(FEED_COUNTS) as Promise<FeedCounts | null>;

/**
 * Presses "Load older activity" until the feed holds `events` or everything; returns how many
 * it holds (once everything, the count the description last gave of the whole history).
 */
async function loadUntil(page: Page, events: number): Promise<number> {
  const older = page.getByRole('button', { name: 'Load older activity' });
  let counts = await feedCounts(page);
  let total = counts?.total ?? null;
  while (counts !== null && counts.held < events) {
    const before = counts.held;
    await older.click();
    // Polled from here: the app's Content-Security-Policy forbids waitForFunction's eval.
    const deadline = performance.now() + TIMEOUT;
    while ((counts = await feedCounts(page)) !== null && counts.held <= before) {
      if (performance.now() > deadline) throw new Error('older activity did not load');
      await page.waitForTimeout(50);
    }
    total = counts?.total ?? total;
  }
  if (counts !== null) return counts.held;
  if (total === null) throw new Error('the feed never said how many changes the history holds');
  return total;
}

/**
 * Scrolls the feed to its newest event. After "Load older activity" the feed moves focus (and
 * its scroll) to the first older entry a few frames later: wait for that before scrolling up.
 */
async function toTop(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const scroller = document.querySelector('.activity-scroll');
    if (scroller) scroller.scrollTop = 0;
  });
  await page.waitForTimeout(100);
}

/** Adds a card on the server, as a colleague would; resolves when the feed shows it first. */
async function changeShownAfter(server: BoardServer, boardId: string, page: Page, n: number) {
  const doc = new Y.Doc();
  const claim = `Bench change ${n}: unemployment fell to 4.1% in the third quarter.`;
  addClaim(doc, { claim }, { actor: ACTOR });
  const started = performance.now();
  await server.seed(boardId, [Y.encodeStateAsUpdate(doc)]);
  await page.locator('.activity-feed > li').first().getByText(claim).waitFor({ timeout: TIMEOUT });
  return performance.now() - started;
}

async function benchActivity(): Promise<Table> {
  const notes = [
    `Headless Debian Chromium via playwright-core, built client, real server (SQLite) on 127.0.0.1; a board of ${CARDS.toLocaleString('en-US')} cards of bench/sync/cardModel (3 events each), the Activity panel open, scrolled to its top.`,
    `For each size: ${CHANGES} changes made on the server one after the other (a card added each, as by a colleague); shown after = from the change until its event heads the feed, median and worst; long tasks = tasks over 50 ms the page ran during the ${CHANGES} changes.`,
    'Most of every "shown after" is the feed\'s own wait, not rendering: it asks for new events 400 ms after the board last changed (client/history/refresher.ts). The long tasks are the cost of its length.',
  ];
  if (!chromiumAvailable()) {
    return { title: 'Activity', columns: ['Events'], rows: [], notes: ['Skipped: no Chromium.'] };
  }
  const server = await startBoardServer();
  const browser = await launchBrowser();
  const rows: string[][] = [];
  let base: number | undefined;
  try {
    const board = await server.createBoard('Bench activity', 'Bench lead');
    await server.seed(board.id, [bigBoardUpdate(CARDS)]);
    const page = await (await browser.newContext()).newPage();
    await page.goto(board.leadUrl);
    await page.locator('li[data-card-id]').first().waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Activity' }).click();
    await page.locator('.activity-feed > li').first().waitFor({ timeout: TIMEOUT });
    await page.evaluate(WATCH_LONG_TASKS);
    let n = 0;
    for (const target of TARGETS) {
      const events = await loadUntil(page, target);
      await toTop(page);
      // One observer for the whole run: one per size would count each task once per size so far.
      await takeLongTasks(page);
      const shown: number[] = [];
      for (let i = 0; i < CHANGES; i++)
        shown.push(await changeShownAfter(server, board.id, page, n++));
      const longTasks = await takeLongTasks(page);
      process.stderr.write(
        `[bench] activity: ${events} events: shown after ${shown.map(Math.round).join(', ')} ms; long tasks ${longTasks.map(Math.round).join(', ') || 'none'}\n`,
      );
      const typical = median(shown) as number;
      base ??= typical;
      rows.push([
        events.toLocaleString('en-US'),
        formatNumber(typical, 'ms'),
        formatNumber(percentile(shown, 100) as number, 'ms'),
        formatRatio(typical, base),
        String(longTasks.length),
        longTasks.length > 0 ? formatNumber(Math.max(...longTasks), 'ms') : '—',
        formatNumber(
          longTasks.reduce((sum, d) => sum + d, 0),
          'ms',
        ),
      ]);
    }
  } finally {
    await browser.close();
    await stopWithin(server, 10_000, 'activity');
  }
  return {
    title: 'Activity panel: a long history, changes arriving',
    columns: [
      'Events in the feed',
      'Change shown after',
      'worst',
      'vs one page',
      'long tasks',
      'longest',
      'long-task time',
    ],
    rows,
    notes,
  };
}

export function activitySection(): Section {
  return { name: 'activity', run: () => benchActivity() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(renderMarkdown(await benchActivity()));
}
