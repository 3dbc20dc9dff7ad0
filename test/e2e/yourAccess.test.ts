/**
 * Your access: every member, not only a lead, opens it from the role badge in the board
 * header, reads what their role can do and what only others can, and copies their own link,
 * which opens the board as them in another browser. The built app in headless Chromium against
 * the real server, driven by role, accessible name and the keyboard.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { openBoard } from './support/boardPage';
import type { BoardServer } from './support/boardServer';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

/** The name of the element that has focus: its aria-label, or else its text. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
  });

describe.skipIf(!RUN)('Your access', () => {
  const { server, browser } = useBoardBrowser();
  let eddie: Page;
  let eddieUrl: string;
  let viewerUrl: string;
  let board: Awaited<ReturnType<BoardServer['createBoard']>>;

  beforeAll(async () => {
    board = await server.createBoard('Budget speech', 'Lea');
    eddieUrl = await server.invite(board, 'Eddie', 'editor');
    viewerUrl = await server.invite(board, 'Vi', 'viewer');
    eddie = await (await browser.newContext()).newPage();
    await openBoard(eddie, eddieUrl);
  }, 120_000);

  const panel = (page: Page): Locator => page.getByRole('region', { name: 'Your access' });

  it('an editor opens it from the keyboard and hears what only a lead can do', async () => {
    // The badge is the next stop after the board's title.
    await eddie.getByRole('heading', { level: 1 }).focus();
    await eddie.keyboard.press('Tab');
    expect(await focused(eddie)).toBe('Editor: your access');
    const badge = eddie.getByRole('button', { name: 'Editor: your access' });
    expect(await badge.textContent()).toBe('Editor');
    expect(await badge.getAttribute('aria-expanded')).toBe('false');

    await eddie.keyboard.press('Enter');
    await panel(eddie).waitFor();
    expect(await badge.getAttribute('aria-expanded')).toBe('true');
    expect(await badge.getAttribute('aria-controls')).toBe(await panel(eddie).getAttribute('id'));
    // Focus moved into it, on its heading.
    expect(await focused(eddie)).toBe('Your access');
    const text = await panel(eddie).innerText();
    expect(text).toContain('You are Eddie, an editor on this board.');
    expect(text).toContain(
      'You can: add, edit, move, assign, delete and restore cards, with their evidence and verdicts; remove articles; post comments and replies, edit and delete your own, and resolve or reopen any thread; import articles.',
    );
    expect(text).toContain(
      'Only a lead can: invite people, change their roles and revoke their access; export the board and set the organisation named in its ClaimReview; change the rating scale; redact the text of any comment for good; delete the whole board.',
    );
    expect(await panel(eddie).locator('bdi').textContent()).toBe('Eddie');
  });

  it('has no axe violations while open', async () => {
    expect(await axeViolations(eddie)).toEqual([]);
  });

  it('copies the editor’s link, which opens the board as Eddie, an editor, in a fresh browser', async () => {
    await eddie.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    const copy = panel(eddie).getByRole('button', { name: 'Copy your link' });
    expect(await copy.getAttribute('aria-describedby')).toBeTruthy();
    await panel(eddie).getByText('anyone with it acts as you', { exact: false }).waitFor();
    // From the heading, the next stop is the button.
    await eddie.keyboard.press('Tab');
    expect(await focused(eddie)).toBe('Copy your link');
    await eddie.keyboard.press('Enter');
    await panel(eddie)
      .getByRole('status')
      .getByText('Your link is copied. Keep it private.')
      .waitFor();
    const link = await eddie.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(eddieUrl);

    const context = await browser.newContext();
    try {
      const fresh = await context.newPage();
      await openBoard(fresh, link);
      await fresh.getByRole('button', { name: 'Editor: your access' }).click();
      await panel(fresh).getByText('You are Eddie, an editor on this board.').waitFor();
      // An editor, not a lead: no Invite people.
      expect(await fresh.getByRole('button', { name: 'Invite people' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('Escape closes it and gives focus back to the badge', async () => {
    await panel(eddie).getByRole('button', { name: 'Copy your link' }).focus();
    await eddie.keyboard.press('Escape');
    await panel(eddie).waitFor({ state: 'hidden' });
    expect(await focused(eddie)).toBe('Editor: your access');
    expect(
      await eddie
        .getByRole('button', { name: 'Editor: your access' })
        .getAttribute('aria-expanded'),
    ).toBe('false');
  });

  it('the badge closes it too', async () => {
    const badge = eddie.getByRole('button', { name: 'Editor: your access' });
    await badge.click();
    await panel(eddie).waitFor();
    await badge.click();
    await panel(eddie).waitFor({ state: 'hidden' });
    expect(await focused(eddie)).toBe('Editor: your access');
  });

  it('a click elsewhere on the page closes it', async () => {
    await eddie.getByRole('button', { name: 'Editor: your access' }).click();
    await panel(eddie).waitFor();
    await eddie
      .getByRole('region', { name: /^Corroborated\b/ })
      .click({ position: { x: 5, y: 60 } });
    await panel(eddie).waitFor({ state: 'hidden' });
  });

  it('a click on its own text leaves it open, to select the text', async () => {
    await eddie.getByRole('button', { name: 'Editor: your access' }).click();
    await panel(eddie).waitFor();
    await panel(eddie).getByText('Only a lead can:', { exact: false }).click({ clickCount: 3 });
    expect(await panel(eddie).isVisible()).toBe(true);
    expect(await eddie.evaluate(() => String(window.getSelection()))).toContain('Only a lead can:');
    await eddie.keyboard.press('Escape');
    await panel(eddie).waitFor({ state: 'hidden' });
  });

  it('revoked while it is open, focus goes to the board’s title, not to the page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await openBoard(page, await server.invite(board, 'Rhea', 'reviewer'));
      await page.getByRole('button', { name: 'Reviewer: your access' }).click();
      await panel(page).waitFor();
      await server.revoke(board, 'Rhea');
      await page.getByText('Invite no longer valid').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    } finally {
      await context.close();
    }
  });

  it('a reviewer’s says all that commenting lets them do, not only “comment”', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await openBoard(page, await server.invite(board, 'Remy', 'reviewer'));
      await page.getByRole('button', { name: 'Reviewer: your access' }).click();
      const text = await panel(page).innerText();
      expect(text).toContain('You are Remy, a reviewer on this board.');
      expect(text).toContain(
        'You can: post comments and replies, edit and delete your own, and resolve or reopen any thread.',
      );
      expect(text).toContain(
        'Only a lead or an editor can: add, edit, move, assign, delete and restore cards, with their evidence and verdicts; remove articles; import articles.',
      );
    } finally {
      await context.close();
    }
  });

  it('a viewer’s says it cannot change cards, and who can', async () => {
    const context = await browser.newContext();
    try {
      const vi = await context.newPage();
      await openBoard(vi, viewerUrl);
      await vi.getByRole('button', { name: 'Viewer: your access' }).click();
      const text = await panel(vi).innerText();
      expect(text).toContain('You are Vi, a viewer on this board.');
      expect(text).toContain('You can read this board and change nothing on it.');
      expect(text).toContain(
        'Only a lead or an editor can: add, edit, move, assign, delete and restore cards, with their evidence and verdicts; remove articles; import articles.',
      );
      expect(text).toContain(
        'Only a lead, an editor or a reviewer can: post comments and replies, edit and delete their own, and resolve or reopen any thread.',
      );
      await panel(vi).getByRole('button', { name: 'Copy your link' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
