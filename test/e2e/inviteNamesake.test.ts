/**
 * A lead types, in "Invite people", a name a live invite of the board already carries: a note
 * under the name field, part of its description, says the board will take the two for one
 * person, whatever the case and spacing typed, and the dialog passes axe with it; a revoked
 * invite's name and a new name get none; and the invite can still be made, after which the
 * two rows' controls have names told apart (the revoked one is the one named). The built app
 * in headless Chromium against the real server, driven by role and accessible name.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { openBoard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const NOTE =
  'Ana Ruiz already has an invite (Editor). To the board, two invites of one name are one person: add an initial or a desk to tell a second person apart, or go on to give Ana Ruiz another link.';

describe.skipIf(!RUN)('a name typed that an invite already carries', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let dialog: Locator;
  let nameField: Locator;

  beforeAll(async () => {
    const board = await server.createBoard('Namesakes', 'Lea');
    await server.invite(board, 'Ana Ruiz', 'editor');
    await server.invite(board, 'Vic', 'viewer');
    lea = await (await browser.newContext()).newPage();
    await openBoard(lea, board.leadUrl);
    await lea.getByRole('button', { name: 'Invite people' }).click();
    dialog = lea.getByRole('dialog', { name: 'Invite people' });
    await dialog.getByRole('combobox', { name: 'Role for Vic' }).waitFor();
    nameField = dialog.getByRole('textbox', { name: 'Name', exact: true });
  }, 120_000);

  /** The text of what the name field's aria-describedby points at, or null without one. */
  const description = () =>
    nameField.evaluate((el) => {
      const ids = el.getAttribute('aria-describedby');
      if (!ids) return null;
      return ids
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    });

  it('types an existing name, in another case and spacing: the note describes the field', async () => {
    await nameField.fill('  ana   RUIZ ');
    await dialog.getByText(NOTE).waitFor();
    expect(await description()).toBe(NOTE);
    // Focus stays where the lead types.
    expect(await nameField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(lea)).toEqual([]);
  });

  it('types a new name: no note, no description', async () => {
    await nameField.fill('Ana Ruiz B');
    await expect.poll(() => dialog.getByText(NOTE).count()).toBe(0);
    expect(await description()).toBeNull();
  });

  it('a revoked invite’s name gets no note', async () => {
    await dialog.getByRole('button', { name: 'Revoke invite for Vic' }).click();
    await dialog.getByRole('button', { name: 'Revoke access for Vic' }).click();
    await dialog.getByRole('status').getByText('Access revoked for Vic.').waitFor();
    // React renders a controlled field's input at once: by now the note would be there.
    await nameField.fill('Vic');
    expect(await dialog.locator('.namesake-note').count()).toBe(0);
    expect(await description()).toBeNull();
  });

  it('the invite is still made with the same name, and then two are named', async () => {
    await nameField.fill('Ana Ruiz');
    await dialog.getByText(NOTE).waitFor();
    await dialog
      .getByRole('combobox', { name: 'Role', exact: true })
      .selectOption({ label: 'Viewer' });
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    await dialog.getByRole('textbox', { name: 'Invite link for Ana Ruiz (Viewer)' }).waitFor();
    await expect.poll(() => nameField.inputValue()).toBe('');
    expect(await dialog.getByText('Ana Ruiz', { exact: true }).count()).toBe(2);

    await nameField.fill('Ana Ruiz');
    await expect
      .poll(description)
      .toBe(
        'Ana Ruiz already has 2 invites (Editor, Viewer). To the board, two invites of one name are one person: add an initial or a desk to tell a second person apart, or go on to give Ana Ruiz another link.',
      );
  });

  it('the two get controls told apart, and Revoke takes the invite it names', async () => {
    const roleFields = dialog.getByRole('combobox', { name: /^Role for .*Ana Ruiz$/ });
    await expect.poll(() => roleFields.count()).toBe(2);
    const rows = await roleFields.evaluateAll((els) =>
      els.map((el) => ({
        name: el.getAttribute('aria-label')!.replace(/^Role for /, ''),
        role: (el as HTMLSelectElement).value,
      })),
    );
    // Both were "Role for Ana Ruiz" and "Revoke invite for Ana Ruiz": no telling which is which.
    expect(new Set(rows.map((r) => r.name)).size).toBe(2);
    const viewer = rows.find((r) => r.role === 'viewer')!.name;
    const revokeButtons = dialog.getByRole('button', { name: /^Revoke invite for .*Ana Ruiz$/ });
    expect(await revokeButtons.count()).toBe(2);

    await dialog.getByRole('button', { name: `Revoke invite for ${viewer}`, exact: true }).click();
    await dialog.getByRole('button', { name: `Revoke access for ${viewer}`, exact: true }).click();
    await dialog.getByRole('status').getByText('Access revoked for Ana Ruiz.').waitFor();
    await expect.poll(() => roleFields.count()).toBe(1);
    expect(await roleFields.inputValue()).toBe('editor');
  });
});
