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
import { announced, openBoard } from './support/boardPage';
import { createBoardWithClaims, leadActor } from './support/boardWithClaims';
import { keyboardWalk, type KeyboardWalk } from './support/keyboardOnly';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const CLAIM = 'The new library lends 3,000 books a week';
const OTHER = 'The ring road cut commutes by a third';
const news = (claim: string) => `Eddie gave you “${claim}” to check`;

describe.skipIf(!RUN)('the notice at the foot of the board, from the keyboard', () => {
  const boardBrowser = useBoardBrowser();
  let page: Page;
  let walk: KeyboardWalk;
  let giveLeaTheCard: (claim: string) => Promise<void>;

  beforeAll(async () => {
    const { server, browser } = boardBrowser;
    const board = await createBoardWithClaims(server, 'Notices', 'Lea', [CLAIM, OTHER]);
    const eddieUrl = await server.invite(board, 'Eddie', 'editor');
    const claims = readClaims(eddieUrl.split('#invite=')[1] ?? '');
    if (!claims) throw new Error('the invite token does not read');
    const eddie = { id: claims.inviteId, name: claims.name };
    const lea = leadActor(board);
    giveLeaTheCard = (claim) =>
      server.change(
        board.id,
        (doc) => assignCard(doc, cardIdByClaim(doc, claim), lea, { actor: eddie }),
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
    await giveLeaTheCard(CLAIM);
    await expect.poll(() => notice().textContent(), { timeout: 10_000 }).toContain(news(CLAIM));
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

  it('Alt+N goes to the notice’s button from anywhere, and back', async () => {
    await walk.pressUntil('Shift+Tab', 'link', 'Skip to columns', 60);
    const focusedCard = await walk.press('Enter');
    expect(focusedCard.role).toBe('listitem');
    await giveLeaTheCard(OTHER);
    await expect.poll(() => notice().textContent(), { timeout: 10_000 }).toContain(news(OTHER));
    expect(await walk.press('Alt+N')).toMatchObject({ role: 'button', name: 'Open card' });
    expect(await walk.press('Alt+N')).toMatchObject({
      role: focusedCard.role,
      name: focusedCard.name,
    });
    // In a text field too, where Alt+N types nothing (but a Mac's ⌥N, a dead key, is left to type).
    await walk.pressUntil('Tab', 'searchbox', 'Search cards', 40);
    expect(await walk.press('Alt+N')).toMatchObject({ role: 'button', name: 'Open card' });
    await walk.press('Enter');
    await page.getByRole('dialog', { name: OTHER }).waitFor();
    await walk.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // With no notice, the key says so.
    await walk.press('Alt+N');
    await expect.poll(() => announced(page)).toBe('No notice.');
    expect(walk.problems).toEqual([]);
    expect(await walk.pointerEvents()).toBe(0);
  });
});
