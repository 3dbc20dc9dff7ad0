/**
 * A paste that would make the "Import article" dialog's text larger than an article may be
 * (1 MB in UTF-8 bytes) is refused before it lands in the field: the dialog says why, what was
 * typed stays, nothing goes to the server. Laying out a 2.4 MB paste blocked the page for
 * 18-42 s on two loaded cores, for the server to refuse it. The pastes are ClipboardEvents with
 * a DataTransfer, dispatched on the field as the browser's own are (a synthetic one inserts
 * nothing itself: whether the dialog let it through is its defaultPrevented); a real Ctrl+V
 * of a short text shows pasting still works. Built app, real server, headless Chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const TYPED = 'Kept words. ';
const REST = 'an article can be at most 1 MB: paste only the story, or import it in parts.';

describe.skipIf(!RUN)('pasting past the article limit', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let page: Page;
  const posted: string[] = [];

  const dialog = () => page.getByRole('dialog', { name: 'Import article' });
  const field = () => dialog().getByRole('textbox', { name: 'Article text' });
  /** Pastes `text` at the end of the field; whether the dialog let the browser insert it. */
  const paste = (text: string) =>
    field().evaluate((area: HTMLTextAreaElement, pasted) => {
      area.setSelectionRange(area.value.length, area.value.length);
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      const event = new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
      });
      area.dispatchEvent(event);
      return !event.defaultPrevented;
    }, text);
  const alert = () => dialog().getByRole('alert').textContent();

  beforeAll(async () => {
    board = await server.createBoard('Long reads', 'Ana');
    page = await openBoardPage(browser, await server.invite(board, 'Ed', 'editor'));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    page.on('request', (req) => {
      if (req.url().includes('/articles')) posted.push(req.url());
    });
  }, 120_000);

  it('refuses a 2.4 MB paste with its size, keeps what was typed, sends nothing', async () => {
    await page.getByRole('button', { name: 'Import article' }).click();
    await field().fill(TYPED);

    expect(await paste('Crime fell. '.repeat(200_000))).toBe(false);
    await expect.poll(alert).toBe(`This text is 2.4 MB; ${REST}`);
    expect(await field().inputValue()).toBe(TYPED);

    // Counted in UTF-8 bytes, as the server counts: 333,334 euro signs are 1,000,002 bytes.
    expect(await paste('€'.repeat(333_334))).toBe(false);
    await expect.poll(alert).toBe(`This text is more than 1 MB; ${REST}`);
    // Within the limit alone, past it with what the field holds.
    expect(await paste('a'.repeat(1_000_000 - TYPED.length + 1))).toBe(false);
    await expect.poll(alert).toBe(`The article text would be more than 1 MB; ${REST}`);
    expect(await field().inputValue()).toBe(TYPED);

    // Just within it: the browser inserts it (here: a synthetic paste inserts nothing itself).
    expect(await paste('a'.repeat(1_000_000 - TYPED.length))).toBe(true);
    // A real paste of a short text lands.
    await page.evaluate(() => navigator.clipboard.writeText('Crime fell 40% in 2023.'));
    await field().press('End');
    await field().press('ControlOrMeta+V');
    await expect.poll(() => field().inputValue()).toBe(`${TYPED}Crime fell 40% in 2023.`);

    expect(posted).toEqual([]);
    expect((await server.exportJson(board)).articles).toEqual([]);
  }, 60_000);
});
