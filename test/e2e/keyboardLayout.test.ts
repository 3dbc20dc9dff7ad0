/**
 * The board from the keyboard, at 100 % and at 200 % zoom (a 640 × 450 window at device scale
 * 2): each column one tab stop, skip links, a side panel that is the page when there is no
 * room beside it, a notice that covers nothing that has focus, controls whose names say
 * which card or comment they act on, and a rating scale that asks before losing edits.
 * "Covered" is what a sighted keyboard user meets: the point at the middle of the focused
 * element shows something else.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { card, column, moveTo, openBoard, openCard, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const SEED = readFileSync(
  new URL('../fixtures/seed/000_90c871332769486b.txt', import.meta.url),
  'utf8',
);

const RUN = chromiumAvailable();

/** 200 % zoom on a 1280 × 900 screen. */
const ZOOMED = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };

interface Focus {
  /** The focused element's accessible name, near enough: aria-label, its labels, or its text. */
  readonly name: string;
  readonly tag: string;
  readonly cardId: string | null;
  /** The heading of the column it is in, if any. */
  readonly column: string | null;
  readonly inPanel: boolean;
  /** Out of the window, or something else shows at its middle. */
  readonly hidden: boolean;
  /** Overlaps the notice at the bottom (Toast), when one shows. */
  readonly underNotice: boolean;
}

function focusOf(page: Page): Promise<Focus | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
    const r = el.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    const outside = r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth;
    const notice = document.querySelector('.toast')?.getBoundingClientRect();
    return {
      name: (el.getAttribute('aria-label') ?? (labelledBy || el.textContent) ?? '').trim(),
      tag: el.tagName.toLowerCase(),
      cardId: el.closest<HTMLElement>('li[data-card-id]')?.dataset.cardId ?? null,
      column: el.closest('section.column')?.querySelector('h2')?.textContent ?? null,
      inPanel: el.closest('.side-panel') !== null,
      hidden: outside || !top || !(top === el || el.contains(top) || top.contains(el)),
      underNotice:
        !!notice &&
        r.left < notice.right &&
        r.right > notice.left &&
        r.top < notice.bottom &&
        r.bottom > notice.top,
    };
  });
}

/** The claim of the card at `n` in a column (rendered: near the top). */
const claimAt = async (page: Page, n: number) =>
  (await column(page, 'Unverified').getByRole('listitem').nth(n).locator('.claim').textContent())!;

async function press(page: Page, key: string): Promise<Focus | null> {
  await page.keyboard.press(key);
  return focusOf(page);
}

/** An arrow key on a card: focus goes to another card once it is scrolled to and rendered. */
async function step(page: Page, key: string): Promise<Focus | null> {
  const from = (await focusOf(page))?.cardId;
  await page.keyboard.press(key);
  await expect.poll(async () => (await focusOf(page))?.cardId).not.toBe(from);
  return focusOf(page);
}

describe.skipIf(!RUN)('the board from the keyboard, at 100 % and 200 % zoom', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let page: Page;
  /** The seed's cards, by their place in the article (the last sentence last). */
  let byPlace: { id: string; claim: string }[];

  beforeAll(async () => {
    board = await server.createBoard('El Salvador prisons', 'Lea Lopez');
    await server.importArticle(board, { title: 'Fired prison workers', text: SEED });
    const exported = await server.exportJson(board);
    byPlace = exported.cards
      .map((c) => ({ id: c.id, claim: c.claim, at: SEED.indexOf(c.source?.sentence ?? '') }))
      .sort((a, b) => a.at - b.at);
    page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
  }, 120_000);

  it('each column is one tab stop: Tab goes through a card’s own buttons, then to the next column', async () => {
    const moved = await claimAt(page, 1);
    await moveTo(page, moved, 'Corroborated');
    await waitSaved(page);
    const first = column(page, 'Unverified').getByRole('listitem').first();
    const firstId = await first.getAttribute('data-card-id');
    await first.focus();
    const inCard: string[] = [];
    for (let i = 0; i < 6; i++) inCard.push((await press(page, 'Tab'))!.name);
    // "Select <claim>" (the selection's box), then "Pick up to move: <claim>" and the rest.
    expect(inCard.map((name) => name.replace(/^Select .*/, 'Select').replace(/:.*/, ''))).toEqual([
      'Select',
      'Pick up to move',
      'Move to…',
      'Open',
      'Edit claim',
      'Delete card',
    ]);
    // Past the card's last button: the next column (its header's Select all, then its card),
    // not the next card of this one.
    expect((await press(page, 'Tab'))!.name).toBe('Select all in Corroborated');
    const next = (await press(page, 'Tab'))!;
    expect(next).toMatchObject({ tag: 'li', column: expect.stringMatching(/^Corroborated/) });
    expect(next.name.startsWith(moved)).toBe(true);
    // And back: the card of Unverified that was left, not its Delete button.
    expect((await press(page, 'Shift+Tab'))!.name).toBe('Select all in Corroborated');
    expect(await press(page, 'Shift+Tab')).toMatchObject({ tag: 'li', cardId: firstId });

    // From the card in Corroborated to the header's Export: it took 66 Shift+Tab presses.
    await card(page, moved).focus();
    let presses = 0;
    while ((await focusOf(page))?.name !== 'Export' && presses < 40) {
      await page.keyboard.press('Shift+Tab');
      presses++;
    }
    expect(presses).toBeLessThanOrEqual(20);

    // The arrow keys still go from card to card, and the card arrived at is the column's stop.
    await first.focus();
    const below = await step(page, 'ArrowDown');
    expect(below).toMatchObject({ tag: 'li', column: expect.stringMatching(/^Unverified/) });
    expect(await column(page, 'Unverified').locator('li[data-card-id][tabindex="0"]').count()).toBe(
      1,
    );
    expect(
      await column(page, 'Unverified').locator('li[tabindex="0"]').getAttribute('data-card-id'),
    ).toBe(below!.cardId);
  });

  it('the skip links, first on the page, go to the columns and to the filters', async () => {
    const current = await column(page, 'Unverified')
      .locator('li[data-card-id][tabindex="0"]')
      .getAttribute('data-card-id');
    // Before the header's first link, and shown when focused.
    const boards = page.getByRole('link', { name: 'Boards' });
    await boards.focus();
    expect(await press(page, 'Shift+Tab')).toMatchObject({
      name: 'Skip to filters',
      hidden: false,
    });
    expect(await press(page, 'Shift+Tab')).toMatchObject({
      name: 'Skip to columns',
      hidden: false,
    });
    expect(await page.evaluate(() => document.querySelector('a[href], button')?.textContent)).toBe(
      'Skip to columns',
    );
    expect(await press(page, 'Enter')).toMatchObject({ tag: 'li', cardId: current });

    await boards.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await press(page, 'Enter')).toMatchObject({ tag: 'input', name: 'Search cards' });
    // Neither leaves a fragment in the address.
    expect(page.url()).toBe(`${server.url}/b/${board.id}`);
  });

  it('Tab enters a column at a card in view: the claim just added, or the first on screen', async () => {
    const claim = 'Prison population doubled since 2022';
    await page.getByRole('textbox', { name: 'New claim', exact: true }).fill(claim);
    await page.keyboard.press('Enter');
    await card(page, claim).waitFor();
    const added = await card(page, claim).getAttribute('data-card-id');
    // The column scrolled to the new card at its end; focus stays in New claim.
    await page.getByRole('button', { name: 'Add claim' }).focus();
    const entered = (await press(page, 'Tab'))!;
    expect(entered).toMatchObject({ tag: 'li', cardId: added, hidden: false });

    // Scrolled back up by the wheel, the column is entered at the first card on screen.
    const unverified = column(page, 'Unverified');
    await page.getByRole('button', { name: 'Add claim' }).focus();
    await unverified.locator('.column-scroll').evaluate((el) => el.scrollTo({ top: 0 }));
    await unverified.locator('li[data-index="0"]').waitFor();
    await expect
      .poll(() => unverified.locator('li[tabindex="0"]').getAttribute('data-index'))
      .toBe('0');
    await page.getByRole('button', { name: 'Add claim' }).focus();
    expect(await press(page, 'Tab')).toMatchObject({
      tag: 'li',
      cardId: await unverified.locator('li[data-index="0"]').getAttribute('data-card-id'),
      hidden: false,
    });
  });

  it('names say which card, comment or change a control acts on', async () => {
    const [one, two] = [await claimAt(page, 1), await claimAt(page, 2)];
    const moveName = (claim: string) =>
      card(page, claim)
        .getByRole('combobox', { name: /^Move to…/ })
        .getAttribute('aria-label');
    expect(await moveName(one!)).toBe(`Move to…: ${clip(one!)}`);
    expect(await moveName(two!)).toBe(`Move to…: ${clip(two!)}`);

    // Two comments of one's own: their Edit and Delete buttons say which.
    const dialog = await openCard(page, one!);
    const box = dialog.getByRole('textbox', { name: 'New comment' });
    for (const text of ['Who confirmed the 500 dismissals?', 'The union gave a lower figure.']) {
      await box.fill(text);
      await dialog.getByRole('button', { name: 'Post comment' }).click();
      await dialog.locator('.comment-text', { hasText: text }).waitFor();
    }
    const names = async (name: RegExp) =>
      Promise.all(
        (await dialog.getByRole('button', { name }).all()).map((b) => b.getAttribute('aria-label')),
      );
    const edits = await names(/^Edit comment/);
    expect(edits).toHaveLength(2);
    expect(edits[0]).toMatch(/^Edit comment “Who confirmed the 500 dismissals\?”, .*\d\d:\d\d/);
    expect(edits[1]).toMatch(/^Edit comment “The union gave a lower figure\.”, /);
    const deletes = await names(/^Delete comment/);
    expect(deletes[1]).toMatch(/^Delete comment “The union gave a lower figure\.”, /);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Activity: the card's three changes in a row are one entry that names the card once, in a
    // heading whose button opens it (the claim whole as its name and tooltip, shown in two
    // lines at most), above a list that says only who did what, and when.
    await moveTo(page, one!, 'Disputed');
    await page.getByRole('button', { name: 'Activity', exact: true }).click();
    const feed = page.getByRole('region', { name: 'Activity' });
    const heading = page.getByRole('heading', { level: 3, name: one!, exact: true });
    await feed.locator(heading).waitFor();
    const opener = feed.locator(heading).getByRole('button', { name: one!, exact: true });
    expect(await opener.getAttribute('title')).toBe(one);
    expect(await feed.getByRole('button', { name: one!, exact: true }).count()).toBe(1);
    // A claim of several lines in the panel (the seed's are long) shows two of them.
    expect(one!.length).toBeGreaterThan(150);
    const shown = await opener.locator('.activity-claim').evaluate((el) => ({
      lines: Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)),
      cut: el.scrollHeight > el.clientHeight,
    }));
    expect(shown).toEqual({ lines: 2, cut: true });
    const row = feed
      .getByRole('list', { name: 'Board activity, newest first' })
      .getByRole('listitem')
      .filter({ has: heading });
    const entries = row.getByRole('list').getByRole('listitem');
    await expect
      .poll(() => entries.locator('p').allTextContents())
      .toEqual([
        'Lea Lopez moved the card from Unverified to Disputed',
        'Lea Lopez commented: “The union gave a lower figure.”',
        'Lea Lopez commented: “Who confirmed the 500 dismissals?”',
      ]);
    for (const time of await entries.locator('time').allTextContents()) {
      expect(time).toMatch(/\d\d:\d\d/);
    }
    // The claim is said once: as the heading, not again in the row's entries.
    expect(await row.textContent()).toBe(`${one}${(await entries.allTextContents()).join('')}`);
    await feed.getByRole('button', { name: 'Close activity' }).click();

    // Two comments of the same words, in the same minute as is likely (they then read alike
    // but for their place among the card's comments): each button still has a name of its own.
    await openCard(page, one!);
    for (let posted = 3; posted <= 4; posted++) {
      await box.fill('Same words twice.');
      await dialog.getByRole('button', { name: 'Post comment' }).click();
      await expect.poll(async () => (await names(/^Edit comment/)).length).toBe(posted);
    }
    for (const name of [/^Edit comment/, /^Delete comment/]) {
      const alike = (await names(name)).slice(2);
      expect(alike[0]).not.toBe(alike[1]);
      for (const own of alike) {
        expect(await dialog.getByRole('button', { name: own!, exact: true }).count()).toBe(1);
      }
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('Escape in the Rating scale dialog with a label renamed asks first', async () => {
    const open = page.getByRole('button', { name: 'Rating scale' });
    await open.click();
    const scale = page.getByRole('dialog', { name: 'Rating scale' });
    const label = scale.getByRole('textbox', { name: 'Label 1' });
    const before = await label.inputValue();
    await label.fill('Mostly accurate');
    await page.keyboard.press('Escape');
    const ask = scale.getByRole('alertdialog', { name: 'Close without saving?' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Not saved yet: your changes to the rating scale.');
    expect((await focusOf(page))?.name).toBe('Keep editing');
    // Escape again keeps editing, back in the field, the edit kept.
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await label.inputValue()).toBe('Mostly accurate');
    expect(await label.evaluate((el) => el === document.activeElement)).toBe(true);
    // Close asks too; discarding closes without saving.
    await scale.getByRole('button', { name: 'Close', exact: true }).click();
    await ask.getByRole('button', { name: 'Discard and close' }).click();
    await scale.waitFor({ state: 'detached' });
    await open.click();
    expect(await label.inputValue()).toBe(before);
    // Nothing changed: Escape closes at once, focus back on the opener.
    await page.keyboard.press('Escape');
    await scale.waitFor({ state: 'detached' });
    expect((await focusOf(page))?.name).toBe('Rating scale');
  });

  describe('at 200 % zoom', () => {
    let zoomed: Page;

    beforeAll(async () => {
      zoomed = await (await browser.newContext(ZOOMED)).newPage();
      await openBoard(zoomed, board.leadUrl);
      // 640 px wide, the header's tools are behind Board menu (as on a phone).
      await zoomed.getByRole('button', { name: 'Board menu' }).click();
    });

    afterAll(() => zoomed.context().close());

    for (const [opener, panel, close] of [
      ['Activity', 'Activity', 'Close activity'],
      ['Article view', 'Article view', 'Close article view'],
    ] as const) {
      it(`${panel} is the page: focus stays on what shows, and goes back to ${opener} on close`, async () => {
        const scroller = column(zoomed, 'Unverified').locator('.column-scroll');
        await scroller.evaluate((el) => el.scrollTo({ top: 400 }));
        const scrolled = await scroller.evaluate((el) => el.scrollTop);
        await zoomed.getByRole('button', { name: opener, exact: true }).focus();
        await zoomed.keyboard.press('Enter');
        await zoomed.getByRole('region', { name: panel }).waitFor();
        // Round and round, both ways: focus is in the panel, on the page's end, or on the
        // browser's own controls (the body), never on the board the panel covers.
        const seen: (Focus | null)[] = [];
        for (const key of ['Tab', 'Shift+Tab']) {
          for (let i = 0; i < 12; i++) seen.push(await press(zoomed, key));
        }
        const astray = seen.filter((f) => f !== null && (!f.inPanel || f.hidden));
        expect(astray).toEqual([]);
        expect(seen.filter((f) => f?.inPanel).length).toBeGreaterThan(8);

        await zoomed.getByRole('button', { name: close }).focus();
        await zoomed.keyboard.press('Escape');
        await zoomed.getByRole('region', { name: panel }).waitFor({ state: 'detached' });
        expect(await focusOf(zoomed)).toMatchObject({ name: opener, hidden: false });
        expect(await scroller.evaluate((el) => el.scrollTop)).toBe(scrolled);
      });
    }

    it('the board’s own tab order shows what has focus', async () => {
      await zoomed.getByRole('link', { name: 'Skip to columns' }).focus();
      const seen: (Focus | null)[] = [await focusOf(zoomed)];
      for (let i = 0; i < 25; i++) seen.push(await press(zoomed, 'Tab'));
      expect(seen.filter((f) => f?.hidden)).toEqual([]);
    });

    it('a notice covers nothing that has focus, on the board or in the article', async () => {
      const first = column(zoomed, 'Unverified').getByRole('listitem').first();
      const deleted = await first.getAttribute('data-card-id');
      await first.focus();
      // The card's own controls: Select, Pick up, Move to…, Open, Edit claim, Delete card.
      for (let i = 0; i < 6; i++) await zoomed.keyboard.press('Tab');
      expect((await focusOf(zoomed))?.name).toMatch(/^Delete card:/);
      await zoomed.keyboard.press('Enter');
      const notice = zoomed.getByRole('group', { name: 'Notice' });
      await notice.waitFor();
      // Held by the pointer, so that it stays whatever time the test takes.
      await notice.hover();
      // Focus went to the next card.
      await expect.poll(async () => (await focusOf(zoomed))?.cardId ?? deleted).not.toBe(deleted);
      const seen: (Focus | null)[] = [await focusOf(zoomed)];
      for (let i = 0; i < 8; i++) seen.push(await step(zoomed, 'ArrowDown'));
      for (let i = 0; i < 5; i++) seen.push(await press(zoomed, 'Tab'));
      expect(seen.filter((f) => f?.cardId).length).toBeGreaterThan(10);
      expect(seen.filter((f) => f?.cardId && (f.underNotice || f.hidden))).toEqual([]);
      await zoomed.mouse.move(0, 0);

      // The card whose sentence is last in the article, shown there from its dialog; then a
      // notice comes (Ctrl+Z: "Undone: …") while the passage has focus.
      const last = [...byPlace].reverse().find((c) => c.id !== deleted)!;
      const search = zoomed.getByRole('searchbox', { name: 'Search cards' });
      await search.fill(last.claim);
      const dialog = await openCard(zoomed, last.claim);
      await dialog.getByRole('button', { name: 'Show in the article' }).click();
      await zoomed.getByRole('region', { name: 'Article view' }).waitFor();
      await expect.poll(async () => (await focusOf(zoomed))?.inPanel).toBe(true);
      await zoomed.keyboard.press('Control+z');
      await notice.filter({ hasText: 'Undone' }).waitFor();
      await notice.hover();
      expect(await focusOf(zoomed)).toMatchObject({ underNotice: false, hidden: false });
      // And passage after passage with the arrow keys, up and back down the article.
      const passages: (Focus | null)[] = [];
      for (const key of ['ArrowUp', 'ArrowDown']) {
        for (let i = 0; i < 5; i++) passages.push(await press(zoomed, key));
      }
      expect(passages.every((f) => f?.inPanel)).toBe(true);
      expect(passages.filter((f) => f?.underNotice || f?.hidden)).toEqual([]);
      await zoomed.keyboard.press('Escape');
      await search.fill('');
    });
  });
});

/** As the app clips a claim in a control's name (client/ui/clip). */
function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
