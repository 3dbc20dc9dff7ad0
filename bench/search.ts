/**
 * Search bench (QA: "boards that crawl at a few hundred cards"): a board of 550 cards by 25
 * speakers ("Martinez 1" … "Martinez 25", 22 cards each) open in headless Chromium with the CPU
 * throttled 4× (CDP Emulation.setCPUThrottlingRate), a reader types "martinez 4" in the search
 * one key at a time, then deletes it with Backspace, SETTLE_MS between keys. Every key but two
 * leaves the cards shown as they were (all of Martinez 1-25 match "martinez "); "4" swaps the
 * 550 cards for Martinez 4's 22, and the Backspace that deletes it swaps them back. For each
 * key, from a user-timing mark set just before it until the next (a Chromium trace):
 *   - main-thread task time (the durations of the tasks the page's main thread ran, which the
 *     throttling stretches, as a slower laptop would), their CPU time (which other work on a
 *     loaded machine stretches least), and tasks over 50 ms (long tasks);
 *   - of that, style recalculation, layout, and paint (with pre-paint and layerizing), the
 *     rest being mostly script.
 * Keys are told apart by what they did to the count of cards shown, read after each one.
 *
 * With a baseline (`SEARCH_BASE=<git ref> npm run bench -- search`) the client of that commit
 * is built too and the two alternate (ABBA) on one server and board; SEARCH_ROUNDS sets the
 * rounds (typings of the query) per build (4); SEARCH_TRACE=<file> saves the last round's trace,
 * which DevTools' Performance panel opens.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CARD_KEYS, cardsMap } from '../shared/board';
import { SYSTEM_ACTOR } from '../shared/board/actor';
import { bigBoardUpdate } from '../test/e2e/support/bigBoard';
import { type BrowserSession, chromiumAvailable, launchBrowser } from '../test/helpers/browser';
import { postJson } from '../test/helpers/restApi';
import * as Y from 'yjs';
import { abbaOrder, type Build, buildClients, serveBuilds } from './clientBuilds';
import type { Section } from './section';
import { median, sum } from './stats';
import { stopWithin } from './stopWithin';
import { formatNumber, formatRatio, renderMarkdown, type Table } from './table';
import { collectTrace, TASKS, type TraceEvent } from './trace';

const CARDS = 550;
const SPEAKERS = 25;
const QUERY = 'martinez 4';
const CPU_SLOWDOWN = 4;
/** After each key: the deferred render and what the browser does after it are over. */
const SETTLE_MS = 700;
const ROUNDS = Number(process.env.SEARCH_ROUNDS ?? 4);
const TIMEOUT = 60_000;
const KEY_MARK = 'factboard-search-key';

/** The bench board: bigBoardUpdate's cards, card i said by "Martinez (i mod 25) + 1". */
function speakersBoardUpdate(): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bigBoardUpdate(CARDS));
  doc.transact(() => {
    cardsMap(doc).forEach((card, id) => {
      const index = Number(id.replace('card-', ''));
      card.set(CARD_KEYS.speaker, `Martinez ${(index % SPEAKERS) + 1}`);
    });
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

type Kind = 'swap' | 'same';

interface KeyCost {
  readonly kind: Kind;
  /** Main-thread task time, its long tasks, and the style, layout and paint inside it (ms). */
  readonly task: number;
  /** Their CPU time (ms): what other work on a loaded machine stretches least. */
  readonly cpu: number;
  readonly longTasks: readonly number[];
  readonly style: number;
  readonly layout: number;
  readonly paint: number;
}

const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles']);
const PAINT = new Set(['Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'CompositeLayers']);

/** Each key's window (from its mark to the next, or the trace's end) and what ran in it. */
function costsOfKeys(events: readonly TraceEvent[], kinds: readonly Kind[]): KeyCost[] {
  const marks = events.filter((e) => e.name === KEY_MARK).sort((a, b) => a.ts - b.ts);
  const first = marks[0];
  if (!first || marks.length !== kinds.length) {
    throw new Error(`${marks.length} key marks in the trace for ${kinds.length} keys`);
  }
  const main = events.filter(
    (e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.dur !== undefined,
  );
  const end = Math.max(...main.map((e) => e.ts + (e.dur ?? 0)));
  return kinds.map((kind, i) => {
    const from = (marks[i] as TraceEvent).ts;
    const to = marks[i + 1]?.ts ?? end;
    const inWindow = main.filter((e) => e.ts >= from && e.ts < to);
    const ms = (names: Set<string>) =>
      sum(inWindow.filter((e) => names.has(e.name)).map((e) => e.dur ?? 0)) / 1000;
    const taskEvents = inWindow.filter((e) => TASKS.has(e.name));
    const tasks = taskEvents.map((e) => (e.dur ?? 0) / 1000);
    return {
      kind,
      task: sum(tasks),
      cpu: sum(taskEvents.map((e) => e.tdur ?? 0)) / 1000,
      longTasks: tasks.filter((d) => d > 50),
      style: ms(STYLE),
      layout: ms(new Set(['Layout'])),
      paint: ms(PAINT),
    };
  });
}

/** Cards shown: the filter's "N of M cards", or every card with no filter on. */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.locator('.filter-count').textContent()) ?? '';
  const filtered = /^(\d+) of \d+ cards$/.exec(text.trim());
  return filtered ? Number(filtered[1]) : CARDS;
}

/** Opens the board on a fresh page, types QUERY and deletes it; each key's cost. */
async function typeQuery(browser: BrowserSession, url: string): Promise<KeyCost[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-status="saved"]').waitFor({ timeout: TIMEOUT });
    await page.locator('li[data-card-id]').first().waitFor({ timeout: TIMEOUT });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const search = page.getByRole('searchbox', { name: 'Search cards' });
    await search.focus();
    await page.waitForTimeout(2_000); // what the page does after opening (storing its copy)
    const keys = [...QUERY.split(''), ...QUERY.split('').map(() => 'Backspace')];
    const kinds: Kind[] = [];
    const events = await collectTrace(
      cdp,
      'toplevel,blink.user_timing,devtools.timeline',
      async () => {
        let shown = await shownCount(page);
        for (const key of keys) {
          await page.evaluate(`performance.mark('${KEY_MARK}')`);
          await page.keyboard.press(key);
          await page.waitForTimeout(SETTLE_MS);
          // On a loaded machine the render can outlast SETTLE_MS: the count is read once the
          // page is idle, so the key is told apart by what it did, not by what the next one did.
          await page.evaluate('new Promise((resolve) => requestIdleCallback(() => resolve(null)))');
          const now = await shownCount(page);
          kinds.push(now === shown ? 'same' : 'swap');
          shown = now;
        }
      },
    );
    if (kinds.filter((k) => k === 'swap').length !== 2) {
      throw new Error(`expected two keys to change the cards shown: ${kinds.join(', ')}`);
    }
    if (process.env.SEARCH_TRACE) {
      // For DevTools' Performance panel (Load profile…): the last round's trace.
      writeFileSync(process.env.SEARCH_TRACE, JSON.stringify({ traceEvents: events }));
    }
    return costsOfKeys(events, kinds);
  } finally {
    await context.close();
  }
}

const KINDS: readonly { kind: Kind; title: string }[] = [
  { kind: 'same', title: 'key that changes nothing shown' },
  { kind: 'swap', title: 'key that swaps the cards (550 ↔ 22)' },
];

async function benchSearch(baseRef = process.env.SEARCH_BASE): Promise<Table> {
  const columns = [
    'Build',
    'Key',
    'main-thread task time',
    'vs no-change key',
    'CPU time',
    'long tasks',
    'longest',
    'style',
    'layout',
    'paint',
  ];
  if (!chromiumAvailable()) {
    return { title: 'Search', columns, rows: [], notes: ['Skipped: no Chromium.'] };
  }
  const builds = buildClients(baseRef);
  const costs = new Map<Build, KeyCost[]>(builds.map((b) => [b, []]));
  try {
    const { server, serve } = await serveBuilds(builds);
    const browser = await launchBrowser();
    try {
      const board = await postJson<{ id: string; leadUrl: string }>(`${server.url}/api/boards`, {
        title: 'Bench search',
        name: 'Bench lead',
      });
      const update = speakersBoardUpdate();
      await server.syncServer.change(board.id, SYSTEM_ACTOR, (doc) => Y.applyUpdate(doc, update));
      const url = board.leadUrl.replace(/^https?:\/\/[^/]+/, server.url);
      for (let round = 0; round < ROUNDS; round++) {
        for (const build of abbaOrder(builds, round)) {
          serve(build);
          const keys = await typeQuery(browser, url);
          costs.get(build)?.push(...keys);
          const show = (kind: Kind) =>
            keys
              .filter((k) => k.kind === kind)
              .map((k) => Math.round(k.task))
              .join(' ');
          process.stderr.write(
            `[bench] search: ${build.name}: swap keys ${show('swap')} ms; other keys ${show('same')} ms\n`,
          );
        }
      }
    } finally {
      await browser.close();
      await stopWithin(server, 10_000, 'search');
    }
  } finally {
    for (const build of builds) build.client.remove();
  }
  const typical = (build: Build, kind: Kind, of: (k: KeyCost) => number) =>
    median((costs.get(build) ?? []).filter((k) => k.kind === kind).map(of)) as number;
  const rows = builds.flatMap((build) =>
    KINDS.map(({ kind, title }) => {
      const keys = (costs.get(build) ?? []).filter((k) => k.kind === kind);
      const longest = Math.max(0, ...keys.flatMap((k) => k.longTasks));
      return [
        build.name,
        `${title} (${keys.length})`,
        formatNumber(
          typical(build, kind, (k) => k.task),
          'ms',
        ),
        formatRatio(
          typical(build, kind, (k) => k.task),
          typical(build, 'same', (k) => k.task),
        ),
        formatNumber(
          typical(build, kind, (k) => k.cpu),
          'ms',
        ),
        `${median(keys.map((k) => k.longTasks.length))} (${formatNumber(
          typical(build, kind, (k) => sum(k.longTasks)),
          'ms',
        )})`,
        longest > 0 ? formatNumber(longest, 'ms') : '—',
        formatNumber(
          typical(build, kind, (k) => k.style),
          'ms',
        ),
        formatNumber(
          typical(build, kind, (k) => k.layout),
          'ms',
        ),
        formatNumber(
          typical(build, kind, (k) => k.paint),
          'ms',
        ),
      ];
    }),
  );
  const [before, after] = builds;
  if (before && after) {
    rows.push([
      'this checkout ÷ before',
      KINDS[1]?.title ?? '',
      formatRatio(
        typical(after, 'swap', (k) => k.task),
        typical(before, 'swap', (k) => k.task),
      ),
      '',
      formatRatio(
        typical(after, 'swap', (k) => k.cpu),
        typical(before, 'swap', (k) => k.cpu),
      ),
      formatRatio(
        typical(after, 'swap', (k) => sum(k.longTasks)),
        typical(before, 'swap', (k) => sum(k.longTasks)),
      ),
      '',
      formatRatio(
        typical(after, 'swap', (k) => k.style),
        typical(before, 'swap', (k) => k.style),
      ),
      formatRatio(
        typical(after, 'swap', (k) => k.layout),
        typical(before, 'swap', (k) => k.layout),
      ),
      formatRatio(
        typical(after, 'swap', (k) => k.paint),
        typical(before, 'swap', (k) => k.paint),
      ),
    ]);
  }
  return {
    title: `Search: typing on a ${CARDS}-card board, CPU ${CPU_SLOWDOWN}× slower`,
    columns,
    rows,
    notes: [
      `Headless Debian Chromium via playwright-core (1400 × 900), built client, real server (SQLite) on 127.0.0.1, in-process; ${CARDS} cards of bench/sync/cardModel by ${SPEAKERS} speakers ("Martinez 1" … "Martinez ${SPEAKERS}", ${CARDS / SPEAKERS} cards each), the CPU throttled ${CPU_SLOWDOWN}× (CDP Emulation.setCPUThrottlingRate) once the board is open.`,
      `Each round on a fresh page: "${QUERY}" typed in the search one key every ${SETTLE_MS} ms (or once the page is idle, when later), then deleted with Backspace; "4" swaps the ${CARDS} cards shown for Martinez 4's ${CARDS / SPEAKERS}, the Backspace that deletes it swaps them back, the other ${QUERY.length * 2 - 2} keys leave the cards shown as they were. ${ROUNDS} rounds per build${builds.length === 2 ? ', the builds alternating (ABBA) on one server and board' : ''}; medians over the keys of each kind (their count in brackets).`,
      `Per key, from a user-timing mark just before it to the next key's (a Chromium trace, 'toplevel' and 'devtools.timeline'): main-thread task time (the tasks' durations, stretched by the throttling) and its CPU time (thread time, which other work on a loaded machine stretches least: the figure to compare between runs); long tasks: median count per key (median time), longest of all; style (UpdateLayoutTree), layout and paint (Paint, PrePaint, Layerize) are parts of the task time, the rest is mostly script.`,
    ],
  };
}

export function searchSection(): Section {
  return { name: 'search', run: () => benchSearch() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(renderMarkdown(await benchSearch(process.argv[2])));
}
