/**
 * A new version of an article does not bring back as fresh cards the claims whose card a
 * person deleted: the Import dialog says how many it left out, lists them, and restores them
 * (one by keyboard, or all at once) as they were, into their column on the board. Built app,
 * real server, headless Chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { announced, card, clickCardAction, expectCardIn, moveTo } from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const DEFICIT = 'The national deficit rose to $1.2 trillion in 2023.';
const JOBS = 'Unemployment fell to 3.7 percent in December.';
const RENTS = 'Rents rose 14 percent in 2023.';
const STORY = [
  'The national deficit rose to $1.2 trillion in 2023, the Treasury said on Tuesday.',
  'Unemployment fell to 3.9 percent in December, according to the Bureau of Labor Statistics.',
  'The city council approved 42 new housing projects last year, said Maria Lopez, a council spokesperson.',
].join('\n\n');
const CORRECTED = `${STORY.replace('3.9 percent', '3.7 percent')}\n\nRents rose 14 percent in 2023, the ministry said.`;

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('an import that leaves out the claims of deleted cards', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let page: Page;

  const dialog = () => page.getByRole('dialog', { name: 'Import article' });
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
    });
  const claimsOnServer = async () => (await server.exportJson(board)).cards.map((c) => c.claim);
  const importText = async (title: string, text: string) => {
    await page.getByRole('button', { name: 'Import article' }).click();
    await dialog().getByRole('textbox', { name: 'Article text' }).fill(text);
    await dialog().getByRole('textbox', { name: 'Title (optional)' }).fill(title);
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    // The status region is there, empty, from the start: wait for its text.
    await dialog().getByRole('status').filter({ hasText: /\S/ }).waitFor();
    return dialog().getByRole('status').textContent();
  };
  const deleteCard = async (claim: string) => {
    await clickCardAction(page, claim, 'Delete card');
    await expect.poll(() => card(page, claim).count()).toBe(0);
  };

  beforeAll(async () => {
    board = await server.createBoard('Budget desk', 'Ana');
    const editorUrl = await server.invite(board, 'Ed', 'editor');
    page = await openBoardPage(browser, editorUrl);
  }, 120_000);

  it('lists a deleted card left out of the new version and restores it by keyboard, as it was', async () => {
    expect(await importText('Deficit story', STORY)).toBe('3 claims became cards in Unverified.');
    await dialog().getByRole('button', { name: 'Done' }).click();
    // The desk disputes the deficit claim, then deletes its card.
    await moveTo(page, DEFICIT, 'Disputed');
    await expectCardIn(page, DEFICIT, 'Disputed');
    await deleteCard(DEFICIT);

    expect(await importText('Deficit story, corrected', CORRECTED)).toBe(
      '2 new claims became cards in Unverified. 1 claim was already on the board (from “Deficit story”) and was not added again. 1 claim was left out because its card was deleted from the board before.',
    );
    expect(await claimsOnServer()).not.toContain(DEFICIT);
    const deleted = dialog().getByRole('region', { name: 'Deleted from the board before (1)' });
    expect(await deleted.getByRole('listitem').allTextContents()).toEqual([`${DEFICIT}Restore`]);
    // One card: nothing to restore "all" of.
    expect(await deleted.getByRole('button', { name: /^Restore all/ }).count()).toBe(0);

    // From the dialog's first choice, back one stop: the card's Restore button, named by it.
    await expect.poll(focused).toBe('Show the article');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(`Restore card: ${DEFICIT}`);
    await page.keyboard.press('Enter');

    await expect
      .poll(() => deleted.getByRole('listitem').textContent())
      .toBe(`${DEFICIT}Restored to Disputed.`);
    await expect.poll(() => announced(page)).toBe(`Restored to Disputed: ${DEFICIT}`);
    // The button gave way: focus stays in the dialog, on the card's item.
    expect(await focused()).toBe(`${DEFICIT}Restored to Disputed.`);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    await expectCardIn(page, DEFICIT, 'Disputed');
    expect((await claimsOnServer()).filter((c) => c === DEFICIT)).toHaveLength(1);
  });

  it('"Restore all" restores the rest, and a card a colleague restored first counts as back', async () => {
    const rentsId = await card(page, RENTS).getAttribute('data-card-id');
    await deleteCard(JOBS);
    await deleteCard(RENTS);
    const status = await importText(
      'Deficit story, second correction',
      `${CORRECTED}\n\nExports fell 8 percent in 2024, the bank said.`,
    );
    expect(status).toMatch(
      /^1 new claim became a card in Unverified\. .* 2 claims were left out because their cards were deleted from the board before\.$/,
    );
    const deleted = dialog().getByRole('region', { name: 'Deleted from the board before (2)' });
    expect((await deleted.locator('.import-deleted-claim').allTextContents()).toSorted()).toEqual(
      [RENTS, JOBS].toSorted(),
    );

    // The lead restores the rents card from elsewhere meanwhile: this dialog's restore is 409.
    const restored = await fetch(`${server.url}/api/boards/${board.id}/cards/${rentsId}/restore`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.leadToken}` },
    });
    expect(restored.status).toBe(201);

    const all = deleted.getByRole('button', { name: 'Restore all 2 cards' });
    await all.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => announced(page)).toBe('2 cards restored to the board.');
    const outcome = (claim: string) =>
      deleted.getByRole('listitem').filter({ hasText: claim }).locator('.muted').textContent();
    expect(await outcome(JOBS)).toBe('Restored to Unverified.');
    expect(await outcome(RENTS)).toBe('A colleague restored it.');
    expect(await all.count()).toBe(0);
    expect(await focused()).toBe('Deleted from the board before (2)');

    await page.keyboard.press('Escape');
    await expectCardIn(page, JOBS, 'Unverified');
    await expectCardIn(page, RENTS, 'Unverified');
    const claims = await claimsOnServer();
    for (const claim of [JOBS, RENTS]) expect(claims.filter((c) => c === claim)).toHaveLength(1);
  });
});
