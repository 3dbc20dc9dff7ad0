/**
 * Who is on the board, for everyone: the header's avatars are a button that lists each
 * person's name and role, from the keyboard and on a touch screen (found by QA: initials only,
 * names in a hover tooltip, roles nowhere), with a hostile name shown as text; and a card's
 * dialog says which colleagues have the same card open. The built app in headless Chromium
 * against the real server, driven by role and accessible name.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { addClaim, openBoard, openCard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const CLAIM = 'Ridership grew 35 percent since 2019';
const HOSTILE = '<img src=x onerror=alert(1)>';
const RUN = chromiumAvailable();

const people = (page: Page) => page.getByRole('list', { name: 'People on this board' });
/** Each person as the list says it, without the avatar's initials. */
const listed = async (page: Page) =>
  (await people(page).locator('li > span:not(.avatar)').allTextContents()).sort();

describe.skipIf(!RUN)('people on the board', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let eve: Page;
  let rhea: Page;
  const alerts: string[] = [];

  beforeAll(async () => {
    const board = await server.createBoard('Transit', 'Lea');
    const eveUrl = await server.invite(board, HOSTILE, 'editor');
    const rheaUrl = await server.invite(board, 'Rhea', 'reviewer');
    lea = await (await browser.newContext()).newPage();
    eve = await (await browser.newContext()).newPage();
    const phone = { viewport: { width: 375, height: 740 }, hasTouch: true };
    rhea = await (await browser.newContext(phone)).newPage();
    for (const page of [lea, eve, rhea]) page.on('dialog', (d) => void alerts.push(d.message()));
    await openBoard(lea, board.leadUrl);
    await addClaim(lea, CLAIM);
    await openBoard(eve, eveUrl);
    await openBoard(rhea, rheaUrl);
  }, 120_000);

  it('lists names and roles from the keyboard, a hostile name as text', async () => {
    const toggle = lea.getByRole('button', { name: '3 here (people on this board)', exact: true });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await people(lea).isVisible()).toBe(false);
    await toggle.focus();
    await lea.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => listed(lea))
      .toEqual([`${HOSTILE} — Editor`, 'Lea (you) — Lead', 'Rhea — Reviewer'].sort());
    expect(await lea.locator('header img').count()).toBe(0);
    // Escape closes the list and gives focus back to the button.
    await lea.keyboard.press('Escape');
    await people(lea).waitFor({ state: 'hidden' });
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(alerts).toEqual([]);
  });

  it('opens on a tap on a phone, within the screen, and a tap elsewhere closes it', async () => {
    const toggle = rhea.getByRole('button', { name: /^3 here/ });
    // On a phone the header's tools are behind Board menu.
    await rhea.getByRole('button', { name: 'Board menu' }).tap();
    await toggle.tap();
    await expect.poll(() => listed(rhea)).toContain('Lea — Lead');
    expect(await listed(rhea)).toContain('Rhea (you) — Reviewer');
    const box = await people(rhea).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await rhea.getByRole('heading', { name: 'Transit', level: 1 }).tap();
    await people(rhea).waitFor({ state: 'hidden' });
  });

  it('says in a card’s dialog who else has the card open', async () => {
    const leaDialog = await openCard(lea, CLAIM);
    const eveDialog = await openCard(eve, CLAIM);
    await leaDialog.getByText(`Also on this card: open by ${HOSTILE}.`, { exact: true }).waitFor();
    await eveDialog.getByText('Also on this card: open by Lea.', { exact: true }).waitFor();
    expect(await leaDialog.locator('img').count()).toBe(0);
    await eveDialog.getByRole('button', { name: 'Close', exact: true }).click();
    await leaDialog.locator('.card-colleagues').waitFor({ state: 'detached' });
    expect(alerts).toEqual([]);
  });
});
