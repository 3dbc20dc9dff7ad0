/**
 * What a keyboard and screen-reader user hears, and where focus goes, while a dialog is open.
 * A modal dialog makes the page behind it inert, live regions included: what the board says
 * then must come from inside the dialog (checked in Chromium's accessibility tree, not in the
 * DOM), the notice of a colleague's mention must wait for the dialog to close, and what a
 * notice promises ("Press Control+Z to undo") must work where focus is. Built app, real
 * server, headless Chromium; Lea (the lead) and Bo (an editor) on one board.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { addClaim, card, openCard } from './support/boardPage';
import { leadAndEditorPages } from './support/leadAndEditorPages';
import { useBoardBrowser } from './support/useBoardBrowser';
import { audibleLiveText } from './support/liveRegions';

const RUN = chromiumAvailable();

const CLAIM = 'The bridge carried 12,000 cars a day in 2023';
const OTHER = 'Tolls paid for the repairs within two years';

/** What has focus: its tag, and its text or label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body
      ? `${el.tagName.toLowerCase()}: ${el.getAttribute('aria-label') ?? el.textContent?.trim()}`
      : 'body';
  });

describe.skipIf(!RUN)('speech and focus in dialogs', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let lea: Page;
  let bo: Page;

  beforeAll(async () => {
    ({
      board,
      lead: lea,
      editor: bo,
    } = await leadAndEditorPages({ server, browser }, 'Bridges', { lead: 'Lea', editor: 'Bo' }));
    for (const page of [lea, bo]) page.setDefaultTimeout(10_000);
    await addClaim(lea, CLAIM);
    await addClaim(lea, OTHER);
    await card(bo, OTHER).waitFor();
  }, 120_000);

  // A test that fails with a dialog open leaves the next one a page it can use.
  afterEach(async () => {
    for (const page of [lea, bo]) {
      for (let i = 0; i < 3 && (await page.locator('dialog[open]').count()) > 0; i++) {
        await page.keyboard.press('Escape');
      }
    }
  });

  it('says what is done in a card dialog, and a mention meanwhile, from inside the dialog', async () => {
    const dialog = await openCard(lea, CLAIM);
    await dialog.getByRole('combobox', { name: 'Verdict label' }).selectOption('Unproven');
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await expect.poll(() => audibleLiveText(lea)).toContain('Verdict saved: Unproven.');

    const speaker = dialog.getByRole('combobox', { name: 'Speaker', exact: true });
    await speaker.fill('The transport minister');
    await speaker.press('Enter');
    await expect
      .poll(() => audibleLiveText(lea))
      .toContain('Speaker saved: The transport minister.');

    // Bo mentions Lea on the other card while hers is open.
    const theirs = await openCard(bo, OTHER);
    await theirs
      .getByRole('textbox', { name: 'New comment' })
      .fill('@Lea can you find the toll accounts?');
    await theirs.getByRole('button', { name: 'Post comment' }).click();
    await bo.keyboard.press('Escape');
    const mention = `Bo mentioned you on “${OTHER}”`;
    await expect
      .poll(() => audibleLiveText(lea), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(mention));

    // Its notice, out of reach behind the dialog, waits for it: it is still there, and
    // answers, once the dialog closes after the 8 s a notice otherwise stays.
    await lea.waitForTimeout(9_000);
    await lea.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const notice = lea.getByRole('group', { name: 'Notice' });
    expect(await notice.textContent()).toContain(mention);
    await notice.getByRole('button', { name: 'Open card' }).click();
    await lea.getByRole('dialog', { name: OTHER }).waitFor();
    await lea.keyboard.press('Escape');
  });

  it('after a comment is deleted, Ctrl+Z where focus lands undoes it, as the notice says', async () => {
    const dialog = await openCard(lea, CLAIM);
    const box = dialog.getByRole('textbox', { name: 'New comment' });
    await box.fill('Ask the roads agency for the 2023 counts.');
    await box.press('Control+Enter');
    const heading = dialog.getByRole('heading', { name: /^Comments/ });
    await expect.poll(() => heading.textContent()).toBe('Comments (1)');

    await dialog.getByRole('button', { name: 'Delete comment' }).focus();
    await lea.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).toBe('Comments (0)');
    expect(await focused(lea)).toBe('h3: Comments (0)');
    await expect
      .poll(() => audibleLiveText(lea))
      .toContain('Comment deleted. Press Control+Z to undo.');

    await lea.keyboard.press('Control+z');
    await expect.poll(() => heading.textContent()).toBe('Comments (1)');
    await expect
      .poll(() => audibleLiveText(lea))
      .toContainEqual(expect.stringMatching(/^Undone: the deletion of the comment\b/));

    // Ctrl+Enter posts, and the field says so.
    const hint = await box.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(hint).toContain('Ctrl+Enter');
    await lea.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('lists Ctrl+Enter among the keyboard shortcuts', async () => {
    await card(lea, CLAIM).focus();
    await lea.keyboard.press('?');
    const dialog = lea.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      'Ctrl+Enter (⌘Enter)post the comment or reply, or save the edit',
    );
    await lea.keyboard.press('Escape');
  });

  it('keeps focus on Import when the server refuses the article', async () => {
    await lea.getByRole('button', { name: 'Import article' }).click();
    const dialog = lea.getByRole('dialog', { name: 'Import article' });
    await dialog.getByRole('textbox', { name: 'Article text' }).fill('Tolls rose 8% in 2024.');
    await dialog
      .getByRole('textbox', { name: 'Source URL (optional)' })
      .fill('ftp://bridges.example/tolls');
    await dialog.getByRole('button', { name: 'Import', exact: true }).focus();
    await lea.keyboard.press('Enter');
    await dialog
      .getByRole('alert')
      .getByText(/^Source URL:/)
      .waitFor();
    expect(await focused(lea)).toBe('button: Import');
    // With the article still pasted, Escape asks before it goes.
    await lea.keyboard.press('Escape');
    await dialog
      .getByRole('alertdialog', { name: 'Close without saving?' })
      .getByRole('button', { name: 'Discard and close' })
      .click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('says that an invite is revoked', async () => {
    await server.invite(board, 'Vic', 'viewer');
    await lea.getByRole('button', { name: 'Invite people' }).click();
    const dialog = lea.getByRole('dialog', { name: 'Invite people' });
    await dialog.getByRole('button', { name: 'Revoke invite for Vic' }).click();
    await dialog.getByRole('button', { name: 'Revoke access for Vic' }).click();
    await expect.poll(() => audibleLiveText(lea)).toContain('Access revoked for Vic.');
    await lea.keyboard.press('Escape');
  });
});
