/**
 * A lead deletes a board from its page, by keyboard only: "Delete board…" beside Export, a
 * dialog that asks for the board's title, then the start page, where the board is listed as
 * "Board deleted". A colleague with the board open meanwhile sees it refused as deleted.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { addClaim, openBoard, status } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const TITLE = 'Dropped story';

/** The accessible name of what has focus, and its role. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labelled = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return {
      tag: el?.tagName.toLowerCase() ?? null,
      name: (labelled ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
    };
  });

describe.skipIf(!RUN)('deleting a board', () => {
  const { server, browser } = useBoardBrowser();

  it('the lead deletes it by keyboard after typing its title; a colleague sees it deleted', async () => {
    const board = await server.createBoard(TITLE, 'Lea');
    const boardAnswer = () =>
      fetch(`${server.url}/api/boards/${board.id}`, {
        headers: { authorization: `Bearer ${board.leadToken}` },
      });
    const lea = await (await browser.newContext()).newPage();
    await openBoard(lea, board.leadUrl);
    await addClaim(lea, 'The council spent $2 million on the bridge');
    const eddie = await (await browser.newContext()).newPage();
    await openBoard(eddie, await server.invite(board, 'Eddie', 'editor'));
    // Only a lead is offered it.
    expect(await eddie.getByRole('button', { name: 'Delete board…' }).count()).toBe(0);

    // From Export, the next stop is "Delete board…".
    await lea.getByRole('button', { name: 'Export', exact: true }).focus();
    await lea.keyboard.press('Tab');
    expect(await focused(lea)).toEqual({ tag: 'button', name: 'Delete board…' });
    await lea.keyboard.press('Enter');
    const dialog = lea.getByRole('dialog', { name: `Delete “${TITLE}”?` });
    await dialog.waitFor();
    const field = dialog.getByRole('textbox', { name: `Type “${TITLE}” to confirm` });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);

    // Escape takes it back, focus on the button that opened it.
    await lea.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(lea)).toEqual({ tag: 'button', name: 'Delete board…' });

    // A title typed wrong deletes nothing and says what to type; focus stays in the field.
    await lea.keyboard.press('Enter');
    await dialog.waitFor();
    await lea.keyboard.type('Dropped');
    await lea.keyboard.press('Enter');
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe(`Type “${TITLE}” to delete the board.`);
    expect(await focused(lea)).toEqual({ tag: 'input', name: `Type “${TITLE}” to confirm` });
    expect((await boardAnswer()).status).toBe(200);

    await lea.keyboard.type(' story');
    await lea.keyboard.press('Enter');

    // The start page, the board listed as deleted.
    await expect.poll(() => new URL(lea.url()).pathname).toBe('/');
    await expect.poll(() => focused(lea)).toEqual({ tag: 'h1', name: 'Factboard' });
    const entry = lea
      .getByRole('region', { name: 'Your boards' })
      .getByRole('listitem')
      .filter({ hasText: TITLE });
    await expect
      .poll(async () => (await entry.textContent())?.includes('Board deleted'))
      .toBe(true);

    // Eddie's page is refused as a deleted board.
    await expect.poll(() => status(eddie).textContent()).toBe('This board no longer exists');
    expect(await eddie.locator('.badge.refused').textContent()).toBe('Board deleted');

    // And the server no longer has it.
    expect((await boardAnswer()).status).toBe(404);
  });
});
