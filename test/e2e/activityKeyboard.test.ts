/**
 * The Activity feed from the keyboard, in headless Chromium against the real server: the list
 * of changes is one tab stop, so "Load older activity" is as many Tab presses away with 40
 * changes as with 4; Up and Down go through the entries and their buttons in reading order,
 * Home and End to the first and last loaded, each item named for a screen reader; the focused
 * item keeps focus when a colleague's change arrives above it, and a "Restore" that goes once
 * its card is back hands focus to its entry, not to the page. axe finds nothing with the panel
 * open.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addClaim, deleteCard, moveCard } from '../../shared/board';
import type { HistoryEvent } from '../../server/storage/Storage';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { announced, latestActivity } from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const FEED = 'Board activity, newest first';
const eddie = { id: 'ed', name: 'Eddie' };
const CLAIMS = Array.from(
  { length: 20 },
  (_, i) => `Bus line ${i + 1} carried ${i + 3}% more riders`,
);

/** The focused element's role and accessible name, as Chromium gives them to screen readers. */
async function focusedAx(page: Page): Promise<{ role: string; name: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
      objectId: result.objectId,
      fetchRelatives: false,
    });
    const node = nodes[0];
    return { role: String(node?.role?.value ?? ''), name: String(node?.name?.value ?? '') };
  } finally {
    await cdp.detach();
  }
}

/** Where focus is: inside the feed (its row's place and the item's text), or elsewhere. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const row = el?.closest<HTMLElement>('ol.activity-feed > li');
    return {
      inFeed: row !== null && row !== undefined,
      posinset: Number(row?.getAttribute('aria-posinset') ?? 0),
      tag: el?.tagName ?? '',
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
    };
  });

/** The chosen option's words, run in the page on a select. */
const selectedText = (select: Element) =>
  (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? '';

/** How many elements of the feed are in the tab order (the roving tab stop: one). */
const tabStops = (page: Page) =>
  page
    .getByRole('list', { name: FEED })
    .evaluate(
      (ol) =>
        [...ol.querySelectorAll<HTMLElement>('*')].filter(
          (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
        ).length,
    );

describe.skipIf(!RUN)('the Activity feed from the keyboard', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;
  let board: { id: string; leadUrl: string };
  const ids: string[] = [];

  beforeAll(async () => {
    board = await server.createBoard('Buses', 'Lea');
    // Long ago, an import of 200 cards: one entry, and enough events for a second page.
    const olga = { id: 'old', name: 'Olga' };
    const at = Date.now() - 86_400_000;
    await server.appendHistory([
      {
        boardId: board.id,
        cardId: null,
        type: 'article.added',
        actor: olga,
        at,
        data: { title: 'Old' },
      },
      ...Array.from({ length: 200 }, (_, k): HistoryEvent => ({
        boardId: board.id,
        cardId: `old${k}`,
        type: 'card.created',
        actor: olga,
        at,
        data: { claim: `Old claim ${k}`, column: 'unverified' },
      })),
    ]);
    // Then 40 changes by a colleague: 20 cards added, 19 moved, one deleted (Restore offered).
    for (const claim of CLAIMS) {
      await server.change(
        board.id,
        (doc) => {
          ids.push(addClaim(doc, { claim }, { actor: eddie }));
        },
        eddie,
      );
    }
    for (const id of ids.slice(1)) {
      // Apart in time: Activity makes one row of one person's events at the same millisecond
      // (one change acting on several cards), and a fast machine stores a change in under one
      // (CI once saw "Eddie moved 4 cards" where this test reads single moves).
      await new Promise((resolve) => setTimeout(resolve, 2));
      await server.change(
        board.id,
        (doc) => moveCard(doc, id, { column: 'corroborated', index: 0 }, { actor: eddie }),
        eddie,
      );
    }
    await server.change(board.id, (doc) => deleteCard(doc, ids[0]!, { actor: eddie }), eddie);
    page = await openBoardPage(browser, board.leadUrl);
    await page.getByRole('button', { name: 'Activity' }).click();
    await page
      .getByRole('region', { name: 'Activity' })
      .getByRole('button', { name: `Restore card: ${CLAIMS[0]}` })
      .waitFor();
  }, 120_000);

  it('is one tab stop: "Load older activity" is six Tab presses from the heading', async () => {
    const feed = page.getByRole('region', { name: 'Activity' });
    await feed.getByRole('heading', { name: 'Activity' }).focus();
    expect(await tabStops(page)).toBe(1);
    // Heading, then Close, the three filters, the list (its first change), Load older.
    await page.keyboard.press('Tab');
    expect((await focusedAx(page)).name).toBe('Close activity');
    for (const filter of ['By', 'Kind', 'When']) {
      await page.keyboard.press('Tab');
      expect(await focusedAx(page)).toEqual({ role: 'combobox', name: filter });
    }
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ inFeed: true, posinset: 1 });
    expect((await focusedAx(page)).name).toMatch(/^Eddie deleted the card/);
    await page.keyboard.press('Tab');
    expect(await focusedAx(page)).toEqual({ role: 'button', name: 'Load older activity' });
    // Shift+Tab goes back into the list at the same item, and on to the filters.
    await page.keyboard.press('Shift+Tab');
    expect((await focusedAx(page)).name).toMatch(/^Eddie deleted the card/);
    await page.keyboard.press('Shift+Tab');
    expect((await focusedAx(page)).name).toBe('When');
    // The list tells how: its description ends with the keys.
    const description = await feed.getByRole('list', { name: FEED }).evaluate((ol) =>
      (ol.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
    expect(description).toMatch(
      /Up and Down arrows move between changes and their buttons, Home and End to the first and last loaded; Tab goes on to the next control\.$/,
    );
  });

  it('has no axe violations with the panel open and focus in the list', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('Up, Down, Home and End go through the changes and their buttons, each named', async () => {
    const list = page.getByRole('list', { name: FEED });
    await list.locator('[tabindex="0"]').focus();
    await page.keyboard.press('Home');
    // The deleted card's row: its entry, its Restore; then the next row: the card's claim (a
    // button that opens it), its entry.
    const seen: { role: string; name: string }[] = [await focusedAx(page)];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowDown');
      seen.push(await focusedAx(page));
    }
    expect(seen[0]!.name).toMatch(/^Eddie deleted the card/);
    expect(seen[1]).toEqual({ role: 'button', name: `Restore card: ${CLAIMS[0]}` });
    expect(seen[2]).toEqual({ role: 'button', name: CLAIMS[20 - 1] });
    expect(seen[3]!.name).toMatch(/^Eddie moved the card from Unverified to Corroborated/);
    for (const item of seen) expect(item.name).not.toBe('');
    expect(await tabStops(page)).toBe(1);
    // Up from a row's first item: the last item of the row above.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect((await focusedAx(page)).name).toBe(`Restore card: ${CLAIMS[0]}`);

    // Down through every loaded row, scrolled into being as it goes: 40 rows, every item named.
    await page.keyboard.press('Home');
    let last = await focused(page);
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('ArrowDown');
      const now = await focused(page);
      expect(now.inFeed).toBe(true);
      expect((await focusedAx(page)).name).not.toBe('');
      if (now.posinset === last.posinset && now.text === last.text) break;
      expect(now.posinset - last.posinset).toBeLessThanOrEqual(1);
      last = now;
    }
    // The last row, the import long ago: its entry, then the button that lists its cards.
    expect(last.text).toMatch(/Cards added \(160\)$/);
    const end = last;
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toMatchObject({ posinset: 1 });
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toEqual(end);
    expect(await tabStops(page)).toBe(1);
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toMatchObject({ posinset: 1 });
  });

  it("keeps focus on its item when a colleague's change arrives above it", async () => {
    const list = page.getByRole('list', { name: FEED });
    await list.locator('[tabindex="0"]').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    const before = await focused(page);
    await page.evaluate(() => document.activeElement?.setAttribute('data-test-mark', ''));
    await server.change(
      board.id,
      (doc) => addClaim(doc, { claim: 'Tram fares fell 5%' }, { actor: eddie }),
      eddie,
    );
    await expect
      .poll(() => latestActivity(page.getByRole('region', { name: 'Activity' })).textContent())
      .toMatch(/^Eddie added the card/);
    const after = await focused(page);
    expect(after).toEqual({ ...before, posinset: before.posinset + 1 });
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-test-mark'))).toBe(
      true,
    );
    expect(await tabStops(page)).toBe(1);
  });

  it('gives focus to the entry when its Restore goes, not to the page', async () => {
    const list = page.getByRole('list', { name: FEED });
    const restore = list.getByRole('button', { name: `Restore card: ${CLAIMS[0]}` });
    await restore.focus();
    await page.keyboard.press('Enter');
    // While it restores, the button keeps focus and says so.
    expect(await focusedAx(page)).toEqual({
      role: 'button',
      name: `Restoring card: ${CLAIMS[0]}`,
    });
    await expect
      .poll(() => page.getByTestId('announcer').textContent(), { timeout: 10_000 })
      .toMatch(/^Card restored to Unverified: Bus line 1 /);
    // The button goes once the card is back; its entry, the item before it, has focus.
    await expect
      .poll(() => list.getByRole('button', { name: /^Restor(e|ing) card:/ }).count())
      .toBe(0);
    await expect
      .poll(() => focusedAx(page).then((ax) => ax.name))
      .toMatch(/^Eddie deleted the card/);
    expect((await focused(page)).inFeed).toBe(true);
    expect(await tabStops(page)).toBe(1);
    // The restore's own entry heads the feed once its history event arrives, which on a loaded
    // machine came after the test below had taken its entry's place in the list (38, then 39).
    await expect
      .poll(() => latestActivity(page.getByRole('region', { name: 'Activity' })).textContent())
      .toMatch(/restored the card to Unverified/);
  });

  it('"Load older activity" hands the tab stop to the first older entry it focuses', async () => {
    const feed = page.getByRole('region', { name: 'Activity' });
    await feed.getByRole('button', { name: 'Load older activity' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => feed.getByRole('button', { name: 'Load older activity' }).count())
      .toBe(0);
    // The import's older events join its entry, the last: it has focus, and is the tab stop.
    await expect.poll(() => focused(page)).toMatchObject({ inFeed: true, tag: 'LI' });
    const entry = await focused(page);
    expect(entry.text).toMatch(/^Olga imported the article “Old” and added its 200 cards/);
    expect(await tabStops(page)).toBe(1);
    await page.keyboard.press('Shift+Tab');
    expect((await focusedAx(page)).name).toBe('When');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual(entry);
  });

  it('Down on the last item and Up on the first say so, as a column’s edge does', async () => {
    const said = () => announced(page);
    // Every change is loaded now (the test above): the last item is the end of it all.
    await page.keyboard.press('End');
    const last = await focused(page);
    await page.keyboard.press('ArrowDown');
    await expect.poll(said).toBe('End of activity.');
    expect(await focused(page)).toEqual(last);
    // Home scrolls the list to its first row and focuses it once drawn (focusWhenRendered).
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toMatchObject({ inFeed: true, posinset: 1 });
    await page.keyboard.press('ArrowUp');
    await expect.poll(said).toBe('Top of activity.');
    expect(await focused(page)).toMatchObject({ inFeed: true, posinset: 1 });
  });

  it('answers "what did Eddie do today?" from the keyboard: whose, what kind, since when', async () => {
    const feed = page.getByRole('region', { name: 'Activity' });
    const list = feed.getByRole('list', { name: FEED });
    const deeds = () =>
      list.locator('p.activity-deed').evaluateAll((ps) => ps.map((p) => p.textContent ?? ''));
    const choose = async (filter: string, option: string) => {
      const select = feed.getByRole('combobox', { name: filter });
      await select.focus();
      // Down (Up back to the top) through the options until the one asked for: keys alone.
      await page.keyboard.press('Home');
      for (let i = 0; i < 20 && (await select.evaluate(selectedText)) !== option; i++) {
        await page.keyboard.press('ArrowDown');
      }
      expect(await select.evaluate(selectedText)).toBe(option);
    };
    // Every event is loaded (the tests above): the whole history, 243 changes.
    await choose('By', 'Eddie');
    await choose('Kind', 'Moves between columns');
    const summary = /^19 of the board’s 2\d\d changes: moves by Eddie\.$/;
    await expect.poll(() => announced(page)).toMatch(summary);
    // 19 rows (the list draws those in view): each says so to a screen reader.
    await expect
      .poll(() => list.locator(':scope > li').first().getAttribute('aria-setsize'))
      .toBe('19');
    for (const deed of await deeds()) {
      expect(deed).toMatch(/^Eddie moved the card from Unverified to Corroborated/);
    }
    // The list says what it holds, to a screen reader too.
    const description = await list.evaluate(
      (ol) =>
        document.getElementById((ol.getAttribute('aria-describedby') ?? '').split(' ')[0]!)
          ?.textContent,
    );
    expect(description).toMatch(summary);
    // Olga's import was yesterday: none of it today.
    await choose('Kind', 'All changes');
    await choose('By', 'Olga');
    await expect.poll(deeds).toEqual([expect.stringMatching(/^Olga imported the article “Old”/)]);
    await choose('When', 'Today');
    await expect
      .poll(() => announced(page))
      .toMatch(/^None of the board’s 2\d\d changes: by Olga from today\.$/);
    expect(await list.count()).toBe(0);
    // Back to everything, said so.
    await choose('By', 'Everyone');
    await choose('When', 'Any time');
    await expect.poll(() => announced(page)).toBe('Every change loaded is listed.');
    expect(await axeViolations(page)).toEqual([]);
  });
});
