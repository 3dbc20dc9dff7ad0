/**
 * Browser bench (issue 3): in headless Chromium against the real server, for boards of 100,
 * 1,000 and 10,000 realistic cards (bench/sync/cardModel):
 *   - open: time from navigation to the first painted card, in a fresh profile (no IndexedDB
 *     copy, no cached shell), median of three;
 *   - move: a keyboard move in one browser (pick up, arrow right, drop) until the card shows
 *     in the target column of a second browser, median and worst of five;
 *   - scroll: Unverified scrolled at a steady 3,000 px/s (a fast flick) for three seconds,
 *     from the top and back to the top at the end; the time between animation frames (95th
 *     percentile and longest) and the tasks over 50 ms, as the page itself records them.
 * Target: the 10,000-card board opens within 3× the time of the 100-card board.
 *
 * `benchBrowser()` returns the table; `browserSection()` is its `npm run bench` section;
 * `node --import tsx bench/browser.ts` runs it alone.
 */
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from '../test/helpers/browser';
import { startBoardServer } from '../test/e2e/support/boardServer';
import type { Section } from './section';
import { stopWithin } from './stopWithin';
import { median, percentile } from './stats';
import { bigBoardUpdate } from '../test/e2e/support/bigBoard';
import { formatNumber, formatRatio, renderMarkdown, type Table } from './table';

const SIZES = [100, 1_000, 10_000] as const;
const OPENS = 3;
const MOVES = 5;
const TIMEOUT = 60_000;
/** The scroll: pixels per animation frame (3,000 px/s at 60 frames/s) and frames. */
const SCROLL_STEP_PX = 50;
const SCROLL_FRAMES = 180;

declare global {
  interface Window {
    __firstCard?: number;
    __dropAt?: number;
    __arrivedAt?: number;
  }
}

// Page-side scripts are plain strings: the TypeScript loader would wrap named functions
// in a helper that does not exist in the page.

/** Records when the first card is in the DOM and painted (the next animation frame). */
const WATCH_FIRST_CARD = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('li[data-card-id]')) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstCard = performance.now(); });
  }).observe(document, { childList: true, subtree: true });`;

/** Records the time of the next key press (the drop). */
const RECORD_NEXT_KEY = `(() => {
  window.addEventListener('keydown', () => {
    window.__dropAt = performance.timeOrigin + performance.now();
  }, { capture: true, once: true });
})()`;

/** Records when a card shows in Corroborated. */
const watchArrival = (cardId: string) => `(() => {
  window.__arrivedAt = undefined;
  const selector = 'section[aria-labelledby="column-corroborated"] li[data-card-id=' +
    ${JSON.stringify(JSON.stringify(cardId))} + ']';
  const check = () => {
    if (!document.querySelector(selector)) return false;
    window.__arrivedAt = performance.timeOrigin + performance.now();
    return true;
  };
  if (!check()) {
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document.body, { childList: true, subtree: true });
  }
})()`;

interface ScrollFrames {
  readonly intervals: number[];
  readonly longTasks: number;
}

/**
 * Scrolls Unverified by SCROLL_STEP_PX each animation frame (back to the top when it reaches
 * the bottom) and returns the intervals between frames and the count of tasks over 50 ms.
 */
const SCROLL_COLUMN = `new Promise((resolve) => {
  const list = document.querySelector('section[aria-labelledby="column-unverified"] .column-scroll');
  if (!list) throw new Error('no Unverified list');
  let longTasks = 0;
  const observer = new PerformanceObserver((entries) => { longTasks += entries.getEntries().length; });
  observer.observe({ type: 'longtask' });
  const intervals = [];
  let last = performance.now();
  let frames = 0;
  const step = (now) => {
    intervals.push(now - last);
    last = now;
    if (++frames > ${SCROLL_FRAMES}) {
      observer.disconnect();
      resolve({ intervals: intervals.slice(1), longTasks });
      return;
    }
    const bottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
    list.scrollTop = bottom ? 0 : list.scrollTop + ${SCROLL_STEP_PX};
    requestAnimationFrame(step);
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(step); });
})`;

async function timeToFirstCard(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(WATCH_FIRST_CARD);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstCard !== undefined, null, { timeout: TIMEOUT });
  const ms = await page.evaluate(() => window.__firstCard as number);
  await page.close();
  return ms;
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-status="saved"]').waitFor({ timeout: TIMEOUT });
}

/** One keyboard move of Unverified's top card in `a`; ms until `b` shows it in Corroborated. */
async function keyboardMove(a: Page, b: Page): Promise<number> {
  const top = a
    .getByRole('region', { name: /^Unverified\b/ })
    .locator('li[data-card-id]')
    .first();
  const cardId = await top.getAttribute('data-card-id');
  if (!cardId) throw new Error('no card to move');
  await b.evaluate(watchArrival(cardId));
  await top.focus();
  await a.keyboard.press('Space');
  await a.keyboard.press('ArrowRight');
  await a.evaluate(RECORD_NEXT_KEY);
  await a.keyboard.press('Space');
  await b.waitForFunction(() => window.__arrivedAt !== undefined, null, { timeout: TIMEOUT });
  const dropAt = await a.evaluate(() => window.__dropAt as number);
  const arrivedAt = await b.evaluate(() => window.__arrivedAt as number);
  return arrivedAt - dropAt;
}

async function benchBrowser(sizes: readonly number[] = SIZES): Promise<Table> {
  const notes = [
    `Headless Debian Chromium via playwright-core, built client, real server (SQLite) on 127.0.0.1; cards of bench/sync/cardModel (100-character claim, 300-character sentence, two comments).`,
    `Open: navigation start to the first card painted (first card in the DOM, then one animation frame), fresh profile each time, median of ${OPENS}.`,
    `Move: Space, ArrowRight, Space on Unverified's top card in browser A until it is in Corroborated in browser B, median (worst) of ${MOVES}.`,
    `Scroll: Unverified scrolled ${SCROLL_STEP_PX} px per animation frame (3,000 px/s at 60 frames/s) for ${SCROLL_FRAMES} frames, wrapping to the top at the bottom; interval between frames (16.7 ms is every frame at 60 Hz) and long tasks, recorded in the page. Headless Chromium renders without a GPU here, so the absolute frame times are a machine's, the ratio to 100 cards is the board's.`,
    'Target: the 10,000-card board opens within 3× the time of the 100-card board.',
  ];
  if (!chromiumAvailable()) {
    return { title: 'Browser', columns: ['Cards'], rows: [], notes: ['Skipped: no Chromium.'] };
  }
  const server = await startBoardServer();
  const browser = await launchBrowser();
  const rows: string[][] = [];
  let base: number | undefined;
  let frameBase: number | undefined;
  try {
    for (const cards of sizes) {
      const board = await server.createBoard(`Bench ${cards}`, 'Bench lead');
      await server.seed(board.id, [bigBoardUpdate(cards)]);
      const editorUrl = await server.invite(board, 'Bench editor', 'editor');

      const opens: number[] = [];
      for (let i = 0; i < OPENS; i++) {
        const context = await browser.newContext();
        opens.push(await timeToFirstCard(context, board.leadUrl));
        await context.close();
      }

      const [ca, cb] = await Promise.all([browser.newContext(), browser.newContext()]);
      const [a, b] = await Promise.all([ca.newPage(), cb.newPage()]);
      await Promise.all([a.goto(board.leadUrl), b.goto(editorUrl)]);
      await Promise.all([waitSaved(a), waitSaved(b)]);
      const moves: number[] = [];
      for (let i = 0; i < MOVES; i++) moves.push(await keyboardMove(a, b));
      const scroll = (await a.evaluate(SCROLL_COLUMN)) as ScrollFrames;
      await Promise.all([ca.close(), cb.close()]);

      process.stderr.write(
        `[bench] browser: ${cards} cards: open ${opens.map(Math.round).join(', ')} ms; move ${moves.map(Math.round).join(', ')} ms; scroll ${scroll.intervals.length} frames\n`,
      );
      const open = median(opens) as number;
      const frameP95 = percentile(scroll.intervals, 95) as number;
      base ??= open;
      frameBase ??= frameP95;
      rows.push([
        cards.toLocaleString('en-US'),
        formatNumber(open, 'ms'),
        formatRatio(open, base),
        formatNumber(median(moves) as number, 'ms'),
        formatNumber(percentile(moves, 100) as number, 'ms'),
        formatNumber(frameP95, 'ms'),
        formatRatio(frameP95, frameBase),
        formatNumber(percentile(scroll.intervals, 100) as number, 'ms'),
        String(scroll.longTasks),
      ]);
    }
  } finally {
    await browser.close();
    await stopWithin(server, 10_000, 'browser');
  }
  return {
    title: 'Browser: open a board, move a card',
    columns: [
      'Cards',
      'First card painted',
      'vs 100 cards',
      'Move seen by 2nd browser',
      'worst',
      'Scroll: frame interval p95',
      'vs 100 cards',
      'longest frame',
      'tasks > 50 ms',
    ],
    rows,
    notes,
  };
}

export function browserSection(): Section {
  return { name: 'browser', run: () => benchBrowser() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(renderMarkdown(await benchBrowser()));
}
