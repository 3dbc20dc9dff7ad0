/**
 * The card dialog's comment form from the keyboard: after "Post comment" focus is back in the
 * field (the button, disabled once the field is empty, would strand a keyboard user on a control
 * that does nothing), and Ctrl+Enter on an empty field says what to do, politely, instead of
 * nothing while the last "Comment posted." is all there is to hear.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { addClaim, openBoard, openCard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('the comment form, from the keyboard', () => {
  const { server, browser } = useBoardBrowser();

  it('returns focus to the field after Post comment, and says to write one first on an empty Ctrl+Enter', async () => {
    const board = await server.createBoard('Health desk', 'Lea');
    const context = await browser.newContext();
    try {
      const lea = await context.newPage();
      await openBoard(lea, board.leadUrl);
      const claim = 'Waiting lists halved in a year';
      await addClaim(lea, claim);
      const dialog = await openCard(lea, claim);
      const field = dialog.getByRole('textbox', { name: 'New comment' });
      await field.fill('The ministry table says 12%.');
      const post = dialog.getByRole('button', { name: 'Post comment' });
      await post.focus();
      await lea.keyboard.press('Enter');
      await dialog.getByRole('listitem', { name: /^Thread by Lea/ }).waitFor();
      expect(await post.isDisabled()).toBe(true);
      const focused = () =>
        lea.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      await expect.poll(focused).toBe('New comment');

      await lea.keyboard.press('Control+Enter');
      const note = dialog
        .locator('[aria-live="polite"]')
        .filter({ hasText: 'Write a comment first.' });
      await note.waitFor();
      expect(await focused()).toBe('New comment');
      await lea.keyboard.type('And');
      await note.waitFor({ state: 'detached' });

      // A reply's form says it in its own word.
      await dialog.getByRole('button', { name: /^Reply to Lea/ }).click();
      await expect.poll(focused).toMatch(/^Reply to Lea/);
      await lea.keyboard.press('Control+Enter');
      await dialog
        .locator('[aria-live="polite"]')
        .filter({ hasText: 'Write a reply first.' })
        .waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);
});
