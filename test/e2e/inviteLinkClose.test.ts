/**
 * Closing Invite people with an invite link shown and not copied (QA finding F4): the link is
 * shown only once, so closing asks first ("The link for Rita (Reviewer) has not been copied. It
 * cannot be shown again: close anyway?"); Go back keeps the link, focus on its Copy button;
 * a link copied, by its button or by Ctrl+C in its field, closes at once; the question passes
 * axe; a reload with a link not copied gets the browser's leave question. The built app in
 * headless Chromium against the real server, driven by role and accessible name.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { openBoard, reloadAnsweringLeave } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('closing Invite people with a link not copied', () => {
  const { browser, server } = useBoardBrowser();
  let lea: Page;
  let dialog: Locator;

  const focusedName = () =>
    lea.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

  const invite = async (name: string, role: string) => {
    await lea.getByRole('button', { name: 'Invite people' }).click();
    await dialog.getByRole('heading', { name: 'People invited' }).waitFor();
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await dialog.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: role });
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    await dialog.getByRole('textbox', { name: `Invite link for ${name} (${role})` }).waitFor();
  };

  beforeAll(async () => {
    const board = await server.createBoard('Links not copied', 'Lea');
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(board.leadUrl).origin,
    });
    lea = await context.newPage();
    await openBoard(lea, board.leadUrl);
    dialog = lea.getByRole('dialog', { name: 'Invite people' });
  }, 120_000);

  it('Escape asks first; Go back keeps the link, focus on its Copy button; Copy then Escape closes', async () => {
    await invite('Rita', 'Reviewer');
    await lea.keyboard.press('Escape');
    const ask = dialog.getByRole('alertdialog', {
      name: 'The link for Rita (Reviewer) has not been copied. It cannot be shown again: close anyway?',
    });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Close without copying' }).waitFor();
    expect(await axeViolations(lea)).toEqual([]);
    // Go back is the default answer: it has focus.
    expect(await lea.evaluate(() => document.activeElement?.textContent)).toBe('Go back');
    await ask.getByRole('button', { name: 'Go back' }).click();
    await ask.waitFor({ state: 'detached' });
    await dialog.getByRole('textbox', { name: 'Invite link for Rita (Reviewer)' }).waitFor();
    expect(await focusedName()).toBe('Copy link for Rita (Reviewer)');
    // Close asks too; Escape while it asks is Go back.
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await ask.waitFor();
    await lea.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await focusedName()).toBe('Copy link for Rita (Reviewer)');

    await lea.keyboard.press('Enter');
    await dialog.getByText('Link copied.', { exact: false }).waitFor();
    const url = await dialog
      .getByRole('textbox', { name: 'Invite link for Rita (Reviewer)' })
      .inputValue();
    expect(await lea.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await lea.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('a link copied by Ctrl+C in its field closes at once; Close without copying closes', async () => {
    await invite('Eddie', 'Editor');
    // The new link's field has focus, selected: Ctrl+C copies it without the Copy button.
    await lea.keyboard.press('Control+C');
    await dialog.getByText('Link copied.', { exact: false }).waitFor();
    await lea.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Two links, one copied: the question names the other only, and Close without copying closes.
    await invite('Erin', 'Editor');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Ezra');
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    const ezra = dialog.getByRole('textbox', { name: 'Invite link for Ezra (Editor)' });
    await ezra.waitFor();
    await dialog.getByRole('button', { name: 'Copy link for Ezra (Editor)' }).click();
    await dialog.getByText('Link copied.', { exact: false }).waitFor();
    await lea.keyboard.press('Escape');
    const ask = dialog.getByRole('alertdialog', {
      name: 'The link for Erin (Editor) has not been copied. It cannot be shown again: close anyway?',
    });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Close without copying' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('a reload with a link not copied asks first; once it is copied, a reload asks nothing', async () => {
    await invite('Ravi', 'Editor');
    // The browser's own question: the page cannot say which link, only that leaving loses one.
    expect(await reloadAnsweringLeave(lea)).toEqual(['beforeunload']);
    await lea.getByRole('button', { name: 'Invite people' }).waitFor();
    await invite('Rosa', 'Editor');
    await lea.keyboard.press('Control+C');
    await dialog.getByText('Link copied.', { exact: false }).waitFor();
    expect(await reloadAnsweringLeave(lea)).toEqual([]);
    await lea.getByRole('button', { name: 'Invite people' }).waitFor();
  });

  it('two links not copied are named in one question', async () => {
    await invite('Noor', 'Viewer');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Nils');
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    await dialog.getByRole('textbox', { name: 'Invite link for Nils (Viewer)' }).waitFor();
    await lea.keyboard.press('Escape');
    const ask = dialog.getByRole('alertdialog', {
      name: 'The links for Nils (Viewer) and Noor (Viewer) have not been copied. They cannot be shown again: close anyway?',
    });
    await ask.waitFor();
    // Go back goes to the newest link's Copy button, the first shown.
    await ask.getByRole('button', { name: 'Go back' }).click();
    expect(await focusedName()).toBe('Copy link for Nils (Viewer)');
    await lea.keyboard.press('Escape');
    await ask.getByRole('button', { name: 'Close without copying' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
