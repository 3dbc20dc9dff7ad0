/**
 * Activity burst bench: what the Activity panel costs a page while a colleague works fast (QA's
 * scenario). On a board of 307 cards, an editor on a y-websocket client in Node makes 60 moves
 * and 60 comments, a move and a comment every 20 ms, while a lead's page in headless Chromium
 * watches, with the Activity panel closed (the baseline) or open. The two alternate (ABBA), each
 * burst on a fresh page, so both see the same machine. For each burst, from its first change
 * until SETTLE_MS after the server stored its last (the feed's own last refetch comes 2.5 s
 * after the board last changed, client/history/refresher.ts):
 *   - the page's main-thread time: its tasks' durations and their CPU time (Chromium's
 *     TaskDuration and ThreadTime metrics; CPU time is what other work on the machine disturbs
 *     least);
 *   - its long tasks (over 50 ms);
 *   - with Activity open, when the last comment headed the feed, from when it was stored.
 *
 * With a baseline (`ACTIVITY_BURST_BASE=<git ref> npm run bench -- activityburst`) the client
 * of that commit is built too, and each burst is watched by both builds in turn (ABBA), on one
 * server and board.
 *
 * `activityBurstSection()` is its `npm run bench` section; `node --import tsx
 * bench/activityBurst.ts [base ref]` runs it alone. ACTIVITY_BURST_ROUNDS sets the bursts per
 * mode and build (4); ACTIVITY_BURST_CARDS the board's cards (307).
 */
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { addComment, moveCard, readBoard } from '../shared/board';
import { bigBoardUpdate } from '../test/e2e/support/bigBoard';
import { SYSTEM_ACTOR } from '../shared/board/actor';
import { type BrowserSession, chromiumAvailable, launchBrowser } from '../test/helpers/browser';
import { connectProvider, type TestClient } from '../test/helpers/connectProvider';
import { postJson } from '../test/helpers/restApi';
import * as Y from 'yjs';
import { abbaOrder, type Build, buildClients, serveBuilds } from './clientBuilds';
import { takeLongTasks, WATCH_LONG_TASKS } from './longTasks';
import type { Section } from './section';
import { median, percentile, sum } from './stats';
import { stopWithin } from './stopWithin';
import { formatNumber, formatRatio, renderMarkdown, type Table } from './table';

const CARDS = Number(process.env.ACTIVITY_BURST_CARDS ?? 307);
/** Cards moved and commented, one move and one comment each. */
const CARDS_CHANGED = 60;
const PAUSE_MS = 20;
const SETTLE_MS = 3_000;
const ROUNDS = Number(process.env.ACTIVITY_BURST_ROUNDS ?? 4);
const TIMEOUT = 60_000;

type Mode = 'closed' | 'open';

interface Burst {
  /** Main-thread task time and CPU time over the burst and SETTLE_MS after it, in ms. */
  readonly taskTime: number;
  readonly cpuTime: number;
  readonly longTasks: readonly number[];
  /** From the last change stored until its comment headed the feed; null with Activity closed. */
  readonly shownAfter: number | null;
}

declare global {
  interface Window {
    __lastShownAt?: number;
  }
}

/**
 * Page-side: records when an entry holding `text` first heads the Activity feed (wall clock,
 * ms), checking the feed's first row only, so the watch costs a closed panel's page nothing.
 */
const watchFeedHead = (text: string) => `(() => {
  window.__lastShownAt = undefined;
  const text = ${JSON.stringify(text)};
  const check = () => {
    const head = document.querySelector('.activity-feed > li');
    if (!head || !head.textContent.includes(text)) return false;
    window.__lastShownAt = performance.timeOrigin + performance.now();
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

const lastShownAt = (page: Page) => page.evaluate(() => window.__lastShownAt ?? null);

/** The main thread's task time and CPU time so far, in ms (CDP Performance metrics). */
async function mainThread(cdp: CDPSession): Promise<{ task: number; cpu: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: metric('TaskDuration'), cpu: metric('ThreadTime') };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function burst(
  browser: BrowserSession,
  leadUrl: string,
  editor: TestClient,
  actor: { id: string; name: string },
  mode: Mode,
  n: number,
): Promise<Burst> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(leadUrl);
    await page.locator('li[data-card-id]').first().waitFor({ timeout: TIMEOUT });
    if (mode === 'open') {
      await page.getByRole('button', { name: 'Activity' }).click();
      await page.locator('.activity-feed > li').first().waitFor({ timeout: TIMEOUT });
    }
    await page.evaluate(WATCH_LONG_TASKS);
    const tag = `Burst ${n}, comment`;
    await page.evaluate(watchFeedHead(`${tag} ${CARDS_CHANGED - 1}.`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await pause(1_000); // the page settles after opening
    await takeLongTasks(page);
    const ids = Object.keys(readBoard(editor.doc).cards).sort().slice(0, CARDS_CHANGED);
    const before = await mainThread(cdp);
    const as = { actor };
    for (const [i, id] of ids.entries()) {
      const column = readBoard(editor.doc).cards[id]?.column;
      moveCard(
        editor.doc,
        id,
        { column: column === 'corroborated' ? 'disputed' : 'corroborated', index: 0 },
        as,
      );
      addComment(editor.doc, id, { text: `${tag} ${i}.` }, as);
      await pause(PAUSE_MS);
    }
    await editor.allSaved(TIMEOUT);
    const stored = Date.now();
    await pause(SETTLE_MS);
    const after = await mainThread(cdp);
    const longTasks = await takeLongTasks(page);
    let shownAt = await lastShownAt(page);
    const deadline = Date.now() + TIMEOUT;
    while (mode === 'open' && shownAt === null) {
      if (Date.now() > deadline)
        throw new Error(`burst ${n}: the last comment never headed the feed`);
      await pause(50);
      shownAt = await lastShownAt(page);
    }
    const shownAfter = mode === 'open' && shownAt !== null ? shownAt - stored : null;
    return {
      taskTime: after.task - before.task,
      cpuTime: after.cpu - before.cpu,
      longTasks,
      shownAfter,
    };
  } finally {
    await context.close();
  }
}

/** The bursts each build's page watched, by mode. */
type Results = Map<Build, Record<Mode, Burst[]>>;

/** Makes the board and its editor, then runs the bursts, each build watching in ABBA order. */
async function burstAlternately(builds: readonly Build[]): Promise<Results> {
  const { server, serve } = await serveBuilds(builds);
  const browser = await launchBrowser();
  const results: Results = new Map(builds.map((b) => [b, { closed: [], open: [] }]));
  try {
    const board = await postJson<{ id: string; leadUrl: string; leadToken: string }>(
      `${server.url}/api/boards`,
      { title: 'Bench activity burst', name: 'Bench lead' },
    );
    const update = bigBoardUpdate(CARDS);
    await server.syncServer.change(board.id, SYSTEM_ACTOR, (doc) => Y.applyUpdate(doc, update));
    const invite = await postJson<{ url: string }>(
      `${server.url}/api/boards/${board.id}/invites`,
      { name: 'Bench editor', role: 'editor' },
      board.leadToken,
    );
    const token = new URL(invite.url).hash.replace('#invite=', '');
    const me = (await (
      await fetch(`${server.url}/api/boards/${board.id}`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as { inviteId: string; name: string };
    const leadUrl = board.leadUrl.replace(/^https?:\/\/[^/]+/, server.url);
    const editor = connectProvider(server.url.replace(/^http/, 'ws') + '/sync', board.id, token);
    try {
      await editor.synced();
      const actor = { id: me.inviteId, name: me.name };
      const order: Mode[] = ['closed', 'open', 'open', 'closed'];
      let n = 0;
      for (let round = 0; round < ROUNDS * 2; round++) {
        const mode = order[round % order.length] as Mode;
        for (const build of abbaOrder(builds, round)) {
          serve(build);
          const b = await burst(browser, leadUrl, editor, actor, mode, n++);
          results.get(build)?.[mode].push(b);
          process.stderr.write(
            `[bench] activity burst ${n - 1} (${builds.length > 1 ? `${build.name}, ` : ''}${mode}): task ${Math.round(b.taskTime)} ms, CPU ${Math.round(b.cpuTime)} ms; long tasks ${b.longTasks.map(Math.round).join(', ') || 'none'}${b.shownAfter === null ? '' : `; last shown after ${Math.round(b.shownAfter)} ms`}\n`,
          );
        }
      }
    } finally {
      editor.destroy();
      // Its awareness's timer goes with the doc; it would keep the process alive.
      editor.doc.destroy();
    }
  } finally {
    await browser.close();
    await stopWithin(server, 10_000, 'activity burst');
  }
  return results;
}

async function benchActivityBurst(baseRef = process.env.ACTIVITY_BURST_BASE): Promise<Table> {
  const notes = [
    `Headless Debian Chromium via playwright-core, built client, real server (SQLite) on 127.0.0.1; a board of ${CARDS} cards of bench/sync/cardModel. An editor on a y-websocket client in Node moves ${CARDS_CHANGED} cards and comments on each, a move and a comment every ${PAUSE_MS} ms (${CARDS_CHANGED * 2} changes in 1.5–3 s), while the lead's page watches.`,
    `${ROUNDS} bursts with the Activity panel closed and ${ROUNDS} with it open, alternating (ABBA), each on a fresh page; medians. Measured from the first change until ${SETTLE_MS / 1000} s after the server stored the last: main-thread task time and its CPU time (Chromium's TaskDuration and ThreadTime), tasks over 50 ms (count, time, longest of all bursts).`,
    "Last shown after: from when the editor had the server's acknowledgment of its last change (polled every 10 ms) until that comment headed the feed (the feed asks 400 ms after the board last changed).",
  ];
  const columns = [
    'Lead page',
    'main-thread time',
    'vs closed',
    'CPU time',
    'vs closed',
    'long tasks',
    'long-task time',
    'longest',
    'last shown after (median / worst)',
  ];
  if (!chromiumAvailable()) {
    return { title: 'Activity burst', columns, rows: [], notes: ['Skipped: no Chromium.'] };
  }
  const builds = buildClients(baseRef);
  let results: Results;
  try {
    results = await burstAlternately(builds);
  } finally {
    for (const build of builds) build.client.remove();
  }
  const of = (build: Build, mode: Mode) => results.get(build)?.[mode] ?? [];
  const typical = (build: Build, mode: Mode, value: (b: Burst) => number) =>
    median(of(build, mode).map(value)) as number;
  const rows = builds.flatMap((build) =>
    (['closed', 'open'] as const).map((mode) => {
      const all = of(build, mode);
      const longest = Math.max(0, ...all.flatMap((b) => b.longTasks));
      const shown = all.flatMap((b) => (b.shownAfter === null ? [] : [b.shownAfter]));
      const label = mode === 'closed' ? 'Activity closed' : 'Activity open';
      return [
        builds.length > 1 ? `${build.name}: ${label}` : label,
        formatNumber(
          typical(build, mode, (b) => b.taskTime),
          'ms',
        ),
        formatRatio(
          typical(build, mode, (b) => b.taskTime),
          typical(build, 'closed', (b) => b.taskTime),
        ),
        formatNumber(
          typical(build, mode, (b) => b.cpuTime),
          'ms',
        ),
        formatRatio(
          typical(build, mode, (b) => b.cpuTime),
          typical(build, 'closed', (b) => b.cpuTime),
        ),
        String(typical(build, mode, (b) => b.longTasks.length)),
        formatNumber(
          typical(build, mode, (b) => sum(b.longTasks)),
          'ms',
        ),
        longest > 0 ? formatNumber(longest, 'ms') : '—',
        shown.length > 0
          ? `${formatNumber(median(shown) as number, 'ms')} / ${formatNumber(percentile(shown, 100) as number, 'ms')}`
          : '—',
      ];
    }),
  );
  const [before, after] = builds;
  if (before && after) {
    for (const mode of ['closed', 'open'] as const) {
      rows.push([
        `this checkout ÷ before: Activity ${mode}`,
        formatRatio(
          typical(after, mode, (b) => b.taskTime),
          typical(before, mode, (b) => b.taskTime),
        ),
        '',
        formatRatio(
          typical(after, mode, (b) => b.cpuTime),
          typical(before, mode, (b) => b.cpuTime),
        ),
        '',
        '',
        '',
        '',
        '',
      ]);
    }
    notes.push(
      `Builds: ${builds.map((b) => b.name).join(' and ')}, each burst watched by one page of each in turn (ABBA), on one server and board; ${ROUNDS} bursts per mode and build.`,
    );
  }
  return {
    title: `Activity panel: a colleague's burst of ${CARDS_CHANGED * 2} changes`,
    columns,
    rows,
    notes,
  };
}

export function activityBurstSection(): Section {
  return { name: 'activityburst', run: () => benchActivityBurst() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(renderMarkdown(await benchActivityBurst(process.argv[2])));
}
