/**
 * An imported article whose text hides a right-to-left override (U+202E, unclosed): on screen
 * "U+202E eslaf si siht" reads "this is false", and the override ran on to the end of its paragraph.
 * The Article view, the card and its dialog show the text exactly as stored (the view's pieces
 * keep their exact slices), with the control labelled and without effect: every sentence reads
 * left to right as it was written.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { card, openCard } from './support/boardPage';
import { readsLeftToRight } from './support/glyphs';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const RLO = '\u202E';
const CLAIM = `The minister said ${RLO}turnout fell to 40% in the north.`;
const TEXT = `Turnout was 80% in the south. ${CLAIM} Officials disagreed with him.`;

/** Whether every piece of text inside `scope` reads left to right, as it is stored. */
async function everyPieceReadsLeftToRight(pieces: Locator): Promise<boolean[]> {
  return Promise.all((await pieces.all()).map(readsLeftToRight));
}

describe.skipIf(!RUN)('an article hiding a right-to-left override', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;

  beforeAll(async () => {
    const board = await server.createBoard('Turnout', 'Lea');
    await server.importArticle(board, { title: 'Turnout', text: TEXT });
    page = await openBoardPage(browser, board.leadUrl);
  }, 120_000);

  it('the Article view shows the stored text, each sentence reading as written', async () => {
    await page.getByRole('button', { name: 'Article view' }).click();
    const view = page.getByRole('region', { name: 'Article view' });
    const paragraph = view.locator('p', { hasText: 'Officials disagreed' });
    expect(await paragraph.textContent()).toBe(TEXT);
    const pieces = paragraph.locator('[data-start]');
    expect(await pieces.count()).toBeGreaterThanOrEqual(3);
    expect(await everyPieceReadsLeftToRight(pieces)).not.toContain(false);
    // The control is there, labelled for the eye.
    const control = paragraph.locator('.bidi-control');
    expect(await control.textContent()).toBe(RLO);
    expect(await control.evaluate((el) => getComputedStyle(el, '::before').content)).toContain(
      'RLO',
    );
    await page.keyboard.press('Escape');
  });

  it('the card and its dialog show the claim and its source reading as written', async () => {
    const item = card(page, 'The minister said');
    expect(await readsLeftToRight(item.locator('p.claim'))).toBe(true);
    const dialog = await openCard(page, 'The minister said');
    expect(await readsLeftToRight(dialog.locator('.dialog-claim'))).toBe(true);
    const source = dialog.getByRole('region', { name: 'Source' }).locator('blockquote');
    expect(await source.textContent()).toBe(CLAIM);
    expect(await readsLeftToRight(source)).toBe(true);
  });
});
