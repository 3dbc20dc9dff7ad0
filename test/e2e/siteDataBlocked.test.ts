/**
 * A browser that blocks site storage (Chromium's "Don't allow sites to save data": reading
 * localStorage or sessionStorage throws SecurityError, IndexedDB refuses to open) still works
 * a board from its invite link, from the server alone: it opens and syncs, a move and a comment
 * are saved (a second page sees them), a move made offline is said to be kept only in this tab
 * ("← Boards" asks before it would be lost) and is sent once back, the page says once that nothing is kept on this device,
 * and Forget says why it has nothing to remove here but the list's entry. The board page threw
 * reading window.localStorage as it opened (it never synced), and Forget's removal rejected.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  card,
  closeCard,
  expectCardIn,
  leaveQuestion,
  moveTo,
  openBoard,
  openCard,
  status,
  waitSaved,
} from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

/** What reading each of the page's stores gives: 'open', or the error's name. */
const storesRead = (page: Page) =>
  page.evaluate(async () => {
    const read = (get: () => unknown) => {
      try {
        get();
        return 'open';
      } catch (error) {
        return (error as Error).name;
      }
    };
    const indexedDb = await new Promise<string>((resolve) => {
      const request = indexedDB.open('factboard-probe');
      request.onsuccess = () => resolve('open');
      request.onerror = () => resolve(request.error?.name ?? 'error');
    });
    return {
      localStorage: read(() => window.localStorage),
      sessionStorage: read(() => window.sessionStorage),
      indexedDb,
    };
  });

describe.skipIf(!RUN)('site storage blocked', () => {
  const { server, browser } = useBoardBrowser({}, { siteDataBlocked: true });

  it('opens a board by invite link, saves a move and a comment, says it keeps nothing, and Forget says why', async () => {
    const board = await server.createBoard('Blocked desk', 'Lea');
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openBoard(page, await server.invite(board, 'Eddie', 'editor'));
    expect(await storesRead(page)).toEqual({
      localStorage: 'SecurityError',
      sessionStorage: 'SecurityError',
      indexedDb: 'UnknownError',
    });

    const notKept = page.getByRole('status').filter({ hasText: 'keeps nothing' });
    expect(await notKept.allTextContents()).toEqual([
      'This browser keeps nothing on this device (its site storage is blocked): changes made ' +
        'offline or not yet saved, notices of lost edits, changes the server refused and this ' +
        'board’s invite are gone once this tab closes. Open the invite link again to come back.',
    ]);
    expect(await page.getByRole('status').filter({ hasText: 'storage is full' }).count()).toBe(0);

    const claim = 'The ferry carries 2,000 people a day';
    await addClaim(page, claim);
    await moveTo(page, claim, 'Disputed');
    await expectCardIn(page, claim, 'Disputed');
    const dialog = await openCard(page, claim);
    await dialog.getByRole('textbox', { name: 'New comment' }).fill('The port says 1,200.');
    await dialog.getByRole('button', { name: 'Post comment' }).click();
    await waitSaved(page);
    await closeCard(page);

    // The selection, which a tab keeps for a reload where it can, works without storage.
    await card(page, claim).focus();
    await page.keyboard.press('x');
    await expect.poll(() => page.locator('.selection-count').textContent()).toBe('1 selected');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.selection-count').textContent()).toBe('');

    // Offline, a move is kept in this tab only, not "on this device", and sent once back.
    await page.context().setOffline(true);
    await expect.poll(() => status(page).textContent()).toBe('Offline');
    await moveTo(page, claim, 'Corroborated');
    await expect
      .poll(() => status(page).textContent())
      .toBe('Offline: changes kept only in this tab');
    // "← Boards" would close the connection, and the move with it: it asks first.
    expect(await leaveQuestion(page)).toBe(
      'Leave this board? Changes not yet saved on the server would be lost: this browser ' +
        'keeps nothing on this device.',
    );
    expect(new URL(page.url()).pathname).toBe(`/b/${board.id}`);
    await page.context().setOffline(false);
    await waitSaved(page, 20_000);

    // Saved on the server: Lea's page, opened afterwards, has all three.
    const lea = await (await browser.newContext()).newPage();
    lea.setDefaultTimeout(10_000);
    await openBoard(lea, board.leadUrl);
    await expectCardIn(lea, claim, 'Corroborated');
    await card(lea, claim).waitFor();
    const leaDialog = await openCard(lea, claim);
    await expect
      .poll(() => leaDialog.locator('.comment-text').allTextContents())
      .toEqual(['The port says 1,200.']);

    // Forget: nothing on the device to remove, and it says so; the board leaves the list.
    await page.getByRole('link', { name: /Boards/ }).click();
    await page.getByRole('heading', { name: 'Your boards' }).waitFor();
    expect(
      await page.getByRole('status').filter({ hasText: 'keeps nothing' }).allTextContents(),
    ).toEqual([
      'This browser keeps nothing on this device (its site storage is blocked): this list, your ' +
        'name and the boards’ invites last only until this page is closed. Open an invite link ' +
        'again to come back to its board.',
    ]);
    const asked: string[] = [];
    page.on('dialog', (prompt) => {
      asked.push(prompt.message());
      void prompt.accept();
    });
    const listed = page.getByRole('region', { name: 'Your boards' }).getByRole('listitem');
    expect(await listed.allTextContents()).toEqual([expect.stringContaining('Blocked desk')]);
    await listed.getByRole('button', { name: 'Forget Blocked desk' }).click();
    await expect.poll(() => listed.count()).toBe(0);
    expect(asked).toEqual([
      'Forget “Blocked desk”? This browser keeps nothing on this device (its site storage is ' +
        'blocked), so there is nothing of the board to remove here: Forget only takes it off ' +
        'this page’s list, with its invite. To open it again you will need your link: keep ' +
        'your link first (on the board, your role’s badge, then Copy your link).',
    ]);
    expect(errors).toEqual([]);
  }, 90_000);
});

/**
 * Where localStorage works but IndexedDB will not open (some private modes, a disk error), the
 * board works from the server as where site storage is blocked: a move made offline is said
 * to be kept only in this tab and sent once back, and the page says once that nothing of the
 * board is kept on this device. y-indexeddb never finished loading there: offline the pill
 * said "keeping changes on this device…" for good, over an unhandled rejection.
 */
describe.skipIf(!RUN)('IndexedDB refuses to open', () => {
  const { server, browser } = useBoardBrowser();

  it('works live from the server, keeps a move made offline in the tab, and says so once', async () => {
    const board = await server.createBoard('No database desk', 'Lea');
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // As Chromium fails an open it cannot serve: the request's error event, a moment later.
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function open() {
        const request = {} as IDBOpenDBRequest & { onerror: ((event: Event) => void) | null };
        setTimeout(() => {
          const error = new DOMException('Internal error opening backing store', 'UnknownError');
          Object.defineProperty(request, 'error', { value: error });
          request.onerror?.({ target: request } as unknown as Event);
        }, 0);
        return request;
      };
    });
    await openBoard(page, await server.invite(board, 'Eddie', 'editor'));

    const notKept = page.getByRole('status').filter({ hasText: 'keeps no copy' });
    await expect
      .poll(() => notKept.allTextContents())
      .toEqual([
        'This browser keeps no copy of this board on this device (its database would not ' +
          'open): changes made offline or not yet saved are gone once this tab closes.',
      ]);
    expect(await page.getByRole('status').filter({ hasText: 'keeps nothing' }).count()).toBe(0);

    const claim = 'The bridge opened in 1932';
    await addClaim(page, claim);
    await waitSaved(page);
    await page.context().setOffline(true);
    await expect.poll(() => status(page).textContent()).toBe('Offline');
    await moveTo(page, claim, 'Disputed');
    await expect
      .poll(() => status(page).textContent())
      .toBe('Offline: changes kept only in this tab');
    // "← Boards" asks first, naming what is not kept: the board's copy, not all site data
    // (the list, the invite and the notices are kept; it said "keeps nothing" before).
    expect(await leaveQuestion(page)).toBe(
      'Leave this board? Changes not yet saved on the server would be lost: this browser ' +
        'keeps no copy of this board on this device (its database would not open).',
    );
    expect(new URL(page.url()).pathname).toBe(`/b/${board.id}`);
    await page.context().setOffline(false);
    await waitSaved(page, 20_000);

    const lea = await (await browser.newContext()).newPage();
    lea.setDefaultTimeout(10_000);
    await openBoard(lea, board.leadUrl);
    await expectCardIn(lea, claim, 'Disputed');
    expect(errors).toEqual([]);
  }, 90_000);
});
