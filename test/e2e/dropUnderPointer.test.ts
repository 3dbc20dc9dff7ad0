/**
 * A card dragged by its grip (at its top right) and let go with the pointer just inside a
 * column lands in that column, though most of the card's body hangs over the column to its
 * left (QA: by the card's corners alone it went to Corroborated, let go 100 px into Disputed);
 * let go in the column's empty space below its cards, it lands last there. A press on a card's
 * button whose hand slips a few pixels is a click, not a drag.
 * Built app, real server, headless Chromium at 1500 px wide; the server's copy is read by a
 * y-websocket client of the board.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import { addClaim, card, column, expectCardIn, moveTo, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

/** The seed article: its 22 cards make a column longer than the window. */
const SEED = readFileSync(
  new URL('../fixtures/seed/000_90c871332769486b.txt', import.meta.url),
  'utf8',
);

type Box = { x: number; y: number; width: number; height: number };
type Point = { x: number; y: number };

describe.skipIf(!RUN)('a card dropped by the mouse', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;
  let serverCopy: TestClient;

  beforeAll(async () => {
    const board = await server.createBoard('Drop', 'Ana');
    serverCopy = server.connect(board.id, board.leadToken);
    page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(board.leadUrl);
    await Promise.all([waitSaved(page), serverCopy.synced()]);
  }, 120_000);

  afterAll(async () => {
    serverCopy?.destroy();
  });

  /**
   * Drags a card by its grip and lets go at `drop` (worked out from Disputed's list), checking
   * on the way that most of the card in hand hangs over Corroborated.
   */
  async function dragToDisputed(claim: string, drop: (list: Box) => Point): Promise<void> {
    const grip = await card(page, claim).locator('.grip').boundingBox();
    const list = await column(page, 'Disputed').locator('.card-list').boundingBox();
    if (!grip || !list) throw new Error('card or column not on screen');

    const [x, y] = [grip.x + grip.width / 2, grip.y + grip.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    // dnd-kit starts a drag after 6 px; move in steps as a hand would.
    await page.mouse.move(x + 30, y + 30, { steps: 5 });
    const to = drop(list);
    await page.mouse.move(to.x, to.y, { steps: 15 });
    await page.mouse.move(to.x, to.y + 2, { steps: 2 });
    // What makes the case: the card's body reaches well into Corroborated.
    const held = await page.locator('.drag-overlay').boundingBox();
    if (!held) throw new Error('no card in hand');
    expect(list.x - held.x).toBeGreaterThan(held.width / 2);
    await page.mouse.up();
  }

  /** Where the server has the card, once it has it out of Unverified. */
  async function placeOnServer(id: string): Promise<{ column?: string; index: number }> {
    await waitSaved(page);
    await waitFor(() => readBoard(serverCopy.doc).cards[id]?.column !== 'unverified', {
      what: 'the move on the server',
    });
    const board = readBoard(serverCopy.doc);
    const at = board.cards[id]?.column;
    return { column: at, index: at ? board.columns[at].indexOf(id) : -1 };
  }

  it('lands in the column under the pointer, not where most of the card hangs', async () => {
    const claim = 'Luna was first linked to the gang negotiations in a 2020 report';
    await addClaim(page, claim);
    const id = await card(page, claim).getAttribute('data-card-id');
    if (!id) throw new Error('card not on screen');

    await dragToDisputed(claim, (list) => ({ x: list.x + 100, y: list.y + list.height / 2 }));

    await expectCardIn(page, claim, 'Disputed');
    expect((await placeOnServer(id)).column).toBe('disputed');
  });

  // Below a short column's list nothing was under the pointer, and by the card's corners it
  // went to Corroborated (QA: let go 200 px below Disputed's list).
  it('lands last in the column whose empty space below its cards is under the pointer', async () => {
    const resident = 'The port authority confirmed the ship docked on 3 May';
    const claim = 'The mayor signed the contract before the tender closed';
    await addClaim(page, resident);
    await moveTo(page, resident, 'Disputed');
    await expectCardIn(page, resident, 'Disputed');
    // Corroborated's cards reach down beside where the card is let go: the nearest by corners.
    for (const k of [1, 2, 3, 4]) {
      const neighbour = `Corroborated neighbour ${k}`;
      await addClaim(page, neighbour);
      await moveTo(page, neighbour, 'Corroborated');
      await expectCardIn(page, neighbour, 'Corroborated');
    }
    await addClaim(page, claim);
    const id = await card(page, claim).getAttribute('data-card-id');
    const body = await column(page, 'Disputed').boundingBox();
    const beside = await column(page, 'Corroborated').locator('.card-list').boundingBox();
    if (!id || !body || !beside) throw new Error('card or column not on screen');

    await dragToDisputed(claim, (list) => {
      const to = { x: list.x + 100, y: list.y + list.height + 200 };
      expect(to.y).toBeLessThan(body.y + body.height - 20);
      expect(to.y).toBeLessThan(beside.y + beside.height);
      return to;
    });

    await expectCardIn(page, claim, 'Disputed');
    const rows = card(column(page, 'Disputed'), claim);
    expect(await rows.getAttribute('aria-posinset')).toBe(await rows.getAttribute('aria-setsize'));
    const onServer = await placeOnServer(id);
    expect(onServer).toEqual({
      column: 'disputed',
      index: readBoard(serverCopy.doc).columns.disputed.length - 1,
    });
  });

  // A click on a card's Edit whose hand moved 6 px on the way picked the card up instead:
  // dnd-kit's mouse sensor started a drag from any press on the card (QA: 6 px on Edit).
  it('a press on a card’s button that moves 8 px drags nothing; one on its body drags the card', async () => {
    const claim = 'The bridge toll paid for the night buses';
    await addClaim(page, claim);
    const row = card(page, claim);
    const place = await row.getAttribute('aria-posinset');
    const inHand = () => page.locator('li.card.dragging, .drag-overlay').count();
    /**
     * Pressed at the middle of `target`, moved 8 px down and right, as a hand slips. Hovered
     * first: Playwright waits there until it stands still (the new card's column settles after
     * it is added), or the press could land beside a button read where it stood a frame before.
     */
    const pressAndSlip = async (target: Locator) => {
      await target.hover();
      const box = await target.boundingBox();
      if (!box) throw new Error('not on screen');
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 6, y + 5, { steps: 4 });
    };
    /** Two frames: what the moves started has rendered. */
    const painted = () =>
      page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );

    const edit = row.getByRole('button', { name: /^Edit claim:/ });
    await pressAndSlip(edit);
    await painted();
    expect(await inHand()).toBe(0);
    await page.mouse.up();
    // The click was a click: Edit opened the claim's editor, and the card stayed where it was.
    const editor = row.getByRole('textbox');
    await editor.waitFor();
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await expectCardIn(page, claim, 'Unverified');
    expect(await row.getAttribute('aria-posinset')).toBe(place);

    // The card's body is still a handle for the mouse.
    await pressAndSlip(row.locator('.claim'));
    await expect.poll(inHand).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await expect.poll(inHand).toBe(0);
    await expectCardIn(page, claim, 'Unverified');
  });

  // Within its own column the card went back where it was picked up (QA: the first card of
  // four, let go 40 px below the last one, "dropped where it was"); so did the first card of a
  // long column carried to its end as the column scrolled along.
  it('lands last in its own column when let go below the column’s cards', async () => {
    const rows = column(page, 'Corroborated').getByRole('listitem');
    const claim = (await rows.first().locator('.claim').textContent()) ?? '';
    const id = await rows.first().getAttribute('data-card-id');
    const grip = await rows.first().locator('.grip').boundingBox();
    const last = await rows.last().boundingBox();
    const body = await column(page, 'Corroborated').boundingBox();
    if (!claim || !id || !grip || !last || !body) throw new Error('card or column not on screen');
    const to = { x: last.x + 100, y: last.y + last.height + 40 };
    expect(to.y).toBeLessThan(body.y + body.height - 20);

    const [x, y] = [grip.x + grip.width / 2, grip.y + grip.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 30, y + 30, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 15 });
    await page.mouse.move(to.x, to.y + 2, { steps: 2 });
    await page.mouse.up();

    const moved = card(column(page, 'Corroborated'), claim);
    await waitFor(
      async () =>
        (await moved.getAttribute('aria-posinset')) === (await moved.getAttribute('aria-setsize')),
      { what: 'the card last in Corroborated' },
    );
    await waitSaved(page);
    const onServer = readBoard(serverCopy.doc).columns.corroborated;
    expect(onServer.indexOf(id)).toBe(onServer.length - 1);
  });

  it('lands last when carried down its long column to the last card as the column scrolls', async () => {
    const board = await server.createBoard('Long column', 'Ana');
    await server.importArticle(board, { title: 'Fired prison workers', text: SEED });
    const copy = server.connect(board.id, board.leadToken);
    const long = await (
      await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    ).newPage();
    long.setDefaultTimeout(10_000);
    try {
      await long.goto(board.leadUrl);
      await Promise.all([waitSaved(long), copy.synced()]);
      const first = column(long, 'Unverified').getByRole('listitem').first();
      const id = await first.getAttribute('data-card-id');
      const grip = await first.locator('.grip').boundingBox();
      const scroller = column(long, 'Unverified').locator('.column-scroll');
      const box = await scroller.boundingBox();
      if (!id || !grip || !box) throw new Error('card or column not on screen');

      const [x, y] = [grip.x + grip.width / 2, grip.y + grip.height / 2];
      await long.mouse.move(x, y);
      await long.mouse.down();
      await long.mouse.move(x - 30, y + 30, { steps: 5 });
      // Held at the column's foot, over its last card once dnd-kit has scrolled it to the end.
      await long.mouse.move(box.x + 150, box.y + box.height - 8, { steps: 15 });
      await waitFor(
        () => scroller.evaluate((s) => s.scrollTop + s.clientHeight >= s.scrollHeight - 1),
        { timeout: 20_000, interval: 100, what: 'the column scrolled to its end' },
      );
      await long.waitForTimeout(300);
      await long.mouse.up();

      await waitFor(
        async () => {
          const cards = readBoard(copy.doc).columns.unverified;
          return cards.indexOf(id) === cards.length - 1;
        },
        { what: 'the card last in Unverified on the server' },
      );
    } finally {
      copy.destroy();
      await long.context().close();
    }
  }, 60_000);
});
