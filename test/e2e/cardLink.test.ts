/**
 * A card's own address, `/b/<boardId>?card=<cardId>`: its dialog's history entry shows it, so
 * Back closes the card and Forward opens it again; a link to it, pasted by someone who has the
 * board, opens the board with the card open; a card the board does not have (deleted, or a
 * wrong link) is told under the board, which stays open; "Copy link to this card" puts the
 * address, without a token, on the clipboard, or shows it to copy by hand when refused.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  announced,
  card,
  clickCardAction,
  openBoard,
  openCard,
  waitSaved,
} from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const CLAIM = 'Ferry fares doubled in 2024';

/** The notice at the foot of the board (the board's status line for what it tells). */
const notice = (page: Page): Locator => page.getByRole('group', { name: 'Notice' });

describe.skipIf(!RUN)('a card’s own address', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let boUrl: string;
  let leadContext: BrowserContext;
  let lead: Page;
  let boardAddress: string;
  let cardId: string;
  /** The address of the card CLAIM. */
  let cardLink: string;

  beforeAll(async () => {
    board = await server.createBoard('Ferries', 'Lea');
    boUrl = await server.invite(board, 'Bo', 'editor');
    leadContext = await browser.newContext();
    lead = await leadContext.newPage();
    // From the start page: Back past the board leaves it for this page.
    await lead.goto(`${server.url}/`);
    await openBoard(lead, board.leadUrl);
    await addClaim(lead, CLAIM);
    await waitSaved(lead);
    boardAddress = `${server.url}/b/${board.id}`;
    cardId = (await card(lead, CLAIM).getAttribute('data-card-id')) ?? '';
    expect(cardId).not.toBe('');
    cardLink = `${boardAddress}?card=${cardId}`;
  }, 120_000);

  const dialogs = (page: Page) => page.getByRole('dialog');
  /** The card CLAIM's dialog is open and the address names it. */
  const cardShown = async (page: Page) => {
    await page.getByRole('dialog', { name: CLAIM }).waitFor();
    expect(page.url()).toBe(cardLink);
  };
  /** No dialog, and the address is the board's alone (a closed card's entry is taken back later). */
  const boardShown = async (page: Page) => {
    await expect.poll(() => dialogs(page).count()).toBe(0);
    await expect.poll(() => page.url()).toBe(boardAddress);
  };

  it('Back closes a card, Forward opens it again, and the address names it while open', async () => {
    expect(lead.url()).toBe(boardAddress);
    await openCard(lead, CLAIM);
    expect(lead.url()).toBe(cardLink);

    await lead.goBack();
    await boardShown(lead);
    await lead.goForward();
    await cardShown(lead);

    // Closed with Close: Forward opens it again all the same.
    await lead.getByRole('button', { name: 'Close', exact: true }).click();
    await boardShown(lead);
    await lead.goForward();
    await cardShown(lead);

    // Opened by Forward, Back still closes it, and the next Back leaves the board.
    await lead.goBack();
    await boardShown(lead);
    await lead.goBack();
    await expect.poll(() => lead.url()).toBe(`${server.url}/`);
    await lead.goForward();
    await waitSaved(lead);
    await boardShown(lead);
  }, 60_000);

  it('a reload with a card open opens it again, and Back still closes it', async () => {
    await openCard(lead, CLAIM);
    await lead.reload();
    await cardShown(lead);
    await lead.goBack();
    await boardShown(lead);
    await card(lead, CLAIM).waitFor();
  }, 60_000);

  it('an invite link opened on an open card’s address keeps the card open, and Close leaves it', async () => {
    const dialog = await openCard(lead, CLAIM);
    const comment = dialog.getByRole('textbox', { name: 'New comment' });
    await comment.fill('Half a thought');
    // Only the fragment changes: the same page, where the token is taken out of the address.
    await lead.evaluate(
      (url) => window.location.assign(url),
      `${cardLink}#invite=${board.leadToken}`,
    );
    await expect.poll(() => lead.url()).toBe(cardLink);
    // Not taken for Back: the card stays open, asking nothing, with what was typed.
    expect(await dialog.getByRole('alertdialog').count()).toBe(0);
    expect(await comment.inputValue()).toBe('Half a thought');
    await lead.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Discard and close' }).click();
    // Both of its entries are taken back: the address is the board's, Back leaves it.
    await boardShown(lead);
    await lead.goBack();
    await expect.poll(() => lead.url()).toBe(`${server.url}/`);
    await lead.goForward();
    await waitSaved(lead);
  }, 60_000);

  it('Copy link puts the card’s address on the clipboard, without a token, from the keyboard', async () => {
    await leadContext.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    const dialog = await openCard(lead, CLAIM);
    // Focus starts on Close; the link is the next stop.
    await lead.keyboard.press('Tab');
    const copy = dialog.getByRole('button', { name: 'Copy link to this card' });
    expect(await copy.evaluate((b) => b === document.activeElement)).toBe(true);
    await lead.keyboard.press('Enter');
    await expect
      .poll(() => dialog.getByRole('status').filter({ hasText: /\S/ }).allTextContents())
      .toEqual(['Link copied.']);
    const copied = await lead.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(cardLink);
    expect(copied).not.toContain(board.leadToken);
    expect(copied).not.toContain('invite');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => dialogs(lead).count()).toBe(0);
  }, 60_000);

  it('with the clipboard refused, the link shows in a field to copy by hand', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) },
      });
    });
    await openBoard(page, board.leadUrl);
    const dialog = await openCard(page, CLAIM);
    await dialog.getByRole('button', { name: 'Copy link to this card' }).click();
    const field = dialog.getByRole('textbox', { name: 'Link to this card' });
    await field.waitFor();
    expect(await field.inputValue()).toBe(cardLink);
    expect(
      await field.evaluate((f) => f === document.activeElement && (f as HTMLInputElement).readOnly),
    ).toBe(true);
    expect(await dialog.getByRole('status').filter({ hasText: /\S/ }).textContent()).toContain(
      'Copying was blocked',
    );
    await context.close();
  }, 60_000);

  it('a pasted card link opens the board with the card open, and Back closes it on the board', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await openBoard(first, boUrl);
    await first.close();
    // A card made since Bo's device last had the board: opened from the server's copy.
    const later = 'Ferry crossings fell by a fifth';
    await addClaim(lead, later);
    await waitSaved(lead);
    const laterId = await card(lead, later).getAttribute('data-card-id');
    for (const [claim, id] of [
      [CLAIM, cardId],
      [later, laterId],
    ] as const) {
      const page = await context.newPage();
      await page.goto(`${boardAddress}?card=${id}`);
      await page.getByRole('dialog', { name: claim }).waitFor();
      expect(page.url()).toBe(`${boardAddress}?card=${id}`);
      await page.goBack();
      await boardShown(page);
      // Closing it focuses its card on the board, which stays open.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-card-id')))
        .toBe(id);
      await page.close();
    }
    await context.close();
  }, 60_000);

  // "constructor": the board's cards were a plain object, whose constructor the page opened.
  it.each(['no-such-card', 'constructor'])(
    'a link to a card the board does not have (%s) says so and leaves the board open',
    async (id) => {
      const page = await leadContext.newPage();
      await page.goto(`${boardAddress}?card=${id}`);
      await waitSaved(page);
      await expect
        .poll(() => notice(page).textContent())
        .toContain('The card this link names is not on the board');
      expect(await announced(page)).toContain('The card this link names is not on the board');
      await boardShown(page);
      await card(page, CLAIM).waitFor();
      await page.close();
    },
    60_000,
  );

  it('Forward onto a card deleted since says so and stays on the board', async () => {
    const doomed = 'Ferry staff went unpaid for months';
    await addClaim(lead, doomed);
    await openCard(lead, doomed);
    await lead.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => dialogs(lead).count()).toBe(0);
    await clickCardAction(lead, doomed, 'Delete card');
    await expect.poll(() => card(lead, doomed).count()).toBe(0);
    await lead.goForward();
    await expect
      .poll(() => notice(lead).textContent())
      .toContain('That card is no longer on the board: it was deleted.');
    await boardShown(lead);
    // The address names no card: a reload opens the board alone.
    await lead.reload();
    await waitSaved(lead);
    expect(await dialogs(lead).count()).toBe(0);
  }, 60_000);
});
