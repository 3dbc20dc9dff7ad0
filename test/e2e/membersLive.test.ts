/**
 * The board's members follow the lead's invites live: Edith (editor) has a card open when Lea
 * (lead, in a browser context of her own) invites Bo, and without closing the card Edith can
 * @mention Bo and give him the card; once Lea revokes the invite, Bo is offered in neither.
 * The built app in headless Chromium against the real server, driven by role and accessible
 * name.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { addClaim, openBoard, openCard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const CLAIM = 'The council hired 40 new inspectors';
const RUN = chromiumAvailable();

/** The names the comment box offers for what is typed, none while its list is closed. */
async function mentionOptions(box: Locator): Promise<string[]> {
  // The box names its list in aria-controls only while the list shows.
  const listId = await box.getAttribute('aria-controls');
  if (listId === null) return [];
  return box.page().locator(`[id="${listId}"]`).getByRole('option').allTextContents();
}

describe.skipIf(!RUN)('Mentions and Give card follow the invites live', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let edith: Page;
  let card: Locator;
  let leaInvites: Locator;

  beforeAll(async () => {
    const board = await server.createBoard('Inspectors', 'Lea');
    const edithUrl = await server.invite(board, 'Edith', 'editor');
    [lea, edith] = (await Promise.all(
      [0, 1].map(async () => (await browser.newContext()).newPage()),
    )) as [Page, Page];
    await openBoard(lea, board.leadUrl);
    await addClaim(lea, CLAIM);
    await openBoard(edith, edithUrl);
    card = await openCard(edith, CLAIM);
    await lea.getByRole('button', { name: 'Invite people' }).click();
    leaInvites = lea.getByRole('dialog', { name: 'Invite people' });
    await leaInvites.getByRole('combobox', { name: 'Role for Edith' }).waitFor();
  }, 120_000);

  const giveChoices = () =>
    card
      .getByRole('combobox', { name: 'Colleague to give the card to' })
      .locator('option')
      .allTextContents();

  /** Types "@Bo" in Edith's empty comment box and reads what it offers. */
  async function offeredForBo(): Promise<string[]> {
    const box = card.getByRole('textbox', { name: 'New comment' });
    await box.fill('');
    await box.click();
    await edith.keyboard.type('@Bo');
    return mentionOptions(box);
  }

  it('Bo, invited while Edith has the card open, is offered there at once', async () => {
    expect(await giveChoices()).toEqual(['Choose a colleague…', 'Lea (lead)']);
    expect(await offeredForBo()).toEqual([]);

    await leaInvites.getByRole('textbox', { name: 'Name' }).fill('Bo Marsh');
    await leaInvites.getByRole('button', { name: 'Create invite link' }).click();

    await expect
      .poll(giveChoices, { timeout: 5_000 })
      .toEqual(['Choose a colleague…', 'Bo Marsh', 'Lea (lead)']);
    await expect.poll(offeredForBo, { timeout: 5_000 }).toEqual(['Bo Marsh']);
    // The card dialog stayed open throughout.
    expect(await card.isVisible()).toBe(true);
  });

  it('once Lea revokes Bo’s invite, he is offered in neither', async () => {
    // Opened again, as a card opened after the invite: Bo is offered whatever came before.
    await card.getByRole('textbox', { name: 'New comment' }).fill('');
    await card.getByRole('button', { name: 'Close', exact: true }).click();
    await card.waitFor({ state: 'detached' });
    card = await openCard(edith, CLAIM);
    await expect
      .poll(giveChoices, { timeout: 5_000 })
      .toEqual(['Choose a colleague…', 'Bo Marsh', 'Lea (lead)']);

    await leaInvites.getByRole('button', { name: 'Revoke invite for Bo Marsh' }).click();
    await leaInvites.getByRole('button', { name: 'Revoke access for Bo Marsh' }).click();

    await expect
      .poll(giveChoices, { timeout: 5_000 })
      .toEqual(['Choose a colleague…', 'Lea (lead)']);
    await expect.poll(offeredForBo, { timeout: 5_000 }).toEqual([]);
  });
});
