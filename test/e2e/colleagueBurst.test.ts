/**
 * A page open while a colleague makes thousands of changes in quick succession (a long day on
 * a busy board): the page takes every one without an error and shows the last. React 19.2
 * threw 'Maximum update depth exceeded' (#185) 3 to 24 times in such a burst on a 300-card
 * board while BoardConnection told each colleague's change at once, a render each; before the
 * page reported listeners' errors, the first of them had stopped the page's board for good.
 * A colleague's changes are now told once a frame (BoardConnection.tellRemoteSoon).
 * The colleague is a y-websocket client in Node making moves, claim edits, comments and
 * evidence; the server's message rate is raised so that it takes the burst.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addComment,
  addEvidence,
  type ColumnId,
  COLUMNS,
  editCard,
  moveCard,
} from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import { seededRandom } from '../helpers/seededRandom';
import { bigBoardUpdate } from './support/bigBoard';
import { useBoardBrowser } from './support/useBoardBrowser';

const CARDS = 300;
const CHANGES = 3_000;

describe.skipIf(!chromiumAvailable())('a colleague’s burst of changes', () => {
  const { server, browser } = useBoardBrowser({ messagesPerSecond: 5_000 });

  it('reaches the page without an error, the last change shown', async () => {
    const board = await server.createBoard('Busy board', 'Ana');
    await server.seed(board.id, [bigBoardUpdate(CARDS)]);
    const page: Page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(board.leadUrl);
    await page.locator('li[data-card-id]').first().waitFor({ timeout: 60_000 });
    const colleague = server.connect(board.id, await server.invite(board, 'Cole', 'editor'));
    await colleague.synced();

    const random = seededRandom(58);
    for (let made = 0; made < CHANGES; made++) {
      const cardId = `card-${random.int(CARDS)}`;
      const { doc, as } = colleague;
      const kind = made % 4;
      if (kind === 0) {
        const column = COLUMNS[random.int(COLUMNS.length)] as ColumnId;
        moveCard(doc, cardId, { column, index: random.int(CARDS / 3) }, as);
      } else if (kind === 1) editCard(doc, cardId, { claim: `Claim ${made} of ${cardId}` }, as);
      else if (kind === 2) addComment(doc, cardId, { text: `Comment ${made}` }, as);
      else addEvidence(doc, cardId, { url: `https://example.org/${made}`, stance: 'context' }, as);
      // In steps of 50, as fast as the server stores them.
      if ((made + 1) % 50 === 0) await colleague.allSaved(30_000);
    }
    // The last change: card-0 to the top of the first column, in view, with a new claim.
    moveCard(colleague.doc, 'card-0', { column: COLUMNS[0], index: 0 }, colleague.as);
    editCard(colleague.doc, 'card-0', { claim: 'The last change of the burst' }, colleague.as);
    await colleague.allSaved(30_000);
    await expect
      .poll(() => page.locator('li[data-card-id="card-0"]').textContent(), { timeout: 30_000 })
      .toContain('The last change of the burst');
    expect(errors).toEqual([]);
    colleague.destroy();
  }, 240_000);
});
