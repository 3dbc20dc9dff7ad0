/**
 * What an editor's page shows once a lead has changed their role, beyond the controls: the
 * reconnection the server asks for (4205) is no lost connection. The built app in headless
 * Chromium against the real server; the lead changes the role through the API (as her Invite
 * people does), so one page, the editor's, is driven.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { chromiumAvailable } from '../helpers/browser';
import { card, openBoard, status, waitSaved } from './support/boardPage';
import { createBoardWithClaims } from './support/boardWithClaims';
import { liveSaid, recordLiveRegions } from './support/liveRegions';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const CLAIMS = [
  'Rents rose 12% this year',
  'The mayor cut 300 bus routes',
  'Crime fell by half',
] as const;

describe.skipIf(!RUN)('an editor’s page after a role change', () => {
  const { server, browser } = useBoardBrowser();
  let board: Awaited<ReturnType<typeof createBoardWithClaims>>;
  let context: BrowserContext;
  let bo: Page;

  // A board and browser of their own for each test: one left offline or with another role by a
  // failure spoils no other.
  beforeEach(async () => {
    board = await createBoardWithClaims(server, 'Desk', 'Lea', CLAIMS);
    const boUrl = await server.invite(board, 'Bo', 'editor');
    context = await browser.newContext();
    bo = await context.newPage();
    await openBoard(bo, boUrl);
  }, 60_000);

  afterEach(() => context.close());

  /** Lea gives Bo `role`; his page has taken it once its header's badge says so. */
  async function changeBoTo(role: Role, badge: string): Promise<void> {
    await server.changeRole(board, 'Bo', role);
    await expect.poll(() => bo.locator('.board-title .badge').textContent()).toBe(badge);
  }

  it('Activity does not say it waits for the connection through a role change, only when it is down', async () => {
    await bo.getByRole('button', { name: 'Activity' }).click();
    await bo
      .getByRole('region', { name: 'Activity' })
      .getByText('Lea added the card')
      .first()
      .waitFor();
    await recordLiveRegions(bo);
    const waiting = /update when the connection is back/;

    await changeBoTo('reviewer', 'Reviewer');
    await expect
      .poll(() => liveSaid(bo))
      .toContainEqual(expect.stringMatching(/^Lea changed your role to Reviewer at \d/));
    await changeBoTo('editor', 'Editor');
    await expect
      .poll(() => liveSaid(bo))
      .toContainEqual(expect.stringMatching(/^Lea changed your role to Editor at \d/));
    expect((await liveSaid(bo)).filter((text) => waiting.test(text))).toEqual([]);

    // A connection truly lost still says so.
    await context.setOffline(true);
    await expect.poll(() => status(bo).textContent()).toMatch(/^Offline/);
    await bo.getByText('Activity will update when the connection is back.').waitFor();
    await context.setOffline(false);
  }, 90_000);

  it('a selection cleared by a role that may not act on cards does not come back with the editor’s role', async () => {
    const selected = bo.locator('.card.selected');
    for (const claim of CLAIMS.slice(0, 2)) {
      await card(bo, claim)
        .locator('.claim')
        .click({ modifiers: ['Control'] });
    }
    await expect.poll(() => bo.locator('.selection-count').textContent()).toBe('2 selected');

    await changeBoTo('reviewer', 'Reviewer');
    await expect.poll(() => selected.count()).toBe(0);
    await changeBoTo('editor', 'Editor');
    // The board is shown with the role again, and said so: a selection put back is there by now.
    await bo.getByRole('checkbox', { name: `Select ${CLAIMS[0]}` }).waitFor();
    await bo
      .getByText(/^Lea changed your role to Editor at \d/)
      .first()
      .waitFor();
    expect(await selected.count()).toBe(0);
    expect(await bo.locator('.selection-count').textContent()).toBe('');
    // Nor through a reload.
    await bo.reload();
    await bo.getByRole('checkbox', { name: `Select ${CLAIMS[0]}` }).waitFor();
    await expect.poll(() => bo.locator('[data-status]').getAttribute('data-status')).toBe('saved');
    expect(await selected.count()).toBe(0);
  }, 90_000);

  it('a reviewer’s Ctrl+click and Shift+click on cards select nothing and say why, once', async () => {
    await changeBoTo('reviewer', 'Reviewer');
    await recordLiveRegions(bo);
    const why =
      'Reviewers can comment but not select cards to move; ask the board’s lead for editor access.';
    for (const [claim, modifier] of [
      [CLAIMS[0], 'Control'],
      [CLAIMS[1], 'Shift'],
      [CLAIMS[2], 'Control'],
    ] as const) {
      await card(bo, claim)
        .locator('.claim')
        .click({ modifiers: [modifier] });
    }
    // A polite status, on screen by the reviewer's own line, said once for the three clicks.
    await bo.getByRole('status').filter({ hasText: why }).waitFor();
    expect(await bo.getByRole('alert').filter({ hasText: 'select cards' }).count()).toBe(0);
    expect((await liveSaid(bo)).filter((text) => text.includes('select cards'))).toEqual([why]);
    expect(await bo.locator('.card.selected').count()).toBe(0);
  }, 90_000);

  it('a reviewer’s card keys say why they do nothing, politely and once until something else is said', async () => {
    await changeBoTo('reviewer', 'Reviewer');
    await recordLiveRegions(bo);
    const select =
      'Reviewers can comment but not select cards to move; ask the board’s lead for editor access.';
    const move =
      'Reviewers can comment but not move cards; ask the board’s lead for editor access.';
    const status = bo.locator('.banner [role="status"]');
    // Each raw change of the status's text: a sentence put there again is said again.
    await status.evaluate((region) => {
      const w = window as unknown as { statusTexts: string[] };
      w.statusTexts = [];
      new MutationObserver(() => w.statusTexts.push(region.textContent ?? '')).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await card(bo, CLAIMS[0]).focus();
    for (const key of ['x', 'x', 'Shift+A', 'Shift+ArrowDown', 'x']) await bo.keyboard.press(key);
    await expect.poll(() => status.textContent()).toBe(select);
    // Space refuses something else: said; then X again is news again.
    for (const key of ['Space', 'Space', 'x']) {
      await bo.keyboard.press(key);
      await expect.poll(() => status.textContent()).toBe(key === 'x' ? select : move);
    }
    expect(
      await bo.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts),
    ).toEqual([select, move, select]);
    // Nothing assertive: the board's announcer and alerts said none of it.
    const said = (await liveSaid(bo)).filter((text) => / cards/.test(text));
    expect(said).toEqual([select, move, select]);
    expect(await bo.getByRole('alert').filter({ hasText: 'cards' }).count()).toBe(0);
    expect(await bo.locator('.card.selected').count()).toBe(0);
  }, 90_000);

  it('the connection pill does not show a role change’s reconnection as a connection problem', async () => {
    // Every label and look the pill takes, from before the role changes.
    await bo.locator('.status-pill').evaluate((pill) => {
      const w = window as unknown as { pillSeen: string[] };
      w.pillSeen = [];
      new MutationObserver(() => w.pillSeen.push(`${pill.className}: ${pill.textContent}`)).observe(
        pill,
        { attributes: true, childList: true, characterData: true, subtree: true },
      );
    });
    await changeBoTo('reviewer', 'Reviewer');
    await changeBoTo('editor', 'Editor');
    await waitSaved(bo);
    const seen = await bo.evaluate(() => (window as unknown as { pillSeen: string[] }).pillSeen);
    expect(seen.filter((s) => /Connecting|status-connecting/.test(s))).toEqual([]);
  }, 90_000);
});
