/**
 * An invite link for a board this browser already opens under another invite (QA50c): a lead
 * who opens an editor's link by mistake is asked before becoming that editor and losing her
 * own link from this browser, and keeps her lead invite when she declines; a person promoted
 * by a new link of their own is not asked.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { openBoard, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

/** The role badge of the board header, which names the role the page opened with. */
const badge = (page: Page, role: string) =>
  page.getByRole('button', { name: `${role}: your access` });

/** Opens `url` on `page`, answering any question with `accept`; returns the questions asked. */
async function openAnswering(page: Page, url: string, accept: boolean): Promise<string[]> {
  const asked: string[] = [];
  const answer = (dialog: import('playwright-core').Dialog) => {
    asked.push(dialog.message());
    void (accept ? dialog.accept() : dialog.dismiss());
  };
  page.on('dialog', answer);
  try {
    await page.goto(url);
    await waitSaved(page);
  } finally {
    page.off('dialog', answer);
  }
  return asked;
}

describe.skipIf(!RUN)('an invite link for a board this browser already opens', () => {
  const { server, browser } = useBoardBrowser();

  it('a lead opening an editor’s link is asked first, and stays lead when she declines', async () => {
    const board = await server.createBoard('Harbour deal', 'Lea');
    const eddieUrl = await server.invite(board, 'Eddie', 'editor');
    const page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
    await badge(page, 'Lead').waitFor();

    const declined = await openAnswering(page, eddieUrl, false);
    expect(declined).toEqual([
      'This browser opens “Harbour deal” as Lea (Lead). This link is Eddie’s invite (Editor): opened, the board shows you as Eddie, and this browser forgets your own invite. To keep it, cancel and copy your link first (on the board, your role’s badge, then Copy your link). Open the board as Eddie?',
    ]);
    await badge(page, 'Lead').waitFor();
    await page.reload();
    await waitSaved(page);
    await badge(page, 'Lead').waitFor();

    expect(await openAnswering(page, eddieUrl, true)).toHaveLength(1);
    await badge(page, 'Editor').waitFor();
  }, 30_000);

  it('a reviewer promoted by a new link of their own is not asked', async () => {
    const board = await server.createBoard('Water prices', 'Lea');
    const page = await (await browser.newContext()).newPage();
    await openBoard(page, await server.invite(board, 'Rita', 'reviewer'));
    await badge(page, 'Reviewer').waitFor();
    const asked = await openAnswering(page, await server.invite(board, 'Rita', 'editor'), false);
    expect(asked).toEqual([]);
    await badge(page, 'Editor').waitFor();
  }, 30_000);
});
