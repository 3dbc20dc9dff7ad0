/**
 * Two leads on one board, each in a browser context of their own: what one does in "Invite
 * people" (a role changed, an invite made or revoked) shows in the other's open dialog at once,
 * without reopening it, also after a time offline, and a role change reaches the other's open
 * Activity feed, as the invite made and revoked do; a "Revoke … access?" question one has open
 * goes when the other revokes first; a lead's own link, copied from her row, opens the board as
 * her in another browser; closing with a role picked and not changed, a name typed and no
 * link made, or a link made and not copied, asks first, and closing once the change is done
 * (the link copied) does not. The built app in
 * headless Chromium against the real server, driven by role and accessible name.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { afterFailedTest } from './support/afterFailedTest';
import { openBoard } from './support/boardPage';
import { holdRequests } from './support/holdRequests';
import type { BoardServer } from './support/boardServer';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('Invite people follows the other lead', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let lou: Page;
  let leaUrl: string;
  let louUrl: string;
  let board: Awaited<ReturnType<BoardServer['createBoard']>>;

  /** Lea's and Lou's pages, each in a fresh browser profile, on the board. */
  async function openPages(): Promise<void> {
    [lea, lou] = (await Promise.all(
      [0, 1].map(async () => (await browser.newContext()).newPage()),
    )) as [Page, Page];
    await openBoard(lea, leaUrl);
    await openBoard(lou, louUrl);
  }

  beforeAll(async () => {
    board = await server.createBoard('Two leads', 'Lea');
    louUrl = await server.invite(board, 'Lou', 'lead');
    await server.invite(board, 'Bo', 'editor');
    leaUrl = board.leadUrl;
    await openPages();
  }, 120_000);

  // A test that failed may leave a dialog open, or requests held (holdRequests), on a page the
  // next tests share: they get fresh pages on the same board instead (CI: one test ran out of
  // time with Invite people open, and the three after it, second tries too, could not open it).
  afterFailedTest(async () => {
    await Promise.all([lea.context().close(), lou.context().close()]);
    await openPages();
  });

  async function openInvites(page: Page): Promise<Locator> {
    await page.getByRole('button', { name: 'Invite people' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite people' });
    await dialog.getByRole('combobox', { name: 'Role for Bo' }).waitFor();
    return dialog;
  }

  /** Lea changes Bo's role in her own dialog and waits until the server has it. */
  async function leaChangesBoTo(dialog: Locator, role: string): Promise<void> {
    await dialog.getByRole('combobox', { name: 'Role for Bo' }).selectOption({ label: role });
    await dialog.getByRole('button', { name: `Change role of Bo to ${role}` }).click();
    await dialog.getByRole('status').getByText(`Bo is now ${role}.`).waitFor();
  }

  it('a role Lea changes shows in Lou’s open dialog, and is said there', async () => {
    const louDialog = await openInvites(lou);
    const boRole = louDialog.getByRole('combobox', { name: 'Role for Bo' });
    expect(await boRole.inputValue()).toBe('editor');
    const leaDialog = await openInvites(lea);

    await leaChangesBoTo(leaDialog, 'Reviewer');

    await expect.poll(() => boRole.inputValue(), { timeout: 5_000 }).toBe('reviewer');
    await louDialog.getByRole('status').getByText('Bo is now Reviewer.').waitFor();
    // The select follows the stored role: nothing picked, so no change is offered.
    expect(await louDialog.getByRole('button', { name: /^Change role of Bo/ }).count()).toBe(0);
    // Lou's dialog stayed open throughout.
    expect(await louDialog.isVisible()).toBe(true);
  });

  it('an invite Lea makes, and then revokes, shows in Lou’s open dialog', async () => {
    const louDialog = lou.getByRole('dialog', { name: 'Invite people' });
    const leaDialog = lea.getByRole('dialog', { name: 'Invite people' });
    await leaDialog.getByRole('textbox', { name: 'Name' }).fill('Cy');
    await leaDialog.getByRole('button', { name: 'Create invite link' }).click();

    const cyRole = louDialog.getByRole('combobox', { name: 'Role for Cy' });
    await cyRole.waitFor({ timeout: 5_000 });
    expect(await cyRole.inputValue()).toBe('editor');
    await louDialog.getByRole('status').getByText('Cy was invited as Editor.').waitFor();

    await leaDialog.getByRole('button', { name: 'Revoke invite for Cy' }).click();
    await leaDialog.getByRole('button', { name: 'Revoke access for Cy' }).click();

    await cyRole.waitFor({ state: 'detached', timeout: 5_000 });
    await louDialog.getByRole('status').getByText("Cy's invite was revoked by Lea.").waitFor();
    const cyRow = louDialog.getByRole('listitem').filter({ hasText: 'Cy' });
    // Who revoked it, and when: Lou reads that it was Lea.
    expect(await cyRow.textContent()).toContain('Revoked by Lea, ');
    expect(await louDialog.getByRole('button', { name: 'Revoke invite for Cy' }).count()).toBe(0);
  });

  it('a role change shows in Lou’s open Activity feed, though the board did not change', async () => {
    await lou.keyboard.press('Escape');
    await lou.getByRole('dialog', { name: 'Invite people' }).waitFor({ state: 'detached' });
    await lou.getByRole('button', { name: 'Activity' }).click();
    const feed = lou.getByRole('region', { name: 'Activity' });
    await feed.getByText('changed Bo’s role from Editor to Reviewer').waitFor();
    // The invite Lea made and revoked above is in it too, by her.
    await feed.getByText('Lea invited Cy as an editor').waitFor();
    await feed.getByText('Lea revoked Cy’s access').waitFor();

    await leaChangesBoTo(lea.getByRole('dialog', { name: 'Invite people' }), 'Viewer');

    await feed.getByText('changed Bo’s role from Reviewer to Viewer').waitFor({ timeout: 5_000 });
  });

  it('a change made while Lou was offline shows in his open dialog once he is back', async () => {
    await lou.getByRole('button', { name: 'Close activity' }).click();
    const louDialog = await openInvites(lou);
    const boRole = louDialog.getByRole('combobox', { name: 'Role for Bo' });
    expect(await boRole.inputValue()).toBe('viewer');
    // Offline, Lou's page hears nothing from the server.
    await lou.context().setOffline(true);
    await leaChangesBoTo(lea.getByRole('dialog', { name: 'Invite people' }), 'Editor');
    await lou.waitForTimeout(500);
    expect(await boRole.inputValue()).toBe('viewer');
    await lou.context().setOffline(false);
    await expect.poll(() => boRole.inputValue(), { timeout: 10_000 }).toBe('editor');
    await louDialog.getByRole('status').getByText('Bo is now Editor.').waitFor();
  });

  it('a role change waiting for the server is named as it reads: "Changing…"', async () => {
    const dialog = lea.getByRole('dialog', { name: 'Invite people' });
    const release = await holdRequests(lea, '**/api/boards/*/invites/*');
    try {
      await dialog
        .getByRole('combobox', { name: 'Role for Bo' })
        .selectOption({ label: 'Reviewer' });
      await dialog.getByRole('button', { name: 'Change role of Bo to Reviewer' }).click();
      const busy = dialog.getByRole('button', { name: 'Changing role of Bo to Reviewer' });
      await busy.waitFor();
      expect(await busy.textContent()).toBe('Changing…');
      expect(await axeViolations(lea)).toEqual([]);
    } finally {
      await release();
    }
    await dialog.getByRole('status').getByText('Bo is now Reviewer.').waitFor();
  });

  it('a "Revoke … access?" question Lou has open goes when Lea revokes Bo first, and says so', async () => {
    const louDialog = lou.getByRole('dialog', { name: 'Invite people' });
    const leaDialog = lea.getByRole('dialog', { name: 'Invite people' });
    await louDialog.getByRole('button', { name: 'Revoke invite for Bo' }).click();
    const question = louDialog.getByRole('group', { name: "Revoke Bo's access?" });
    // Named as it reads, so that "click Revoke access" works by voice (axe:
    // label-content-name-mismatch), with whose access: the question's group says it too.
    const confirm = question.getByRole('button', { name: 'Revoke access for Bo', exact: true });
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(lou)).toEqual([]);

    await leaDialog.getByRole('button', { name: 'Revoke invite for Bo' }).click();
    await leaDialog.getByRole('button', { name: 'Revoke access for Bo' }).click();

    await question.waitFor({ state: 'detached', timeout: 5_000 });
    await louDialog
      .getByRole('status')
      .getByText("Bo's access was revoked by Lea.", { exact: true })
      .waitFor({ timeout: 5_000 });
    // Focus, which was in the question, goes where a new invite starts.
    const name = louDialog.getByRole('textbox', { name: 'Name' });
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await louDialog.isVisible()).toBe(true);
    // Lea, who revoked it herself, is not told that a lead did.
    expect(await leaDialog.getByText(/was revoked by/).count()).toBe(0);
  });

  it('Lea copies her own link from her row, and it opens the board as her in a fresh browser', async () => {
    await lea.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    const dialog = lea.getByRole('dialog', { name: 'Invite people' });
    const own = dialog.getByRole('listitem').filter({ hasText: 'Lea (you)' });
    const copy = own.getByRole('button', { name: 'Copy your link' });
    expect(await copy.getAttribute('aria-describedby')).toBeTruthy();
    await own.getByText('anyone with it acts as you', { exact: false }).waitFor();
    await copy.click();
    await own.getByRole('status').getByText('Your link is copied. Keep it private.').waitFor();
    const link = await lea.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(leaUrl);
    // Nobody else's row offers it.
    expect(await dialog.getByRole('button', { name: 'Copy your link' }).count()).toBe(1);

    const context = await browser.newContext();
    try {
      const fresh = await context.newPage();
      await openBoard(fresh, link);
      await fresh.getByRole('button', { name: 'Invite people' }).click();
      const theirs = fresh.getByRole('dialog', { name: 'Invite people' });
      await theirs.getByRole('listitem').filter({ hasText: 'Lea (you)' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('closing with a role picked and not changed asks first, and Discard leaves the role as it was', async () => {
    const dialog = lea.getByRole('dialog', { name: 'Invite people' });
    const louRole = dialog.getByRole('combobox', { name: 'Role for Lou' });
    await louRole.selectOption({ label: 'Editor' });
    await dialog.getByRole('button', { name: 'Change role of Lou to Editor' }).waitFor();

    await lea.keyboard.press('Escape');
    const ask = dialog.getByRole('alertdialog', { name: 'Close without saving?' });
    await ask.getByText('Not saved yet: the role Editor for Lou.').waitFor();
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await louRole.inputValue()).toBe('editor');

    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await ask.getByRole('button', { name: 'Discard and close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await lea.getByRole('button', { name: 'Invite people' }).click();
    expect(await louRole.inputValue()).toBe('lead');
    // Nothing picked now: Escape closes at once.
    await lea.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('closing at once after "Ana is now Viewer." does not ask, though the list is still being read', async () => {
    await server.invite(board, 'Ana', 'editor');
    await lea.getByRole('button', { name: 'Invite people' }).click();
    const dialog = lea.getByRole('dialog', { name: 'Invite people' });
    const roleField = dialog.getByRole('combobox', { name: 'Role for Ana' });
    // The list read as the dialog opens comes first: held too, it would never show Ana's row
    // (on a loaded machine the read could start after the hold, and this test ran out of time
    // in CI waiting for that row).
    await roleField.waitFor();
    // The server has the change; the dialog's read of the list after it is held.
    const release = await holdRequests(lea, '**/api/boards/*/invites');
    try {
      await roleField.selectOption({ label: 'Viewer' });
      await dialog.getByRole('button', { name: 'Change role of Ana to Viewer' }).click();
      await dialog.getByRole('status').getByText('Ana is now Viewer.').waitFor();
      await lea.keyboard.press('Escape');
      // Not "Close without saving?": the role is changed.
      await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    } finally {
      await release();
    }
  });

  it('closing with a name typed and no link made asks first; once the link is made, about the link only', async () => {
    await lea.getByRole('button', { name: 'Invite people' }).click();
    const dialog = lea.getByRole('dialog', { name: 'Invite people' });
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await name.fill('Rita');
    await lea.keyboard.press('Escape');
    const ask = dialog.getByRole('alertdialog', { name: 'Close without saving?' });
    await ask.getByText('Not saved yet: an invite for “Rita” (no link made yet).').waitFor();
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await name.inputValue()).toBe('Rita');

    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    await expect.poll(() => name.inputValue()).toBe('');
    // The name is no longer unsaved; the link, shown once and not copied, is what closing asks
    // about (inviteLinkClose.test.ts). Copied by hand from its field, it closes at once.
    await lea.keyboard.press('Escape');
    const link = dialog.getByRole('alertdialog', {
      name: 'The link for Rita (Editor) has not been copied. It cannot be shown again: close anyway?',
    });
    await link.waitFor();
    expect(await link.getByText('Not saved yet', { exact: false }).count()).toBe(0);
    await lea.keyboard.press('Escape');
    await link.waitFor({ state: 'detached' });
    await dialog.getByRole('textbox', { name: 'Invite link for Rita (Editor)' }).focus();
    await lea.keyboard.press('Control+C');
    await dialog.getByText('Link copied.', { exact: false }).waitFor();
    await lea.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('closing while a role change is on its way does not ask, and the change is kept', async () => {
    await server.invite(board, 'Dani', 'editor');
    await lea.getByRole('button', { name: 'Invite people' }).click();
    const dialog = lea.getByRole('dialog', { name: 'Invite people' });
    const release = await holdRequests(lea, '**/api/boards/*/invites/*');
    try {
      await dialog
        .getByRole('combobox', { name: 'Role for Dani' })
        .selectOption({ label: 'Viewer' });
      await dialog.getByRole('button', { name: 'Change role of Dani to Viewer' }).click();
      await dialog.getByRole('button', { name: 'Changing role of Dani to Viewer' }).waitFor();
      await lea.keyboard.press('Escape');
      // Not "Close without saving?" with "Discard and close", which would not stop it.
      await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    } finally {
      await release();
    }
    // The held request goes on once released, the dialog closed or not.
    const daniRole = async () => {
      const res = await fetch(`${server.url}/api/boards/${board.id}/invites`, {
        headers: { Authorization: `Bearer ${board.leadToken}` },
      });
      const { invites } = (await res.json()) as { invites: { name: string; role: string }[] };
      return invites.find((i) => i.name === 'Dani')?.role;
    };
    await expect.poll(daniRole).toBe('viewer');
  });

  it('her own revocation is not told as news, also when the news of it is read first', async () => {
    await server.invite(board, 'Eli', 'viewer');
    await lea.getByRole('button', { name: 'Invite people' }).click();
    const dialog = lea.getByRole('dialog', { name: 'Invite people' });
    await dialog.getByRole('button', { name: 'Revoke invite for Eli' }).click();
    // Every sentence the dialog's status regions say from now on.
    await lea.evaluate(() => {
      const said: string[] = [];
      Object.assign(window, { said });
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('dialog [role="status"]')) {
          if (el.textContent && said.at(-1) !== el.textContent) said.push(el.textContent);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // The server's news of the change (message 101) comes before its answer, and the list
    // it has the page read again comes back before the answer does (a slow answer).
    const listRead = lea.waitForResponse(
      (r) => r.request().method() === 'GET' && /\/invites$/.test(new URL(r.url()).pathname),
    );
    await lea.route('**/api/boards/*/invites/*', async (route) => {
      const answer = await route.fetch();
      await listRead;
      await route.fulfill({ response: answer });
    });
    try {
      await dialog.getByRole('button', { name: 'Revoke access for Eli' }).click();
      await dialog.getByRole('status').getByText('Access revoked for Eli.').waitFor();
    } finally {
      await lea.unrouteAll({ behavior: 'wait' });
    }
    const said = (await lea.evaluate(() => (window as unknown as { said: string[] }).said)).join(
      ' | ',
    );
    // Not "Eli's invite was revoked.", as if another lead had done it.
    expect(said).not.toContain('was revoked');
    await lea.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('a role Lou picked before Lea changed it is not applied over hers: he is told, and picks again (QA)', async () => {
    await server.invite(board, 'Cai', 'editor');
    await Promise.all([lea.reload(), lou.reload()]);
    const dialogs: Locator[] = [];
    for (const page of [lea, lou]) {
      await page.getByRole('button', { name: 'Invite people' }).click();
      dialogs.push(page.getByRole('dialog', { name: 'Invite people' }));
    }
    const [leaDialog, louDialog] = dialogs as [Locator, Locator];
    const role = (dialog: Locator) => dialog.getByRole('combobox', { name: 'Role for Cai' });
    const change = (dialog: Locator, to: string) =>
      dialog.getByRole('button', { name: `Change role of Cai to ${to}` });
    // Lou picks Viewer while Cai is an editor; Lea makes Cai a reviewer first.
    await role(louDialog).selectOption('viewer');
    await role(leaDialog).selectOption('reviewer');
    await change(leaDialog, 'Reviewer').click();
    await louDialog.getByRole('status').getByText('Cai is now Reviewer.').waitFor();

    // His pick, made over the role Cai had before, is still offered: applying it is refused.
    await change(louDialog, 'Viewer').click();
    await louDialog
      .getByRole('alert')
      .getByText('Someone else changed Cai’s role after you picked Viewer', { exact: false })
      .waitFor();
    const listed = await fetch(`${server.url}/api/boards/${board.id}/invites`, {
      headers: { authorization: `Bearer ${board.leadToken}` },
    });
    const { invites } = (await listed.json()) as { invites: { name: string; role: string }[] };
    expect(invites.find((i) => i.name === 'Cai')?.role).toBe('reviewer');
    // Picked again over the role as it is now, it is applied.
    await louDialog.getByRole('button', { name: 'Cancel' }).click();
    await role(louDialog).selectOption('viewer');
    await change(louDialog, 'Viewer').click();
    await louDialog.getByRole('status').getByText('Cai is now Viewer.').waitFor();
  });
});
