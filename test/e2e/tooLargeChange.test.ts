/**
 * A change larger than the server takes in one message (here the Undo of a bulk delete, which
 * writes every card back at once, against a server whose cap is lowered to 64 KiB): the page
 * lists it under "Not saved", drops its copy and shows the board as the server has it, instead
 * of a silent "Connection refused (4413)" over cards that seemed back and were on no one
 * else's board. Built app, real server, headless Chromium.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { createBoardWithClaims } from './support/boardWithClaims';
import { announced, card, openBoard, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
/** 40 claims of 2,000 characters: about 85 KB back in one Undo. */
const CLAIMS = Array.from({ length: 40 }, (_, i) =>
  `Claim ${i + 1} ${'x'.repeat(2_000)}`.slice(0, 2_000),
);

describe.skipIf(!RUN)('a change too large for the server', () => {
  const { server, browser } = useBoardBrowser({ maxMessageBytes: 64 * 1024 });

  it('is listed under Not saved, and the board shows what the server has', async () => {
    const board = await createBoardWithClaims(server, 'Long claims', 'Lea', CLAIMS);
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await openBoard(page, board.leadUrl);
    await page.getByRole('button', { name: 'Select all in Unverified' }).click();
    await page.getByRole('button', { name: 'Delete selected…' }).click();
    await page
      .getByRole('dialog', { name: 'Delete 40 cards?' })
      .getByRole('button', { name: 'Delete 40 cards' })
      .click();
    await expect.poll(() => announced(page)).toBe('40 cards deleted. Press Control+Z to undo.');
    await waitSaved(page);

    await page.locator('#main').focus();
    await page.keyboard.press('Control+z');
    const notSaved = page.getByRole('region', { name: 'Not saved' });
    await notSaved.waitFor();
    await waitSaved(page, 15_000);
    await expect.poll(() => card(page, CLAIMS[0] as string).count()).toBe(0);
    // One entry for the whole refused Undo (bulkNotes), not one per card.
    const entries = notSaved.getByRole('listitem');
    expect(await entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain('Undid the deletion of 40 cards');
    expect((await server.exportJson(board)).cards).toHaveLength(0);
  }, 120_000);
});
