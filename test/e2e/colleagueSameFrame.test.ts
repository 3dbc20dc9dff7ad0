/**
 * A colleague's change that reaches the page in the same frame as the person's own: the page
 * tells its listeners of both at once (BoardConnection.tellRemoteSoon), and the colleague's is
 * still told as theirs. One flag for the whole board read it as her own, and the notice of
 * Lea's deletion of a card Edith was checking was never made. Built app, real server, headless
 * Chromium; Lea is a y-websocket client, as another device would be. To put Edith's own move in
 * that frame, the page's WebSocket runs a step the test arms right after it has handled a sync
 * update (the colleague's change): Edith's "Move to…" choice, as a person's would be handled.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCard } from '../../shared/board';
import type { TestClient } from '../helpers/connectProvider';
import { cardIdByClaim } from '../helpers/cardIdByClaim';
import { chromiumAvailable } from '../helpers/browser';
import { checkedElsewhere } from './support/checkedElsewhere';
import { expectCardIn, openBoard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const RUN = chromiumAvailable();

type Armed = Window & { afterColleagueUpdate?: (() => void) | null };

/**
 * Installed before the page's scripts: the page's sockets run `afterColleagueUpdate` once,
 * right after the page has handled a sync update message (y-websocket's onmessage) from the
 * server, in the same task, before any frame.
 */
function runAfterSyncUpdate(): void {
  const Base = window.WebSocket;
  window.WebSocket = class extends Base {
    override set onmessage(handle: ((event: MessageEvent) => void) | null) {
      super.onmessage =
        handle &&
        ((event: MessageEvent) => {
          handle.call(this, event);
          const bytes = event.data instanceof ArrayBuffer ? new Uint8Array(event.data) : null;
          const w = window as Armed;
          // y-websocket's sync message (0) carrying an update (2).
          if (bytes?.[0] !== 0 || bytes[1] !== 2 || !w.afterColleagueUpdate) return;
          const step = w.afterColleagueUpdate;
          w.afterColleagueUpdate = null;
          step();
        });
    }
    override get onmessage(): ((event: MessageEvent) => void) | null {
      return super.onmessage;
    }
  };
}

describe.skipIf(!RUN)('a colleague’s change told in the same frame as one’s own', () => {
  const { server, browser } = useBoardBrowser();
  let edith: Page;
  let lea: TestClient;
  /** Edith's own invite in another tab: makes and takes the cards she checks. */
  let edithElsewhere: TestClient;

  beforeAll(async () => {
    const board = await server.createBoard('Ferry desk', 'Lea');
    const edithUrl = await server.invite(board, 'Edith Reyes', 'editor');
    lea = server.connect(board.id, board.leadToken);
    edithElsewhere = server.connect(board.id, edithUrl);
    const context = await browser.newContext();
    await context.addInitScript(runAfterSyncUpdate);
    edith = await context.newPage();
    edith.setDefaultTimeout(10_000);
    await Promise.all([openBoard(edith, edithUrl), lea.synced(), edithElsewhere.synced()]);
    await recordLiveRegions(edith);
  }, 120_000);

  afterAll(async () => {
    lea?.destroy();
    edithElsewhere?.destroy();
  });

  it('is told as the colleague’s: the notice of a deletion of a card she was checking', async () => {
    const gone = 'The ferry carried 2 million people';
    const mine = 'The pier cost 40 million';
    await checkedElsewhere(edith, edithElsewhere, lea, [gone, mine]);
    const from = (await liveSaid(edith)).length;
    await edith.evaluate((claim) => {
      (window as Armed).afterColleagueUpdate = () => {
        const select = document.querySelector<HTMLSelectElement>(
          `select[aria-label="Move to…: ${claim}"]`,
        );
        if (!select) throw new Error(`no Move to… for ${claim}`);
        select.value = 'corroborated';
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
    }, mine);
    deleteCard(lea.doc, cardIdByClaim(lea.doc, gone), lea.as);
    await lea.allSaved();

    // Her own move was made in that frame.
    await expectCardIn(edith, mine, 'Corroborated');
    expect(await edith.evaluate(() => (window as Armed).afterColleagueUpdate)).toBeNull();
    const notice = `Lea deleted “${gone}”, which you were checking`;
    await expect.poll(() => edith.locator('.toast').textContent()).toContain(notice);
    await expect
      .poll(async () => (await liveSaid(edith)).slice(from).some((t) => t.includes(notice)))
      .toBe(true);
    // Her own move is not told as a colleague's.
    const aboutMine = (await liveSaid(edith)).slice(from).filter((t) => t.includes(mine));
    expect(aboutMine.filter((t) => t.includes('Lea') || t.includes('Edith'))).toEqual([]);
  });
});
