/**
 * A card dragged by its grip (at its top right) and let go with the pointer just inside a
 * column lands in that column, though most of the card's body hangs over the column to its
 * left (QA: by the card's corners alone it went to Corroborated, let go 100 px into Disputed).
 * Built app, real server, headless Chromium at 1500 px wide; the server's copy is read by a
 * y-websocket client of the board.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/board';
import { chromiumAvailable, launchBrowser, type BrowserSession } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import { addClaim, card, column, expectCardIn, waitSaved } from './support/boardPage';
import { type BoardServer, startBoardServer } from './support/boardServer';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('a card dropped by the mouse', () => {
  let server: BoardServer;
  let browser: BrowserSession;
  let page: Page;
  let serverCopy: TestClient;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBoardServer(), launchBrowser()]);
    const board = await server.createBoard('Drop', 'Ana');
    serverCopy = server.connect(board.id, board.leadToken);
    page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(board.leadUrl);
    await Promise.all([waitSaved(page), serverCopy.synced()]);
  }, 120_000);

  afterAll(async () => {
    serverCopy?.destroy();
    await browser?.close();
    await server?.stop();
  });

  it('lands in the column under the pointer, not where most of the card hangs', async () => {
    const claim = 'Luna was first linked to the gang negotiations in a 2020 report';
    await addClaim(page, claim);
    const id = await card(page, claim).getAttribute('data-card-id');
    const grip = await card(page, claim).locator('.grip').boundingBox();
    const list = await column(page, 'Disputed').locator('.card-list').boundingBox();
    if (!id || !grip || !list) throw new Error('card or column not on screen');

    const [x, y] = [grip.x + grip.width / 2, grip.y + grip.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    // dnd-kit starts a drag after 6 px; move in steps as a hand would.
    await page.mouse.move(x + 30, y + 30, { steps: 5 });
    const drop = { x: list.x + 100, y: list.y + list.height / 2 };
    await page.mouse.move(drop.x, drop.y, { steps: 15 });
    await page.mouse.move(drop.x, drop.y + 2, { steps: 2 });
    // What makes the case: the card's body reaches well into Corroborated.
    const held = await page.locator('.drag-overlay').boundingBox();
    if (!held) throw new Error('no card in hand');
    expect(list.x - held.x).toBeGreaterThan(held.width / 2);
    await page.mouse.up();

    await expectCardIn(page, claim, 'Disputed');
    await waitSaved(page);
    await waitFor(() => readBoard(serverCopy.doc).cards[id]?.column !== 'unverified', {
      what: 'the move on the server',
    });
    expect(readBoard(serverCopy.doc).cards[id]?.column).toBe('disputed');
  });
});
