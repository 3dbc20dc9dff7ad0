/**
 * A device whose clock is more than a day off the server's cannot save (the server refuses the
 * times its changes carry, server/sync/writeTimes.ts): the board page says so, in the browser
 * against the real server, and says nothing when the clock is right or the page writes nothing.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { addClaim, openBoard, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const DAY_MS = 24 * 60 * 60 * 1000;
/** Long enough for the health check's answer, on a local server, to have come. */
const QUIET_MS = 1_500;

describe.skipIf(!RUN)('a device clock far off the server’s', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadToken: string; leadUrl: string };

  beforeAll(async () => {
    board = await server.createBoard('Clock desk', 'Lea');
  }, 120_000);

  const pageAt = async (skewMs: number): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    if (skewMs !== 0) await page.clock.setSystemTime(Date.now() + skewMs);
    return page;
  };
  const warning = (page: Page) => page.getByRole('alert').filter({ hasText: 'device’s clock' });

  it('three days ahead: the page says its changes will be refused', async () => {
    const page = await pageAt(3 * DAY_MS + 60_000);
    await page.goto(await server.invite(board, 'Eddie Ahead', 'editor'));
    await expect
      .poll(() => warning(page).textContent())
      .toBe(
        'This device’s clock is 3 days ahead of the server’s. Changes dated more than a day ' +
          'from the server’s time are not saved, so what you change here will be refused until ' +
          'the clock is set right.',
      );
    await page.context().close();
  }, 60_000);

  it('two days behind a board made today: changes may be refused', async () => {
    const page = await pageAt(-2 * DAY_MS - 60_000);
    await page.goto(await server.invite(board, 'Rhea Behind', 'reviewer'));
    await expect.poll(() => warning(page).textContent()).toContain('2 days behind the server’s');
    await expect.poll(() => warning(page).textContent()).toContain('may be refused');
    await page.context().close();
  }, 60_000);

  it('a clock 20 hours off saves, and no warning shows; nor for a viewer, who writes nothing', async () => {
    const page = await pageAt(20 * 60 * 60 * 1000);
    await openBoard(page, await server.invite(board, 'Ed Nearly', 'editor'));
    await addClaim(page, 'The harbour opened in 1901');
    await waitSaved(page);
    const viewer = await pageAt(3 * DAY_MS);
    await openBoard(viewer, await server.invite(board, 'Vic Viewer', 'viewer'));
    await page.waitForTimeout(QUIET_MS);
    expect(await warning(page).count()).toBe(0);
    expect(await warning(viewer).count()).toBe(0);
    await page.context().close();
    await viewer.context().close();
  }, 60_000);
});
