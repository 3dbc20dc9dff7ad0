/**
 * An editor's evening on a big board (QA's 1,000-card pass): in headless Chromium against the
 * real server, an editor's page on a board of 100 and of 1,000 cards (bench/sync/cardModel)
 * does, in order: open, scroll Unverified to its end and back, search ("ferry" typed key by key,
 * then deleted), a keyboard move (a card's "Move to…", ArrowDown, Enter), watch a colleague's
 * burst of 50 moves (a y-websocket client in Node, one every 20 ms), select all of Unverified
 * (Shift+A) and move them in one go. For each step it counts, rather than times alone: React
 * commits, components rendered and card components rendered (reactCommits.ts), long tasks
 * (count and total), and after it the page's DOM elements, cards in the DOM and JS heap after
 * a forced GC. Times are given as ratios against the 100-card board of the same run.
 *
 * `editorBigBoardSection()` is its `npm run bench` section (`bigboard`); `node --import tsx
 * bench/editorBigBoard.ts` runs it alone. BIG_BOARD_SIZES sets the boards ("100,1000");
 * BIG_BOARD_PROFILE=<path> saves the burst's CPU profile.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type * as Y from 'yjs';
import { type Actor, addClaim, moveCard, readBoard } from '../shared/board';
import { chromiumAvailable, launchBrowser } from '../test/helpers/browser';
import { startBoardServer } from '../test/e2e/support/boardServer';
import { bigBoardUpdate } from '../test/e2e/support/bigBoard';
import { takeLongTasks, WATCH_LONG_TASKS } from './longTasks';
import { type ReactWork, takeReactWork, WATCH_REACT_WORK } from './reactCommits';
import type { Section } from './section';
import { sum } from './stats';
import { stopWithin } from './stopWithin';
import { formatNumber, formatRatio, renderMarkdown, type Table } from './table';

const SIZES = (process.env.BIG_BOARD_SIZES ?? '100,1000').split(',').map(Number);
const BURST_MOVES = 50;
const BURST_PAUSE_MS = 20;
/** After each step, the page is given this long to finish what the step set off. */
const SETTLE_MS = 1_000;
const TIMEOUT = 60_000;
/** BIG_BOARD_PROFILE=<path>: the colleague burst's CPU profile is saved as <path>-<cards>.cpuprofile. */
const PROFILE = process.env.BIG_BOARD_PROFILE;

interface Step {
  readonly ms: number;
  readonly react: ReactWork;
  readonly longTasks: readonly number[];
  readonly elements: number;
  readonly cardsInDom: number;
  readonly heapMb: number;
  /** Colleague burst only: renders of Unverified's cards, which no move touched. */
  readonly untouchedCardRenders?: number;
}

const STEPS = ['open', 'scroll', 'search', 'move to', 'colleague burst', 'select all + move'];
type StepName = (typeof STEPS)[number];

/** Scrolls Unverified 400 px an animation frame until its end (a plain string: see longTasks.ts). */
const SCROLL_TO_END = `new Promise((resolve) => {
  const el = document.querySelector('section[aria-labelledby="column-unverified"] .column-scroll');
  const down = () => {
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return resolve();
    el.scrollTop += 400;
    requestAnimationFrame(down);
  };
  requestAnimationFrame(down);
})`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1e6;
}

async function step(page: Page, cdp: CDPSession, action: () => Promise<void>): Promise<Step> {
  await takeReactWork(page);
  await takeLongTasks(page);
  const started = performance.now();
  await action();
  const ms = performance.now() - started;
  await pause(SETTLE_MS);
  const react = await takeReactWork(page);
  const longTasks = await takeLongTasks(page);
  const { elements, cardsInDom } = await page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    cardsInDom: document.querySelectorAll('li[data-card-id]').length,
  }));
  return { ms, react, longTasks, elements, cardsInDom, heapMb: await heapMb(cdp) };
}

/**
 * Every word is in every card of bench/sync/cardModel (each quotes a sentence of one article
 * made of the same words), so a search there narrows nothing; the colleague adds 5% more
 * cards about ferries, which the search finds.
 */
const SEARCHED = 'ferry';
function addFerryCards(doc: Y.Doc, count: number, actor: Actor): void {
  for (let i = 0; i < count; i++) {
    addClaim(doc, { claim: `Ferry tickets cost ${i + 1} euros more than last year` }, { actor });
  }
}

const unverified = (page: Page) => page.getByRole('region', { name: /^Unverified\b/ });
const heading = (page: Page, name: string) =>
  page.getByRole('region', { name: new RegExp(`^${name}\\b`) }).getByRole('heading');

async function editorEvening(
  cards: number,
  context: BrowserContext,
  url: string,
  colleague: ReturnType<Awaited<ReturnType<typeof startBoardServer>>['connect']>,
  colleagueActor: { id: string; name: string },
): Promise<Map<StepName, Step>> {
  const steps = new Map<StepName, Step>();
  const page = await context.newPage();
  await page.addInitScript(WATCH_REACT_WORK);
  await page.addInitScript(WATCH_LONG_TASKS);
  const cdp = await context.newCDPSession(page);

  steps.set(
    'open',
    await step(page, cdp, async () => {
      await page.goto(url);
      await page.locator('li[data-card-id]').first().waitFor({ timeout: TIMEOUT });
      await page.locator('[data-status="saved"]').waitFor({ timeout: TIMEOUT });
    }),
  );

  steps.set(
    'scroll',
    await step(page, cdp, async () => {
      const scroller = unverified(page).locator('.column-scroll');
      await page.evaluate(SCROLL_TO_END);
      await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    }),
  );

  const word = SEARCHED;
  steps.set(
    'search',
    await step(page, cdp, async () => {
      const box = page.getByRole('searchbox', { name: 'Search cards' });
      await box.focus();
      await page.keyboard.type(word, { delay: 100 });
      for (let i = 0; i < word.length; i++) await page.keyboard.press('Backspace', { delay: 50 });
    }),
  );

  steps.set(
    'move to',
    await step(page, cdp, async () => {
      const top = unverified(page).locator('li[data-card-id]').first();
      const id = await top.getAttribute('data-card-id');
      await top.focus();
      await top.getByRole('combobox', { name: /^Move to…/ }).focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page
        .locator(`section:not([aria-labelledby="column-unverified"]) li[data-card-id="${id}"]`)
        .waitFor({ timeout: TIMEOUT });
    }),
  );

  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  steps.set(
    'colleague burst',
    await step(page, cdp, async () => {
      // Between Corroborated and Disputed only, each card to the top of the other: Unverified
      // is untouched, so any render of its cards is work a move did not need.
      const board = readBoard(colleague.doc);
      const ids = Object.keys(board.cards)
        .filter((id) => board.cards[id]?.column !== 'unverified')
        .slice(0, BURST_MOVES);
      for (const id of ids) {
        const to = board.cards[id]?.column === 'disputed' ? 'corroborated' : 'disputed';
        moveCard(colleague.doc, id, { column: to, index: 0 }, { actor: colleagueActor });
        await pause(BURST_PAUSE_MS);
      }
      await colleague.allSaved(TIMEOUT);
      // The page keeps what its reader sees in place (the column scrolls to hold its top card
      // while cards arrive above it), so the moved cards are counted rather than looked for.
      const shown = Object.values(readBoard(colleague.doc).cards).filter(
        (c) => c.column === 'corroborated',
      ).length;
      await page.waitForFunction(
        (n) => document.querySelector('#column-corroborated')?.textContent?.includes(`${n} cards`),
        shown,
        { timeout: TIMEOUT },
      );
    }),
  );

  const burst = steps.get('colleague burst') as Step;
  const after = readBoard(colleague.doc).cards;
  steps.set('colleague burst', {
    ...burst,
    untouchedCardRenders: sum(
      Object.entries(burst.react.byCard).flatMap(([id, n]) =>
        after[id]?.column === 'unverified' ? [n] : [],
      ),
    ),
  });

  if (PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`${PROFILE}-${cards}.cpuprofile`, JSON.stringify(profile));
  }
  steps.set(
    'select all + move',
    await step(page, cdp, async () => {
      await unverified(page).locator('li[data-card-id]').first().focus();
      await page.keyboard.press('Shift+A');
      const bar = page.getByRole('region', { name: 'Selected cards' });
      await bar.getByRole('combobox', { name: 'Move selected cards to' }).selectOption('disputed');
      await bar.getByRole('button', { name: 'Move', exact: true }).click();
      await page
        .waitForFunction(
          () =>
            document.querySelectorAll(
              'section[aria-labelledby="column-unverified"] li[data-card-id]',
            ).length === 0,
          null,
          { timeout: TIMEOUT },
        )
        .catch(async () => {
          throw new Error(
            `Unverified still shows: ${await heading(page, 'Unverified').textContent()}`,
          );
        });
    }),
  );
  await page.close();
  return steps;
}

async function benchEditorBigBoard(sizes: readonly number[] = SIZES): Promise<Table> {
  const columns = [
    'Step',
    ...sizes.flatMap((n) => [
      `${n}: time`,
      `${n}: commits / components / card renders (cards)`,
      `${n}: long tasks`,
    ]),
    `time ${sizes.at(-1)} vs ${sizes[0]}`,
    'after it: elements / cards in DOM / heap',
  ];
  const notes = [
    "Headless Debian Chromium via playwright-core, built client, real server (SQLite) on 127.0.0.1; an editor invite's page on a board of bench/sync/cardModel cards (seeded in one update on the server), a fresh profile per board.",
    `Each step is timed from its first input until what it shows is there, then the page is given ${SETTLE_MS} ms; the counts cover both. React work is counted by posing as the DevTools hook (bench/reactCommits.ts): commits, components rendered, card components rendered (and distinct cards). Long tasks: PerformanceObserver 'longtask', count and total. Heap: JS heap used after a forced GC.`,
    `Search: every word of these cards is in each of them (they quote one article made of the same words), so the colleague first adds 5% more cards (claims about ferries; 105 and 1,050 cards in all), and "ferry" is typed 100 ms a key, then deleted. Move to: the top Unverified card's "Move to…", ArrowDown, Enter. Colleague burst: ${BURST_MOVES} moves by a y-websocket client, one every ${BURST_PAUSE_MS} ms, each card of Corroborated or Disputed to the top of the other ("Unverified's": renders of Unverified's cards, which no move touched). Select all + move: Shift+A on Unverified, then the selection bar's Move to Disputed.`,
    "Export is the lead's only (an editor has no Export control); its cost is in the `export` section.",
  ];
  if (!chromiumAvailable()) {
    return { title: 'Editor on a big board', columns, rows: [], notes: ['Skipped: no Chromium.'] };
  }
  const server = await startBoardServer();
  const browser = await launchBrowser();
  const bySize = new Map<number, Map<StepName, Step>>();
  try {
    for (const cards of sizes) {
      const board = await server.createBoard(`Bench editor ${cards}`, 'Bench lead');
      await server.seed(board.id, [bigBoardUpdate(cards)]);
      const editorUrl = await server.invite(board, 'Bench editor', 'editor');
      const colleagueUrl = await server.invite(board, 'Bench colleague', 'editor');
      const colleague = server.connect(board.id, colleagueUrl);
      try {
        await colleague.synced();
        const me = (await (
          await fetch(`${server.url}/api/boards/${board.id}`, {
            headers: {
              Authorization: `Bearer ${new URL(colleagueUrl).hash.replace('#invite=', '')}`,
            },
          })
        ).json()) as { inviteId: string; name: string };
        addFerryCards(colleague.doc, cards / 20, { id: me.inviteId, name: me.name });
        const context = await browser.newContext();
        try {
          const steps = await editorEvening(cards, context, editorUrl, colleague, {
            id: me.inviteId,
            name: me.name,
          });
          bySize.set(cards, steps);
          for (const [name, s] of steps) {
            process.stderr.write(
              `[bench] bigboard ${cards}: ${name}: ${Math.round(s.ms)} ms; commits ${s.react.commits}, components ${s.react.components}, card renders ${s.react.cardRenders} (${s.react.cards} cards${s.untouchedCardRenders === undefined ? '' : `, ${s.untouchedCardRenders} of Unverified`}); long tasks ${s.longTasks.length} (${Math.round(sum(s.longTasks))} ms); elements ${s.elements}, cards in DOM ${s.cardsInDom}, heap ${s.heapMb.toFixed(1)} MB\n`,
            );
          }
        } finally {
          await context.close();
        }
      } finally {
        colleague.destroy();
      }
    }
  } finally {
    await browser.close();
    await stopWithin(server, 10_000, 'bigboard');
  }
  const first = bySize.get(sizes[0] as number);
  const lastSize = bySize.get(sizes.at(-1) as number);
  const rows = STEPS.map((name) => {
    const of = (n: number) => bySize.get(n)?.get(name);
    const after = lastSize?.get(name);
    return [
      name,
      ...sizes.flatMap((n) => {
        const s = of(n);
        if (!s) return ['—', '—', '—'];
        return [
          formatNumber(s.ms, 'ms'),
          `${s.react.commits} / ${s.react.components} / ${s.react.cardRenders} (${s.react.cards})${s.untouchedCardRenders === undefined ? '' : `; Unverified's: ${s.untouchedCardRenders}`}`,
          `${s.longTasks.length} (${formatNumber(sum(s.longTasks), 'ms')})`,
        ];
      }),
      formatRatio(after?.ms, first?.get(name)?.ms),
      after ? `${after.elements} / ${after.cardsInDom} / ${after.heapMb.toFixed(1)} MB` : '—',
    ];
  });
  return { title: 'Editor on a big board: counts per step', columns, rows, notes };
}

export function editorBigBoardSection(): Section {
  return { name: 'bigboard', run: () => benchEditorBigBoard() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(renderMarkdown(await benchEditorBigBoard()));
}
