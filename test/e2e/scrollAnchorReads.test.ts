/**
 * What a colleague's change costs a column that keeps its reader's place (useScrollAnchor): a
 * read of a scroll top or a box after the change lays the whole page out at once, inside the
 * commit. The bigboard bench's burst of 50 moves laid it out up to three times a change and a
 * column (a read, the write, a read of the anchor again, and the next column's read after that
 * write). Counted here, not timed: the reads of the columns' scroll boxes and of what is in
 * them, from the colleague's change until the page shows it, on a board of 300 cards, with a
 * change below what the reader sees (nothing to scroll).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveCard, readBoard } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { bigBoardUpdate } from './support/bigBoard';
import { column, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const CARDS = 300;

/** Counts, as `window.layoutReads`, the layout reads of the columns' scroll boxes and their rows. */
const COUNT_LAYOUT_READS = `(() => {
  window.layoutReads = 0;
  const counted = (element) => element.closest('.column-scroll') !== null;
  for (const name of ['scrollTop', 'clientHeight', 'scrollHeight']) {
    const own = Object.getOwnPropertyDescriptor(Element.prototype, name);
    Object.defineProperty(Element.prototype, name, {
      ...own,
      get() {
        if (counted(this)) window.layoutReads++;
        return own.get.call(this);
      },
    });
  }
  const box = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function () {
    if (counted(this)) window.layoutReads++;
    return box.call(this);
  };
})()`;

describe.skipIf(!chromiumAvailable())(
  'a column keeping its place as a colleague changes it',
  () => {
    const { server, browser } = useBoardBrowser();
    let page: Page;
    let colleague: TestClient;

    beforeAll(async () => {
      const board = await server.createBoard('Busy board', 'Ana');
      await server.seed(board.id, [bigBoardUpdate(CARDS)]);
      page = await (await browser.newContext()).newPage();
      await page.addInitScript(COUNT_LAYOUT_READS);
      await page.goto(board.leadUrl);
      await page.locator('li[data-card-id]').first().waitFor({ timeout: 30_000 });
      await waitSaved(page, 30_000);
      colleague = server.connect(board.id, await server.invite(board, 'Cole', 'editor'));
      await colleague.synced();
    }, 120_000);
    afterAll(() => colleague?.destroy());

    /**
     * The layout reads in the columns while the colleague moves Corroborated's last card to the
     * end of Disputed (neither in view: no row comes or goes on screen), until Disputed counts it.
     */
    async function readsForMoveBelow(): Promise<number> {
      const { columns } = readBoard(colleague.doc);
      const last = columns.corroborated.at(-1) as string;
      const disputed = columns.disputed.length;
      await page.evaluate(() => ((window as unknown as { layoutReads: number }).layoutReads = 0));
      moveCard(colleague.doc, last, { column: 'disputed', index: disputed }, colleague.as);
      await expect
        .poll(() => column(page, 'Disputed').getByRole('heading').textContent())
        .toBe(`Disputed ${disputed + 1} cards`);
      // A few frames for whatever the change set off.
      await page.evaluate(async () => {
        for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      });
      return page.evaluate(() => (window as unknown as { layoutReads: number }).layoutReads);
    }

    it('reads nothing of the columns when the reader is at their top, focus elsewhere', async () => {
      expect(await readsForMoveBelow()).toBe(0);
    });

    it('reads only the scroll top of the column whose card has focus', async () => {
      const top = column(page, 'Corroborated').locator('li[data-card-id]').first();
      await top.focus();
      const id = await top.getAttribute('data-card-id');
      expect(await readsForMoveBelow()).toBe(1);
      // The card keeps focus, and its place at the top.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-card-id'))).toBe(
        id,
      );
      expect(
        await column(page, 'Corroborated')
          .locator('.column-scroll')
          .evaluate((el) => el.scrollTop),
      ).toBe(0);
    });
  },
);
