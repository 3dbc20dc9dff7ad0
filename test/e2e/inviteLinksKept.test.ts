/**
 * A lead invites three colleagues in a row in "Invite people" (found by QA61: only the last
 * link stayed on screen, the first two, shown "only now", were lost before they were copied):
 * every link made while the dialog is open stays to copy, newest first, each Copy button named
 * for its person; each link opens the board as that person; revoking one takes its link away;
 * the dialog passes axe with them. The built app in headless Chromium against the real
 * server, driven by role and accessible name.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { openBoard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const PEOPLE = [
  { name: 'Eddie', role: 'Editor' },
  { name: 'Erin', role: 'Editor' },
  { name: 'Rita', role: 'Reviewer' },
] as const;

describe.skipIf(!RUN)('links made one after another in Invite people', () => {
  const { browser, server } = useBoardBrowser();
  let lea: Page;
  let dialog: Locator;

  const linkOf = (p: { name: string; role: string }) =>
    dialog.getByRole('textbox', { name: `Invite link for ${p.name} (${p.role})` });

  beforeAll(async () => {
    const board = await server.createBoard('Three invites', 'Lea');
    lea = await (await browser.newContext()).newPage();
    await openBoard(lea, board.leadUrl);
    await lea.getByRole('button', { name: 'Invite people' }).click();
    dialog = lea.getByRole('dialog', { name: 'Invite people' });
    await dialog.getByRole('heading', { name: 'People invited' }).waitFor();
  }, 120_000);

  it('keeps every link made, newest first, each with its own Copy button', async () => {
    for (const p of PEOPLE) {
      await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(p.name);
      await dialog
        .getByRole('combobox', { name: 'Role', exact: true })
        .selectOption({ label: p.role });
      await dialog.getByRole('button', { name: 'Create invite link' }).click();
      await linkOf(p).waitFor();
    }
    // All three, not the last one only; the newest has focus, selected for copying.
    expect(await dialog.getByRole('textbox', { name: /^Invite link for / }).count()).toBe(3);
    const names = await dialog
      .locator('.invite-link label')
      .evaluateAll((labels) => labels.map((l) => l.textContent));
    expect(names).toEqual([
      'Invite link for Rita (Reviewer)',
      'Invite link for Erin (Editor)',
      'Invite link for Eddie (Editor)',
    ]);
    expect(await linkOf(PEOPLE[2]).evaluate((el) => el === document.activeElement)).toBe(true);
    for (const p of PEOPLE) {
      await dialog.getByRole('button', { name: `Copy link for ${p.name} (${p.role})` }).waitFor();
    }
    expect(await axeViolations(lea)).toEqual([]);
  });

  it('the first link made still opens the board as its person', async () => {
    const url = await linkOf(PEOPLE[0]).inputValue();
    const eddie = await (await browser.newContext()).newPage();
    await openBoard(eddie, url);
    await eddie.getByRole('button', { name: 'Editor: your access' }).waitFor();
    await eddie.context().close();
  });

  it('revoking an invite takes its link away, the others stay', async () => {
    await dialog.getByRole('button', { name: 'Revoke invite for Erin' }).click();
    await dialog.getByRole('button', { name: 'Revoke access for Erin' }).click();
    await dialog.getByRole('status').getByText('Access revoked for Erin.').waitFor();
    expect(await linkOf(PEOPLE[1]).count()).toBe(0);
    expect(await linkOf(PEOPLE[0]).count()).toBe(1);
    expect(await linkOf(PEOPLE[2]).count()).toBe(1);
  });
});
