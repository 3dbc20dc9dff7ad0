/**
 * "← Boards" with a claim typed in New claim and not added (QA50c): leaving inside the app
 * closes no page, so the browser's own question never came and the text went without a word.
 * It asks first; declined, the board and the text stay; accepted, the text is not kept for later.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { leaveQuestion, openBoard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('leaving a board for the list', () => {
  const { server, browser } = useBoardBrowser();

  it('asks before a claim typed and not added is lost, and stays when declined', async () => {
    const board = await server.createBoard('Leave me', 'Lea');
    const page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
    const box = page.getByRole('textbox', { name: 'New claim', exact: true });
    await box.fill('The port handled 3 million containers');
    const back = page.getByRole('link', { name: /Boards/ });

    expect(await leaveQuestion(page)).toBe(
      'Leave this board? What you have typed here and not saved would be lost.',
    );
    expect(new URL(page.url()).pathname).toBe(`/b/${board.id}`);
    expect(await box.inputValue()).toBe('The port handled 3 million containers');

    page.once('dialog', (dialog) => void dialog.accept());
    await back.click();
    await page.getByRole('heading', { name: 'Your boards' }).waitFor();

    // Told it would be lost, the person left: the board opened again does not put it back, as
    // it does after the browser's own Back (typedTextKept.test).
    await page.getByRole('link', { name: 'Leave me' }).click();
    await page.getByRole('heading', { name: 'Leave me', level: 1 }).waitFor();
    expect(await box.inputValue()).toBe('');
    expect(
      await page.evaluate(() =>
        Object.keys(sessionStorage).filter((k) => k.startsWith('factboard.typing.')),
      ),
    ).toEqual([]);
  }, 30_000);
});
