/**
 * A card carried with the keyboard on a 300-card board (100 a column, virtualised), the arrow
 * keys sent with no pause between them, as a held key repeats: every press moves the card one
 * place (the board's data on the server says where it landed), an edge stops it and is said
 * once, and what is said does not flood the screen reader (a sentence per press, 40 of them in
 * the assertive region, cut each other off) while the card's place is still said once the keys
 * stop. The whole trip is one Undo step, as a keyboard move is. Built app, real server, headless
 * Chromium; the server's copy is read by a y-websocket client of the board.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ColumnId, readBoard } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import { announced, column, type ColumnName, waitSaved } from './support/boardPage';
import { bigBoardUpdate } from './support/bigBoard';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const CARDS = 300;
const NAMES: Record<ColumnId, ColumnName> = {
  unverified: 'Unverified',
  corroborated: 'Corroborated',
  disputed: 'Disputed',
};

type Ear = { announcerSaid: string[] };

/**
 * Starts recording every sentence the board's announcer is given, a sentence said again
 * included (the region's invisible mark changes), without the mark.
 */
async function recordAnnouncer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Ear;
    w.announcerSaid = [];
    const region = document.querySelector('[data-testid="announcer"]')!;
    new MutationObserver(() => {
      const text = (region.textContent ?? '').replace(/\u00a0/g, '');
      if (text) w.announcerSaid.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

/** What the announcer was given since the last call. */
const announcerSaid = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as Ear).announcerSaid.splice(0));

describe.skipIf(!RUN)('a burst of arrow keys with a card in hand', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;
  let serverCopy: TestClient;

  beforeAll(async () => {
    const board = await server.createBoard('Burst', 'Ana');
    await server.seed(board.id, [bigBoardUpdate(CARDS)]);
    serverCopy = server.connect(board.id, board.leadToken);
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(board.leadUrl);
    await page.locator('li[data-card-id]').first().waitFor({ timeout: 30_000 });
    await Promise.all([waitSaved(page, 30_000), serverCopy.synced()]);
    await recordAnnouncer(page);
  }, 120_000);

  afterAll(async () => {
    serverCopy?.destroy();
  });

  /** Where the server has the card: its column and index in it. */
  const onServer = (id: string) => {
    const board = readBoard(serverCopy.doc);
    const at = board.cards[id]?.column;
    return at ? { column: at, index: board.columns[at].indexOf(id) } : null;
  };

  /** Picks up the card at `index` of `from`, scrolled to, from the keyboard. */
  async function pickUp(from: ColumnId, index: number): Promise<string> {
    const id = readBoard(serverCopy.doc).columns[from][index]!;
    const scroller = column(page, NAMES[from]).locator('.column-scroll');
    await scroller.evaluate(
      (el, end) => el.scrollTo({ top: end ? el.scrollHeight : 0 }),
      index > 50,
    );
    const row = page.locator(`li[data-card-id="${id}"]`);
    await row.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => announced(page)).toMatch(/^Picked up/);
    await announcerSaid(page);
    return id;
  }

  /** The keys one after another, no pause between them. */
  async function burst(keys: readonly string[]): Promise<void> {
    for (const key of keys) await page.keyboard.press(key);
  }

  it('moves the card once for each of 40 presses, says where it is, and undoes in one step', async () => {
    const id = await pickUp('unverified', 0);
    await burst(Array<string>(40).fill('ArrowDown'));
    await expect.poll(() => announced(page)).toBe('Unverified, position 41 of 100');
    const said = await announcerSaid(page);
    await page.keyboard.press('Space');
    await expect.poll(() => announced(page)).toMatch(/ to position 41 of 100 in Unverified\.$/);
    await waitSaved(page);
    await waitFor(() => onServer(id)?.index !== 0, { what: 'the move on the server' });
    expect(onServer(id)).toEqual({ column: 'unverified', index: 40 });

    await page.keyboard.press('Control+z');
    await waitFor(() => onServer(id)?.index === 0, { what: 'one Undo taking the card back' });
    // The first press and where the burst left the card, not a sentence for every press.
    expect(said.length).toBeGreaterThan(0);
    expect(said.length).toBeLessThan(10);
  });

  it('moves the card across columns key for key, and says the last column once', async () => {
    const id = await pickUp('unverified', 0);
    const keys = [
      'ArrowRight', // Corroborated, 1st
      ...Array<string>(12).fill('ArrowDown'), // 13th
      ...Array<string>(3).fill('ArrowRight'), // Disputed, 13th, then the edge twice
      ...Array<string>(5).fill('ArrowDown'), // 18th
      'ArrowLeft', // Corroborated, 18th
      'ArrowRight', // Disputed, 18th
    ];
    await burst(keys);
    await expect.poll(() => announced(page)).toBe('Disputed, position 18 of 101');
    const said = await announcerSaid(page);
    await page.keyboard.press('Space');
    await expect
      .poll(() => announced(page))
      .toMatch(/ from Unverified to Disputed, position 18 of 101\.$/);
    await waitSaved(page);
    await waitFor(() => onServer(id)?.column === 'disputed', { what: 'the move on the server' });
    expect(onServer(id)).toEqual({ column: 'disputed', index: 17 });
    expect(said.filter((s) => s.includes('Disputed is the last column.'))).toHaveLength(1);
    expect(said.length).toBeLessThan(10);
  });

  it('stops the card at the bottom of its column and says so once', async () => {
    const id = await pickUp('corroborated', 95);
    await burst(Array<string>(10).fill('ArrowDown'));
    await expect.poll(() => announced(page)).toMatch(/^Bottom of Corroborated\./);
    const said = await announcerSaid(page);
    await page.keyboard.press('Space');
    await expect.poll(() => announced(page)).toMatch(/ to position 100 of 100 in Corroborated\.$/);
    await waitSaved(page);
    await waitFor(() => onServer(id)?.index === 99, { what: 'the move on the server' });
    // Once, with the place the silent presses before it left the card at.
    expect(said.filter((s) => s.startsWith('Bottom of Corroborated.'))).toEqual([
      'Bottom of Corroborated. Corroborated, position 100 of 100',
    ]);
  });

  it('says a drop right after the keys on its own, on a slow machine too', async () => {
    // Words the keys left for a frame, shown after the drop's, were said with them as one.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    try {
      const heard: string[] = [];
      for (let i = 0; i < 12; i++) {
        const there = i % 2 === 0;
        const id = await pickUp(there ? 'unverified' : 'disputed', 0);
        await burst(Array<string>(2).fill(there ? 'ArrowRight' : 'ArrowLeft'));
        await page.keyboard.press('Space');
        await expect.poll(() => announced(page)).toContain('Moved');
        heard.push(await announced(page));
        await waitFor(() => onServer(id)?.column === (there ? 'disputed' : 'unverified'), {
          what: 'the move on the server',
        });
      }
      expect(heard.filter((words) => !words.startsWith('Moved'))).toEqual([]);
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  }, 60_000);
});
