/**
 * The notice at the foot of the board, from the keyboard alone (keyboardWalk), in headless
 * Chromium against the real server: a colleague's news with a button only the notice offers
 * (Open card) waits for a keyboard user however long they take to reach it (WCAG 2.2.1), where
 * it went after 8 s, 7 to 28 Tab presses away. The page's clock is Playwright's: the test jumps
 * over the time instead of waiting.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignCard } from '../../shared/board';
import { readClaims } from '../../client/app/tokenClaims';
import { chromiumAvailable } from '../helpers/browser';
import { cardIdByClaim } from '../helpers/cardIdByClaim';
import { openBoard } from './support/boardPage';
import { createBoardWithClaims, leadActor } from './support/boardWithClaims';
import { keyboardWalk, type KeyboardWalk } from './support/keyboardOnly';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const CLAIM = 'The new library lends 3,000 books a week';
const NEWS = `Eddie gave you “${CLAIM}” to check`;

describe.skipIf(!RUN)('the notice at the foot of the board, from the keyboard', () => {
  const boardBrowser = useBoardBrowser();
  let page: Page;
  let walk: KeyboardWalk;
  let giveLeaTheCard: () => Promise<void>;

  beforeAll(async () => {
    const { server, browser } = boardBrowser;
    const board = await createBoardWithClaims(server, 'Notices', 'Lea', [CLAIM]);
    const eddieUrl = await server.invite(board, 'Eddie', 'editor');
    const claims = readClaims(eddieUrl.split('#invite=')[1] ?? '');
    if (!claims) throw new Error('the invite token does not read');
    const eddie = { id: claims.inviteId, name: claims.name };
    const lea = leadActor(board);
    giveLeaTheCard = () =>
      server.change(
        board.id,
        (doc) => assignCard(doc, cardIdByClaim(doc, CLAIM), lea, { actor: eddie }),
        eddie,
      );
    page = await (await browser.newContext()).newPage();
    await page.clock.install();
    walk = await keyboardWalk(page);
    await openBoard(page, board.leadUrl);
  }, 60_000);

  const notice = () => page.getByRole('group', { name: 'Notice' });

  it('keeps a colleague’s news with Open card until the keyboard user gets to it', async () => {
    await walk.pressUntil('Tab', 'link', 'Skip to columns');
    await giveLeaTheCard();
    await expect.poll(() => notice().textContent(), { timeout: 10_000 }).toContain(NEWS);
    // A minute on, far past the 8 s it had, it is still there to act on.
    await page.clock.fastForward(60_000);
    expect(await notice().count()).toBe(1);
    await walk.pressUntil('Tab', 'button', 'Open card', 60);
    await walk.press('Enter');
    await page.getByRole('dialog', { name: CLAIM }).waitFor();
    expect(await notice().count()).toBe(0);
    await walk.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(walk.problems).toEqual([]);
    expect(await walk.pointerEvents()).toBe(0);
  });
});
