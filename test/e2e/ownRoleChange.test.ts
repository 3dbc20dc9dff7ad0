/**
 * One's own role change is said to oneself in the second person: a lead who steps down in
 * Invite people hears "You are now Reviewer.", and the page (this one, and the same person's
 * other page) "You changed your role to Reviewer at …", not their own name as if of someone
 * else; another lead's dialog says it of them ("Lea is now Reviewer."), and a role another lead
 * gives names that lead. The built app in headless Chromium against the real server, three
 * pages: Lea's two (one link, two browsers) and Lou's.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { openBoard } from './support/boardPage';
import { liveSaid, recordLiveRegions } from './support/liveRegions';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('one’s own role change', () => {
  const { server, browser } = useBoardBrowser();

  async function opened(url: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await openBoard(page, url);
    return page;
  }

  /** Picks `role` for `name` in the page's open Invite people and applies it by keyboard. */
  async function changeRole(page: Page, name: string, role: string): Promise<void> {
    const dialog = page.getByRole('dialog', { name: 'Invite people' });
    const select = dialog.getByRole('combobox', { name: `Role for ${name}` });
    await select.focus();
    await select.selectOption({ label: role });
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Change role of ${name} to ${role}`);
    await page.keyboard.press('Enter');
  }

  const saidMatching = async (page: Page, pattern: RegExp) =>
    (await liveSaid(page)).filter((text) => pattern.test(text));

  it('a lead stepping down hears it as theirs on both their pages; another lead of them', async () => {
    const board = await server.createBoard('Stepping down', 'Lea');
    const louUrl = await server.invite(board, 'Lou', 'lead');
    const [lea, leaElsewhere, lou] = await Promise.all([
      opened(board.leadUrl),
      opened(board.leadUrl),
      opened(louUrl),
    ]);
    for (const page of [lea, lou]) {
      await page.getByRole('button', { name: 'Invite people' }).click();
      await page.getByRole('dialog', { name: 'Invite people' }).waitFor();
    }
    for (const page of [lea, leaElsewhere, lou]) await recordLiveRegions(page);

    // The server's answer reaches her dialog before her page reads its new role (GET
    // /api/boards/:id, which takes her lead's tools and closes the dialog): the other order, which
    // a loaded machine gives now and then, closes the dialog before it can say anything, and the
    // page says it alone.
    const answered = lea.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/invites/'),
    );
    await lea.route('**/api/boards/*', async (route) => {
      if (route.request().method() === 'GET') await answered;
      await route.continue();
    });
    await changeRole(lea, 'Lea', 'Reviewer');
    const own = /^You changed your role to Reviewer at \d/;
    // Her own dialog tells her, then closes with her lead's tools.
    await lea.getByRole('dialog', { name: 'Invite people' }).waitFor({ state: 'detached' });
    await lea.unrouteAll({ behavior: 'wait' });
    expect(await saidMatching(lea, /now Reviewer/)).toEqual(['You are now Reviewer.']);
    for (const page of [lea, leaElsewhere]) {
      await page.getByText(own).first().waitFor();
      await expect.poll(() => saidMatching(page, own)).toHaveLength(1);
      await page.getByRole('button', { name: 'Reviewer: your access' }).click();
      await page
        .getByRole('region', { name: 'Your access' })
        .getByText('You are Lea, a reviewer on this board.')
        .waitFor();
    }
    await lou
      .getByRole('dialog', { name: 'Invite people' })
      .getByRole('status')
      .getByText('Lea is now Reviewer.')
      .waitFor();
    for (const page of [lea, leaElsewhere]) {
      expect(await saidMatching(page, /Lea (is now|changed)/)).toEqual([]);
    }

    // Lou makes her an editor: her pages name Lou, his dialog names her.
    await changeRole(lou, 'Lea', 'Editor');
    const byLou = /^Lou changed your role to Editor at \d/;
    for (const page of [lea, leaElsewhere]) {
      await expect.poll(() => saidMatching(page, byLou)).toHaveLength(1);
    }
    expect(await saidMatching(lou, /^(Lea is|You are) now Editor\.$/)).toEqual([
      'Lea is now Editor.',
    ]);
  }, 120_000);
});
