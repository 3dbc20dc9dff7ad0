/**
 * The browser's own Back cannot be cancelled: text typed on a board and not yet saved is kept
 * on the device as it is typed (sessionStorage, per board and invite) and put back when the
 * board shows again in the tab, by Forward or from the start page, saying so. Posted, added or
 * cancelled, nothing is kept; nor once the board is forgotten (Forget on the start page).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { addClaim, announced, card, openBoard, openCard } from './support/boardPage';
import { createBoardWithClaims } from './support/boardWithClaims';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const CLAIM = 'The port handled 3 million containers';
const RESTORED = 'Restored what you were typing.';

/** The typing this tab keeps, every board's. */
const kept = (page: Page) =>
  page.evaluate(() =>
    Object.keys(sessionStorage)
      .filter((k) => k.startsWith('factboard.typing.'))
      .map((k) => sessionStorage.getItem(k)),
  );

/** The selections this tab keeps, every board's. */
const keptSelections = (page: Page) =>
  page.evaluate(() =>
    Object.keys(sessionStorage).filter((k) => k.startsWith('factboard.selection.')),
  );

/** Whether `field` has focus, with the caret at the end of its text, to type on. */
const typingAtEnd = (field: Locator) =>
  field.evaluate(
    (el: HTMLTextAreaElement | HTMLInputElement) =>
      el === document.activeElement &&
      el.selectionStart === el.value.length &&
      el.selectionEnd === el.value.length,
  );

describe.skipIf(!RUN)('text typed on a board, through Back and Forward', () => {
  const { server, browser } = useBoardBrowser();

  it('a comment being written comes back in its card, by Forward and from the list, until posted', async () => {
    const board = await server.createBoard('Keep my words', 'Lea');
    const page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
    await addClaim(page, CLAIM);
    // Reached from the start page, as a person does: the list, then the board.
    await page.getByRole('link', { name: /Boards/ }).click();
    await page.getByRole('link', { name: 'Keep my words' }).click();
    let dialog = await openCard(page, CLAIM);
    const comment = () => dialog.getByRole('textbox', { name: 'New comment' });
    await comment().fill('Check the 2019 port authority report');
    // The browser's Back, two entries at once (its menu): past the card, to the start page.
    await page.evaluate(() => history.go(-2));
    await page.getByRole('heading', { name: 'Your boards' }).waitFor();
    expect(await kept(page)).toHaveLength(1);

    await page.goForward();
    dialog = page.getByRole('dialog', { name: CLAIM });
    await dialog.waitFor();
    await expect.poll(() => comment().inputValue()).toBe('Check the 2019 port authority report');
    expect(await dialog.locator('.restored-note').textContent()).toBe(RESTORED);
    await expect.poll(() => announced(page)).toBe(RESTORED);
    // Focus is back where the text is, not on the dialog's Close: typing goes on from there.
    await expect.poll(() => typingAtEnd(comment())).toBe(true);

    // Away again, and the board opened from the list: the same.
    await page.evaluate(() => history.go(-2));
    await page.getByRole('link', { name: 'Keep my words' }).click();
    dialog = page.getByRole('dialog', { name: CLAIM });
    await dialog.waitFor();
    await expect.poll(() => comment().inputValue()).toBe('Check the 2019 port authority report');
    await expect.poll(() => typingAtEnd(comment())).toBe(true);

    await dialog.getByRole('button', { name: 'Post comment' }).click();
    await dialog.getByText('Check the 2019 port authority report', { exact: true }).waitFor();
    expect(await comment().inputValue()).toBe('');
    expect(await kept(page)).toEqual([]);
  }, 60_000);

  it('evidence being added and a rationale being written come back in the card by Forward', async () => {
    const board = await server.createBoard('Keep my evidence', 'Lea');
    const page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
    await addClaim(page, CLAIM);
    await page.getByRole('link', { name: /Boards/ }).click();
    await page.getByRole('link', { name: 'Keep my evidence' }).click();
    let dialog = await openCard(page, CLAIM);
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Waiting for the 2024 figures.');
    await dialog.getByRole('button', { name: 'Add evidence' }).click();
    await dialog.getByRole('textbox', { name: 'Source URL' }).fill('port.example.org/2024');

    await page.evaluate(() => history.go(-2));
    await page.getByRole('heading', { name: 'Your boards' }).waitFor();
    await page.goForward();
    dialog = page.getByRole('dialog', { name: CLAIM });
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Rationale' }).inputValue())
      .toBe('Waiting for the 2024 figures.');
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Source URL' }).inputValue())
      .toBe('port.example.org/2024');
  }, 60_000);

  it('New claim and a claim edited in place come back after Back; added or cancelled, no more', async () => {
    const board = await server.createBoard('Keep my claims', 'Lea');
    const page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
    await addClaim(page, CLAIM);
    await page.getByRole('link', { name: /Boards/ }).click();
    await page.getByRole('link', { name: 'Keep my claims' }).click();
    const newClaim = page.getByRole('textbox', { name: 'New claim', exact: true });
    await newClaim.fill('Exports rose 12%');
    await card(page, CLAIM)
      .getByRole('button', { name: /^Edit claim/ })
      .click();
    const editor = card(page, CLAIM).getByRole('textbox', { name: 'Claim text' });
    await editor.fill('The port handled 3.2 million containers');

    await page.goBack();
    await page.getByRole('heading', { name: 'Your boards' }).waitFor();
    await page.goForward();
    await expect.poll(() => newClaim.inputValue()).toBe('Exports rose 12%');
    await expect.poll(() => editor.inputValue()).toBe('The port handled 3.2 million containers');
    // Said, and shown: beside New claim, and in the notice for the claim being edited.
    expect(await page.locator('.add-claim .restored-note').textContent()).toBe(RESTORED);
    await expect.poll(() => announced(page)).toBe(RESTORED);
    // Focus in the first of them on the page, New claim, with the caret at its end.
    await expect.poll(() => typingAtEnd(newClaim)).toBe(true);

    // Escape cancels the edit (a blur would save it), then the new claim is added.
    await editor.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await page.getByRole('button', { name: 'Add claim' }).click();
    await card(page, 'Exports rose 12%').waitFor();
    await expect.poll(() => kept(page)).toEqual([]);
  }, 60_000);

  it('Forget takes the text typed on the board with the rest: opened again, nothing comes back', async () => {
    const board = await createBoardWithClaims(server, 'Forget my words', 'Lea', [CLAIM]);
    const page = await (await browser.newContext()).newPage();
    page.on('dialog', (question) => void question.accept());
    await openBoard(page, board.leadUrl);
    // And the cards selected there, which this tab keeps too (keptSelection).
    await card(page, CLAIM).focus();
    await page.keyboard.press('x');
    await expect.poll(() => keptSelections(page)).toHaveLength(1);
    await page.getByRole('link', { name: /Boards/ }).click();
    await page.getByRole('link', { name: 'Forget my words' }).click();
    const newClaim = page.getByRole('textbox', { name: 'New claim', exact: true });
    await newClaim.fill('Tolls doubled in 2024');
    await page.goBack();
    await page.getByRole('heading', { name: 'Your boards' }).waitFor();
    expect(await kept(page)).toHaveLength(1);

    await page
      .getByRole('region', { name: 'Your boards' })
      .getByRole('button', { name: 'Forget Forget my words' })
      .click();
    await expect.poll(() => kept(page)).toEqual([]);
    expect(await keptSelections(page)).toEqual([]);
    await openBoard(page, board.leadUrl);
    expect(await newClaim.inputValue()).toBe('');
    expect(await page.locator('.add-claim .restored-note').count()).toBe(0);
  }, 60_000);
});
