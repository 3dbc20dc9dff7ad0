/**
 * The rating scale changing under an editor's verdict form: Lea (lead) edits the scale while
 * Eddie (editor) has picked a label and typed a rationale, not saved. A rename carries his pick
 * to the new name; a removal asks him to pick again and never saves a label the scale no longer
 * has (found by QA: the picker showed "No verdict" while Save sent the old label, refused). And
 * Lea orders the labels from the keyboard, which Eddie's picker follows; she mends a scale stored
 * before its numbers had to be ratings, renumbering it and adding a label, and her Undo of that
 * is not offered. The built app in headless Chromium against the real server, driven by role
 * and accessible name.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRatingScale, scaleMap } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  announced,
  card,
  moveTo,
  openBoard,
  openCard,
  waitSaved,
} from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const RENAMED = 'Prison population tripled since 2019';
const REMOVED = 'The ministry closed three prisons';
const RUN = chromiumAvailable();

/** The label the picker shows, and the value a save would write. */
const picked = (select: Locator) =>
  select.evaluate((s: HTMLSelectElement) => ({
    shown: s.selectedOptions[0]?.text,
    value: s.value,
  }));

describe.skipIf(!RUN)('the rating scale under a verdict being picked', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let eddie: Page;

  /** Opens the scale dialog, makes a change in it and saves it. */
  async function editScale(change: (dialog: Locator) => Promise<void>): Promise<void> {
    await lea.getByRole('button', { name: 'Rating scale' }).click();
    const dialog = lea.getByRole('dialog', { name: 'Rating scale' });
    await change(dialog);
    await dialog.getByRole('button', { name: 'Save scale' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    const board = await server.createBoard('Prisons', 'Lea');
    const eddieUrl = await server.invite(board, 'Eddie', 'editor');
    [lea, eddie] = (await Promise.all(
      [0, 1].map(async () => (await browser.newContext()).newPage()),
    )) as [Page, Page];
    await openBoard(lea, board.leadUrl);
    for (const claim of [RENAMED, REMOVED]) {
      await addClaim(lea, claim);
      await moveTo(lea, claim, 'Corroborated');
    }
    await openBoard(eddie, eddieUrl);
  }, 120_000);

  it('carries a pick not saved yet to the label’s new name', async () => {
    const dialog = await openCard(eddie, RENAMED);
    const select = dialog.getByRole('combobox', { name: 'Verdict label' });
    await select.selectOption('Mostly true');
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Three census counts agree.');

    await editScale((scale) =>
      scale.getByRole('textbox', { name: 'Label 2' }).fill('Largely true'),
    );
    await expect
      .poll(() => picked(select))
      .toEqual({ shown: 'Largely true', value: 'Largely true' });
    const said = 'A lead renamed “Mostly true” to “Largely true”: your pick follows it.';
    await dialog.getByRole('form', { name: 'Verdict' }).getByText(said).waitFor();
    await expect.poll(() => announced(eddie)).toBe(said);

    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await expect.poll(() => announced(eddie)).toBe('Verdict saved: Largely true.');
    await expect.poll(() => card(lea, RENAMED).textContent()).toMatch(/Largely true/);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('asks again for a pick whose label a lead removed, and saves nothing meanwhile', async () => {
    const dialog = await openCard(eddie, REMOVED);
    const select = dialog.getByRole('combobox', { name: 'Verdict label' });
    await select.selectOption('True');
    const rationale = dialog.getByRole('textbox', { name: 'Rationale' });
    await rationale.fill('The ministry’s own list.');

    await editScale((scale) => scale.getByRole('button', { name: 'Remove True' }).click());
    await expect
      .poll(() => picked(select))
      .toEqual({ shown: 'Pick the verdict again', value: ' ' });
    const said =
      'A lead removed “True”, which you picked, from the rating scale: pick the verdict again.';
    await dialog.getByRole('form', { name: 'Verdict' }).getByText(said).waitFor();
    expect(await select.getAttribute('aria-invalid')).toBe('true');
    const save = dialog.getByRole('button', { name: 'Save verdict' });
    expect(await save.getAttribute('aria-disabled')).toBe('true');
    // Save (from the keyboard: a mouse click on it too) says why and goes back to the picker;
    // nothing reaches the board.
    await save.focus();
    await eddie.keyboard.press('Enter');
    await expect.poll(() => select.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => announced(eddie)).toBe(said);
    expect(await card(lea, REMOVED).textContent()).not.toMatch(/True|Could not/);
    expect(await rationale.inputValue()).toBe('The ministry’s own list.');

    await select.selectOption('Largely true');
    await dialog
      .getByRole('form', { name: 'Verdict' })
      .getByText(said)
      .waitFor({ state: 'detached' });
    await save.click();
    await expect.poll(() => announced(eddie)).toBe('Verdict saved: Largely true.');
    await expect.poll(() => card(lea, REMOVED).textContent()).toMatch(/Largely true/);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });
  it('orders the labels from the keyboard, and the pickers list them in that order', async () => {
    await lea.getByRole('button', { name: 'Rating scale' }).click();
    const scale = lea.getByRole('dialog', { name: 'Rating scale' });
    const up = scale.getByRole('button', { name: 'Move False up' });
    await up.focus();
    await lea.keyboard.press('Enter');
    await expect.poll(() => announced(lea)).toBe('Moved “False” up: now 5 of 6.');
    // Focus follows the label to its new row.
    await expect.poll(() => up.evaluate((el) => el === document.activeElement)).toBe(true);
    await lea.keyboard.press('Enter');
    await expect.poll(() => announced(lea)).toBe('Moved “False” up: now 4 of 6.');
    expect(await up.evaluate((el) => el === document.activeElement)).toBe(true);
    const labels = scale.getByRole('textbox', { name: /^Label \d/ });
    await expect
      .poll(() => labels.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)))
      .toEqual([
        'Largely true',
        'Unproven',
        'Missing context',
        'False',
        'Misleading',
        'Mostly false',
      ]);
    // At an end the button stays where it is and says so.
    const first = scale.getByRole('button', { name: 'Move Largely true up' });
    expect(await first.getAttribute('aria-disabled')).toBe('true');
    await first.focus();
    await lea.keyboard.press('Enter');
    await expect.poll(() => announced(lea)).toBe('“Largely true” is already first.');
    await scale.getByRole('button', { name: 'Save scale' }).click();
    await scale.waitFor({ state: 'detached' });

    // Eddie's move to Disputed asks for one of its labels, in Lea's order.
    await moveTo(eddie, REMOVED, 'Disputed');
    const prompt = eddie.getByRole('dialog', { name: 'New verdict for Disputed' });
    await expect
      .poll(() =>
        prompt
          .getByRole('group', { name: 'Labels of Disputed' })
          .getByRole('button')
          .allTextContents(),
      )
      .toEqual(['Missing context', 'False', 'Misleading', 'Mostly false']);
    await prompt.getByRole('button', { name: 'False', exact: true }).click();
    await expect.poll(() => card(lea, REMOVED).textContent()).toMatch(/False/);
  });

  it('says what a rename relabels once the typing pauses, and not again while it is the same', async () => {
    await lea.getByRole('button', { name: 'Rating scale' }).click();
    const scale = lea.getByRole('dialog', { name: 'Rating scale' });
    const label = scale.getByRole('textbox', { name: 'Label 1' });
    expect(await label.inputValue()).toBe('Largely true');
    await recordLiveRegions(lea);
    const said = '1 card will be relabelled from “Largely true” to “Mostly right”.';
    await label.focus();
    await lea.keyboard.press('Control+a');
    await lea.keyboard.type('Mostly right');
    // Shown as it is typed; said once, with the name as it ended up.
    await scale.locator('p').filter({ hasText: said }).waitFor();
    await expect.poll(() => liveSaid(lea)).toEqual([said]);

    // Another label typed in does not say it again: nothing about the rename changed.
    await scale.getByRole('button', { name: 'Add label' }).click();
    await lea.waitForTimeout(1000);
    await lea.keyboard.type('Satire');
    await lea.waitForTimeout(1500);
    expect(await liveSaid(lea)).toEqual([said]);

    await scale.getByRole('button', { name: 'Cancel' }).click();
    await scale.waitFor({ state: 'detached' });
  });

  it('renames a label in the verdict question while it is open', async () => {
    // The question reads the column's labels from the board as it is now, not as the move
    // found them: Lea's rename reaches Eddie's open question.
    await moveTo(eddie, RENAMED, 'Disputed');
    const prompt = eddie.getByRole('dialog', { name: 'New verdict for Disputed' });
    const labels = () =>
      prompt
        .getByRole('group', { name: 'Labels of Disputed' })
        .getByRole('button')
        .allTextContents();
    await expect.poll(labels).toEqual(['Missing context', 'False', 'Misleading', 'Mostly false']);

    await editScale((scale) => scale.getByRole('textbox', { name: 'Label 5' }).fill('Spun'));
    await expect.poll(labels).toEqual(['Missing context', 'False', 'Spun', 'Mostly false']);
    await prompt.getByRole('button', { name: 'Spun', exact: true }).click();
    await expect.poll(() => card(lea, RENAMED).textContent()).toMatch(/Spun/);
  });

  it('saves a mend renumbered with a label added, and offers no Undo that would bring back the scale it mended', async () => {
    // A scale stored before its numbers had to be ClaimReview ratings (Misleading 2.5): the
    // server refuses a write that brings one back, and the page reopened on Lea's Ctrl+Z.
    const board = await server.createBoard('Mended', 'Lea');
    await server.change(board.id, (doc) => {
      const labels = scaleMap(doc)!.get('labels') as Y.Map<Y.Map<unknown>>;
      [...labels.values()].find((l) => l.get('label') === 'Misleading')!.set('value', 2.5);
    });
    const page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
    await page.getByRole('button', { name: 'Rating scale' }).click();
    const scale = page.getByRole('dialog', { name: 'Rating scale' });
    // Renumbered 1 to 10 (each value doubled) and a label added, in one Save.
    await scale.getByRole('textbox', { name: 'Best value' }).fill('10');
    const values = { True: 10, 'Mostly true': 8, Unproven: 6, 'Missing context': 6 };
    for (const [label, value] of Object.entries({ ...values, Misleading: 4, 'Mostly false': 4 })) {
      await scale.getByRole('textbox', { name: `Value for ${label}` }).fill(String(value));
    }
    await scale.getByRole('button', { name: 'Add label' }).click();
    await scale.getByRole('textbox', { name: 'Label 8', exact: true }).fill('Satire');
    await scale.getByRole('combobox', { name: 'Column for Satire' }).selectOption('Disputed');
    await scale.getByRole('textbox', { name: 'Value for Satire' }).fill('1');
    await scale.getByRole('button', { name: 'Save scale' }).click();
    await scale.waitFor({ state: 'detached' });
    await waitSaved(page);
    const mended = {
      best: 10,
      worst: 1,
      labels: [
        { label: 'True', column: 'corroborated', value: 10 },
        { label: 'Mostly true', column: 'corroborated', value: 8 },
        { label: 'Unproven', column: 'unverified', value: 6 },
        { label: 'Missing context', column: 'disputed', value: 6 },
        { label: 'Misleading', column: 'disputed', value: 4 },
        { label: 'Mostly false', column: 'disputed', value: 4 },
        { label: 'False', column: 'disputed', value: 1 },
        { label: 'Satire', column: 'disputed', value: 1 },
      ],
    };
    const stored = async () => {
      const client = server.connect(board.id, board.leadToken);
      await client.synced();
      const read = readRatingScale(client.doc);
      client.destroy();
      return read;
    };
    expect(await stored()).toEqual(mended);

    // Ctrl+Z says why it undoes nothing, and the page stays as it is, connected.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => announced(page))
      .toBe('Nothing undone: the rating scale as it was does not hold together.');
    await waitSaved(page);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    expect(await stored()).toEqual(mended);
    // The step is gone: the next Ctrl+Z has nothing left to undo.
    await page.keyboard.press('Control+z');
    await expect.poll(() => announced(page)).toBe('Nothing to undo.');
    await page.context().close();
  });
});
