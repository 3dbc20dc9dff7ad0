/**
 * The test browser itself: a context opens no renderer for the address bar's WebUI drop-down
 * (test/helpers/chromiumSwitches), which cost each context of every browser test about a
 * second of CPU. Should a Chromium upgrade rename those features, this says so.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { chromiumProcessArgs } from '../helpers/chromiumSwitches';
import { openBoard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

describe.skipIf(!chromiumAvailable())('the test browser', () => {
  const { server, browser } = useBoardBrowser();

  it('opens a board in a fresh context without a renderer for the address bar’s WebUI', async () => {
    const board = await server.createBoard('Browser', 'Lea');
    const context = await browser.newContext();
    await openBoard(await context.newPage(), board.leadUrl);
    const renderers = (chromiumProcessArgs(browser.userDataDir) ?? []).filter((args) =>
      args.includes('--type=renderer'),
    );
    expect(renderers.length).toBeGreaterThan(0);
    expect(renderers.filter((args) => args.includes('--top-chrome-webui'))).toEqual([]);
    await context.close();
  });
});
