/**
 * First visit bench: a big board opened in a browser that has never seen it (a fresh profile:
 * no IndexedDB copy, no cached shell), in headless Chromium against the real server. The
 * board is bench/longHistoryBoard's: about 600 cards worked on for weeks, some 4,200 history
 * events, a 1.2 MB Yjs document. For each open:
 *   - first card painted: navigation start to the first card in the DOM and one animation
 *     frame after it;
 *   - board arrived → first card: from the WebSocket message that carries the board to the
 *     first card painted, the client's own work (applying, reading, rendering), without the
 *     time the server takes to send it;
 *   - long tasks (over 50 ms, as the page records them) before the first card, and in the
 *     SETTLE_MS after it, when the page is on screen and should answer the reader;
 *   - main-thread busy: every task the renderer's main thread ran from navigation to
 *     SETTLE_MS after the first card (Chromium's TaskDuration metric).
 *
 * With a baseline (`FIRST_VISIT_BASE=<git ref> npm run bench -- firstvisit`, or
 * `node --import tsx bench/firstVisit.ts <git ref>`), the client of that commit is built too
 * and opens alternate between the two builds (ABBA), against the same server and board, so
 * both see the same machine; the table gives each build's medians and their ratios.
 */
import { fileURLToPath } from 'node:url';
import { type BrowserSession, chromiumAvailable, launchBrowser } from '../test/helpers/browser';
import { abbaOrder, type Build, buildClients, serveBuilds } from './clientBuilds';
import { buildLongHistoryBoard, type LongHistoryBoard } from './longHistoryBoard';
import type { Section } from './section';
import { median, sum } from './stats';
import { stopWithin } from './stopWithin';
import { formatNumber, formatRatio, renderMarkdown, type Table } from './table';
import { collectTrace, TASKS, type TraceEvent } from './trace';

const CARDS = 600;
/** Opens per build (after one warm-up open each, not counted). */
const ROUNDS = Number(process.env.FIRST_VISIT_ROUNDS ?? 10);
const SETTLE_MS = 3_000;
const TIMEOUT = 60_000;
/** The user-timing mark the page sets when the first card is painted, found in the trace. */
const FIRST_CARD_MARK = 'factboard-first-card';
/** A WebSocket message at least this large carries the board (its sync step 2). */
const BOARD_MESSAGE_BYTES = 64 * 1024;

interface Visit {
  readonly firstCard: number;
  readonly boardToCard: number;
  readonly longBefore: number;
  readonly longAfter: number;
  readonly cpuBefore: number;
  readonly cpuAfter: number;
}

/**
 * Page-side (a plain string: the TypeScript loader would wrap named functions in a helper that
 * does not exist in the page): long tasks, when the board's message arrives, when the first
 * card is painted.
 */
const WATCH_FIRST_VISIT = `(() => {
  const fv = (window.__firstVisit = { longTasks: [], boardAt: null, firstCard: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) fv.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const Base = window.WebSocket;
  window.WebSocket = class extends Base {
    constructor(...args) {
      super(...args);
      // Registered before the provider's onmessage, so it runs first.
      this.addEventListener('message', (event) => {
        const bytes = event.data.byteLength ?? event.data.size ?? 0;
        if (fv.boardAt === null && bytes >= ${BOARD_MESSAGE_BYTES}) fv.boardAt = performance.now();
      });
    }
  };
  new MutationObserver((_, observer) => {
    if (!document.querySelector('li[data-card-id]')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      fv.firstCard = performance.now();
      performance.mark('${FIRST_CARD_MARK}');
    });
  }).observe(document, { childList: true, subtree: true });
})()`;

interface PageRecord {
  longTasks: [number, number][];
  boardAt: number | null;
  firstCard: number | null;
}

/**
 * CPU time of the tasks the page's main thread ran (the thread that set the first-card mark)
 * before the mark and in the `windowMs` after it, in ms.
 */
function mainThreadCpu(events: readonly TraceEvent[], windowMs: number) {
  const mark = events.find((e) => e.name === FIRST_CARD_MARK);
  if (!mark) throw new Error('no first-card mark in the trace');
  const tasks = events.filter(
    (e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && TASKS.has(e.name),
  );
  const cpu = (keep: (ts: number) => boolean) =>
    sum(tasks.filter((e) => keep(e.ts)).map((e) => e.tdur ?? 0)) / 1000;
  return {
    cpuBefore: cpu((ts) => ts < mark.ts),
    cpuAfter: cpu((ts) => ts >= mark.ts && ts < mark.ts + windowMs * 1000),
  };
}

async function visit(browser: BrowserSession, url: string, cards: number): Promise<Visit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const record = () => page.evaluate('window.__firstVisit') as Promise<PageRecord>;
    const events = await collectTrace(cdp, 'toplevel,blink.user_timing', async () => {
      await page.addInitScript(WATCH_FIRST_VISIT);
      await page.goto(url);
      // Polled: the app's Content-Security-Policy forbids waitForFunction's eval.
      const deadline = performance.now() + TIMEOUT;
      while ((await record()).firstCard === null) {
        if (performance.now() > deadline) throw new Error('no card painted');
        await page.waitForTimeout(20);
      }
      await page.waitForTimeout(SETTLE_MS);
    });
    const shown = await page.locator('li[data-card-id]').count();
    const counts = await page.locator('.column-count').allTextContents();
    const total = sum(counts.map((c) => Number.parseInt(c, 10)));
    if (shown === 0 || total !== cards) throw new Error(`board shows ${total} of ${cards} cards`);
    const { longTasks, boardAt, firstCard } = await record();
    if (boardAt === null || firstCard === null) throw new Error('the board never arrived');
    const end = firstCard + SETTLE_MS;
    return {
      firstCard,
      boardToCard: firstCard - boardAt,
      longBefore: sum(longTasks.filter(([at]) => at < firstCard).map(([, d]) => d)),
      longAfter: sum(longTasks.filter(([at]) => at >= firstCard && at < end).map(([, d]) => d)),
      ...mainThreadCpu(events, SETTLE_MS),
    };
  } finally {
    await context.close();
  }
}

const MEASURES: readonly { key: keyof Visit; title: string }[] = [
  { key: 'firstCard', title: 'First card painted' },
  { key: 'boardToCard', title: 'Board arrived → first card' },
  { key: 'longBefore', title: 'Long tasks before it' },
  { key: 'longAfter', title: `Long tasks in the ${SETTLE_MS / 1000} s after` },
  { key: 'cpuBefore', title: 'Main-thread CPU before it' },
  { key: 'cpuAfter', title: 'Main-thread CPU in the 3 s after' },
];

/** Makes the board, then opens it ROUNDS times with each build, in ABBA order. */
async function visitAlternately(
  builds: readonly Build[],
): Promise<{ board: LongHistoryBoard; visits: Map<Build, Visit[]> }> {
  const { server, serve } = await serveBuilds(builds);
  const browser = await launchBrowser();
  try {
    const board = await buildLongHistoryBoard(server, CARDS);
    const url = board.leadUrl.replace(/^https?:\/\/[^/]+/, server.url);
    for (const build of builds) {
      serve(build);
      await visit(browser, url, board.cards); // warm-up: the room loads, V8 and disk warm
    }
    const visits = new Map<Build, Visit[]>(builds.map((b) => [b, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const build of abbaOrder(builds, round)) {
        serve(build);
        const seen = await visit(browser, url, board.cards);
        visits.get(build)?.push(seen);
        process.stderr.write(
          `[bench] firstvisit: ${build.name}: first card ${Math.round(seen.firstCard)} ms, board → card ${Math.round(seen.boardToCard)} ms, long tasks ${Math.round(seen.longBefore)} + ${Math.round(seen.longAfter)} ms, main-thread CPU ${Math.round(seen.cpuBefore)} + ${Math.round(seen.cpuAfter)} ms\n`,
        );
      }
    }
    return { board, visits };
  } finally {
    await browser.close();
    await stopWithin(server, 10_000, 'firstvisit');
  }
}

async function benchFirstVisit(baseRef = process.env.FIRST_VISIT_BASE): Promise<Table> {
  const columns = ['Build', ...MEASURES.map((m) => m.title)];
  if (!chromiumAvailable()) {
    return { title: 'First visit', columns, rows: [], notes: ['Skipped: no Chromium.'] };
  }
  const builds = buildClients(baseRef);
  let measured: Awaited<ReturnType<typeof visitAlternately>>;
  try {
    measured = await visitAlternately(builds);
  } finally {
    for (const build of builds) build.client.remove();
  }
  const { board, visits } = measured;
  const medians = builds.map((b) =>
    MEASURES.map((m) => median((visits.get(b) ?? []).map((v) => v[m.key])) as number),
  );
  const rows = builds.map((b, i) => [
    b.name,
    ...(medians[i] ?? []).map((value) => formatNumber(value, 'ms')),
  ]);
  const [before, after] = medians;
  if (before && after) {
    rows.push([
      'this checkout ÷ before',
      ...after.map((value, j) => formatRatio(value, before[j])),
    ]);
  }
  return {
    title: 'First visit: a big board in a fresh browser profile',
    columns,
    rows,
    notes: [
      `Headless Debian Chromium via playwright-core (1400 × 900), built client, real server (SQLite) on 127.0.0.1, in-process; the board: ${board.cards} cards imported from articles over REST, then worked on in changes of their own (taken, evidence, a comment, half of the claims edited, two thirds moved with a verdict, released), ${(board.bytes / 1e6).toFixed(2)} MB as Yjs encodes it.`,
      `Each open in a new browser context (no IndexedDB copy, no HTTP or code cache); medians of ${ROUNDS} opens per build after one warm-up open each${builds.length === 2 ? ', the builds alternating (ABBA) on one server and board' : ''}.`,
      `First card painted: navigation start to one animation frame after the first card is in the DOM. Board arrived → first card: from the WebSocket message carrying the board (its first message of 64 KB or more). Long tasks: the sum of tasks over 50 ms the page observed. Main-thread CPU: the thread time of the tasks the page's main thread ran (a Chromium trace, 'toplevel' category), from navigation; it counts only what the page itself ran, so it is the figure that other work on the machine disturbs least (on a shared machine the wall-clock figures stretch with the load).`,
      `Both windows end ${SETTLE_MS / 1000} s after the first card: what the page does then (storing its copy of the board in IndexedDB, deferred renders) still blocks a reader's first click.`,
    ],
  };
}

export function firstVisitSection(): Section {
  return { name: 'firstvisit', run: () => benchFirstVisit() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(renderMarkdown(await benchFirstVisit(process.argv[2])));
}
