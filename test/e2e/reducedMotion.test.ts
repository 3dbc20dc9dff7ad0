/**
 * Someone whose system asks for reduced motion sees no animation when they drop a card with the
 * mouse: dnd-kit glided the dropped card into place for 250 ms with the Web Animations API,
 * which the stylesheet's `prefers-reduced-motion` rules do not reach (found by QA).
 * Built app, real server, headless Chromium emulating `prefers-reduced-motion: reduce`.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { addClaim, card, column, expectCardIn, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('a card dropped with reduced motion asked for', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;

  beforeAll(async () => {
    const board = await server.createBoard('Still', 'Ana');
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(board.leadUrl);
    await waitSaved(page);
  }, 120_000);

  it('lands without an animation', async () => {
    const claim = 'Rents doubled in the city centre since 2015';
    await addClaim(page, claim);
    const grip = await card(page, claim).locator('.grip').boundingBox();
    const list = await column(page, 'Disputed').boundingBox();
    if (!grip || !list) throw new Error('card or column not on screen');

    const [x, y] = [grip.x + grip.width / 2, grip.y + grip.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    // dnd-kit starts a drag after 6 px; move in steps as a hand would.
    await page.mouse.move(x + 30, y + 30, { steps: 5 });
    await page.mouse.move(list.x + list.width / 2, list.y + 150, { steps: 15 });
    await page.locator('.drag-overlay').waitFor();
    // Every frame for 400 ms from the drop on: the animations running then.
    const watching = page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen = new Set<string>();
          const end = performance.now() + 400;
          const look = () => {
            for (const a of document.getAnimations()) {
              if (a.playState !== 'running') continue;
              const target = (a.effect as KeyframeEffect | null)?.target;
              seen.add(`${target?.className ?? '?'} ${String(a.effect?.getTiming().duration)} ms`);
            }
            if (performance.now() < end) requestAnimationFrame(look);
            else resolve([...seen]);
          };
          requestAnimationFrame(look);
        }),
    );
    await page.mouse.up();

    expect(await watching).toEqual([]);
    await expectCardIn(page, claim, 'Disputed');
  });
});
