/**
 * Controls a screen reader user tells apart by name (QA24): in a card's dialog, two items of
 * evidence from one site and one person's several threads read "Edit evidence from
 * example.org", "Reply to Lea", "Resolve thread" again and again. Each names what it acts on:
 * the item's host and path (its place in the list when two still read alike), the thread's
 * first words.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { addClaim, openBoard, openCard, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const CLAIM = 'The new bridge cost $4 million';

/** The names of the dialog's buttons, and those that more than one button has. */
async function buttonNames(dialog: Locator): Promise<{ all: string[]; repeated: string[] }> {
  const snapshot = await dialog.ariaSnapshot();
  // A name with ": " in it is a quoted YAML string: - 'button "Reply to Lea: …"'.
  const all = [...snapshot.matchAll(/- '?button "([^"]+)"/g)].map((m) => m[1]!);
  return { all, repeated: all.filter((name, i) => all.indexOf(name) !== i) };
}

describe.skipIf(!RUN)('names of the controls in a card dialog', () => {
  const { server, browser } = useBoardBrowser();

  it('tell apart evidence from one site and one person’s threads', async () => {
    const board = await server.createBoard('Names', 'Lea');
    const page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
    await addClaim(page, CLAIM);
    await waitSaved(page);
    const dialog = await openCard(page, CLAIM);

    for (const url of [
      'https://example.org/src/5',
      'https://example.org/e/45',
      'https://example.org/e/45',
    ]) {
      await dialog.getByRole('button', { name: 'Add evidence' }).click();
      const form = dialog.getByRole('form', { name: 'New evidence' });
      await form.getByRole('textbox', { name: 'Source URL' }).fill(url);
      await form.getByRole('button', { name: 'Add evidence' }).click();
      await form.waitFor({ state: 'detached' });
    }
    for (const text of [
      'The figure comes from the council’s accounts for 2023.',
      'The figure comes from the council’s budget.',
      'Ask the contractor for the final invoice.',
    ]) {
      await dialog.getByRole('textbox', { name: 'New comment' }).fill(text);
      await dialog.getByRole('button', { name: 'Post comment' }).click();
      await expect
        .poll(() => dialog.getByRole('textbox', { name: 'New comment' }).inputValue())
        .toBe('');
    }
    await expect
      .poll(() => dialog.getByRole('listitem', { name: 'Thread by Lea' }).count())
      .toBe(3);

    const { all, repeated } = await buttonNames(dialog);
    expect(repeated).toEqual([]);
    for (const name of [
      'Edit evidence from example.org/src/5',
      'Remove evidence from example.org/src/5',
      'Edit evidence 2 of 3 from example.org/e/45',
      'Remove evidence 3 of 3 from example.org/e/45',
      // Two threads that start alike are told apart by their place.
      'Reply to Lea: 1 of 3 “The figure comes from the cou…”',
      'Resolve thread: 2 of 3 “The figure comes from the cou…”',
      'Reply to Lea: “Ask the contractor for the fi…”',
      'Resolve thread: “Ask the contractor for the fi…”',
    ]) {
      expect(all.filter((n) => n === name).length, name).toBe(1);
    }
    // The edit form is named as the button that opened it.
    await dialog
      .getByRole('button', { name: 'Edit evidence 3 of 3 from example.org/e/45' })
      .click();
    await dialog
      .getByRole('form', { name: 'Edit evidence 3 of 3 from example.org/e/45' })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
